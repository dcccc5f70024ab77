import { RELOAD_HAPROXY, stateCommand } from './appliance-commands';
import { LbcliCommand } from './lbcli-command';
import { RealServerState } from '../../spec/real-server-state';
import { VirtualServiceSpec } from '../../spec/virtual-service-spec';
import { ApplianceApiClient } from './api-client';
import { DUMP_CONFIG_COMMAND, DumpedConfig, DumpedVip, parseDumpedConfig } from './appliance-config';
import { CliError, EXIT } from '../../cli/exit-codes';
import { deleteVipCommand, planVirtualService } from './reconcile';
import { runCommands } from './run-commands';
import { ProvisionTarget } from '../provision-target';

/** The Loadbalancer.org appliance as a {@link ProvisionTarget}, through its REST API v2. */
export class ApplianceApiTarget implements ProvisionTarget {
  constructor(private readonly client: ApplianceApiClient) {}

  /** See {@link ProvisionTarget.description}. */
  public get description(): string {
    return `appliance ${this.client.endpoint}`;
  }

  /** See {@link ProvisionTarget.requestsSent}. */
  public get requestsSent(): number {
    return this.client.requestsSent;
  }

  /** Reads the configuration with `list` / `dumpconfig`. */
  public async readConfig(): Promise<DumpedConfig> {
    const [result] = await this.client.send([{ ...DUMP_CONFIG_COMMAND }]);
    if (!result || result.status !== 'success') {
      throw new CliError(EXIT.refused, `${this.description}: reading the configuration answered ${result?.status ?? 'nothing'}${result?.message ? `: ${result.message}` : ''}.`);
    }
    return parseDumpedConfig(result.raw);
  }

  /** Reads the configuration, then sends only the writes that differ, in one request. */
  public async applyVirtualService(vip: VirtualServiceSpec, dryRun: boolean): Promise<LbcliCommand[]> {
    return this.write(planVirtualService(vip, await this.readConfig()), dryRun);
  }

  /** delete-vip of each, then one reload if any was Layer 7 (Layer 7 deletes take effect at reload). */
  public deleteVirtualServices(vips: DumpedVip[], dryRun: boolean): Promise<LbcliCommand[]> {
    const deletes = vips.map((v) => deleteVipCommand(v.name, v.layer));
    return this.write(vips.some((v) => v.layer === 7) ? [...deletes, RELOAD_HAPROXY] : deletes, dryRun);
  }

  /** drain / halt / online. */
  public setRealServerState(vip: string, rip: string, state: RealServerState, dryRun: boolean): Promise<LbcliCommand[]> {
    return this.write([stateCommand(state, vip, rip)], dryRun);
  }

  /** reload-haproxy. */
  public reload(dryRun: boolean): Promise<LbcliCommand[]> {
    return this.write([RELOAD_HAPROXY], dryRun);
  }

  private async write(commands: LbcliCommand[], dryRun: boolean): Promise<LbcliCommand[]> {
    if (!dryRun && commands.length > 0) await runCommands(this, commands);
    return commands;
  }

  /** Sends commands as one request (used by runCommands). */
  public send(commands: LbcliCommand[]) {
    return this.client.send(commands);
  }
}
