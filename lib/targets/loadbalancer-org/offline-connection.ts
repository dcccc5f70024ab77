import { DumpedConfig } from '../target-state';
import { CommandResult } from './api-client';
import { ApplianceConnection } from './appliance-api-target';
import { LbcliCommand } from '../../render/loadbalancer-org/lbcli-command';

/**
 * An appliance that is not there: reads answer with a given state (empty, or one saved by
 * `pacs-lb status --json`), in the shape appliance-reply.ts reads; writes are refused, because
 * it serves `--dry-run` alone. Needs no network and no credentials.
 */
export class OfflineConnection implements ApplianceConnection {
  /** Never sends a request. */
  public readonly requestsSent = 0;

  /**
   * @param state what the appliance is taken to have
   * @param source words for messages: `empty appliance` or the saved state's file
   */
  constructor(
    private readonly state: DumpedConfig,
    private readonly source: string,
  ) {}

  /** See {@link ApplianceConnection.endpoint}. */
  public get endpoint(): string {
    return `(offline: ${this.source})`;
  }

  /** The state, as a dumpconfig reply. */
  public async read(_commands: LbcliCommand[]): Promise<unknown> {
    const vips = this.state.vips.map((vip) => ({
      ...vip.parameters,
      vip: vip.name,
      ...(vip.layer === undefined ? {} : { layer: String(vip.layer) }),
      rips: vip.realServers.map((rip) => ({ ...rip.parameters, rip: rip.name, ...(rip.state ? { state: rip.state } : {}) })),
    }));
    return { lbapi: [{ action: 'list', status: 'success', config: { vips } }] };
  }

  /** Refused: offline is for dry runs. */
  public async send(_commands: LbcliCommand[]): Promise<CommandResult[]> {
    throw new Error('offline: nothing is sent (a bug: offline serves --dry-run only)');
  }
}
