import { LbcliCommand } from '../render/appliance/lbcli-command';
import { CommandResult } from './api-client';
import { DumpedConfig } from './appliance-config';

/**
 * Where the CLI's commands go. The Loadbalancer.org appliance (REST API v2) is one adapter;
 * a local HAProxy/keepalived host would be another, implementing the same two calls, and
 * every command (apply, delete, status, diff, drain) works unchanged on it.
 */
export interface ProvisionTarget {
  /** Words for messages: `appliance https://192.0.2.5:9443/api/v2/`. */
  readonly description: string;
  /** Requests sent so far (for reports and benchmarks). */
  readonly requestsSent: number;
  /** What the target has now. */
  readConfig(): Promise<DumpedConfig>;
  /** Runs commands in order, in one batch; one result per command that ran. */
  send(commands: LbcliCommand[]): Promise<CommandResult[]>;
}
