import { LbcliCommand } from '../render/appliance/lbcli-command';
import { ApplianceApiClient, CommandResult } from './api-client';
import { DUMP_CONFIG_COMMAND, DumpedConfig, parseDumpedConfig } from './appliance-config';
import { CliError, EXIT } from './exit-codes';
import { ProvisionTarget } from './target';

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

  /** Sends the commands in one request. */
  public send(commands: LbcliCommand[]): Promise<CommandResult[]> {
    return this.client.send(commands);
  }
}
