import { reloadCommands, stateCommand } from './appliance-commands';
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

  /** delete-vip of each, then the reload of each layer a deleted VIP was on (a delete takes effect at its layer's reload). */
  public deleteVirtualServices(vips: DumpedVip[], dryRun: boolean): Promise<LbcliCommand[]> {
    const deletes = vips.map((v) => deleteVipCommand(v.name, v.layer));
    return this.write([...deletes, ...reloadCommands(vips.map((v) => v.layer))], dryRun);
  }

  /** drain / halt / online. */
  public setRealServerState(vip: string, rip: string, state: RealServerState, dryRun: boolean): Promise<LbcliCommand[]> {
    return this.write([stateCommand(state, vip, rip)], dryRun);
  }

  /** reload-ldirectord for Layer 4, reload-haproxy for Layer 7, each once. */
  public reload(layers: number[], dryRun: boolean): Promise<LbcliCommand[]> {
    return this.write(reloadCommands(layers), dryRun);
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
