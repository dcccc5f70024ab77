import { RealServerState } from '../spec/real-server-state';
import { VirtualServiceSpec } from '../spec/virtual-service-spec';
import { TargetChange } from './target-change';
import { DumpedConfig, DumpedVip } from './target-state';

/**
 * Where the CLI's changes go, in the words of the spec. The Loadbalancer.org appliance (REST
 * API v2, {@link ApplianceApiTarget}) is one adapter; the local HAProxy
 * ({@link LocalHaproxyProvisionTarget}) another: it keeps the specs it was given and runs
 * HAProxy with them at `reload`. Every command (apply, delete, prune, drain, halt, online,
 * status, diff) works unchanged on any adapter; session.ts chooses one from the appliance spec.
 *
 * A target plans in spec terms: it gets specs and names, and its own vocabulary (the
 * appliance's lbcli commands, HAProxy's configuration) stays inside it. Each write method
 * returns what it changed (or, with `dryRun`, would change) as {@link TargetChange} records,
 * for messages and `--dry-run` output.
 */
export interface ProvisionTarget {
  /** Words for messages: `appliance https://192.0.2.5:9443/api/v2/`. */
  readonly description: string;
  /** Requests sent so far (for reports and benchmarks). */
  readonly requestsSent: number;
  /** The VIPs and real servers the target has now, with states and health; undefined when it cannot be read. */
  readConfig(): Promise<DumpedConfig | undefined>;
  /** Brings one VIP to its spec, never deleting the VIP itself; nothing when it already matches. */
  applyVirtualService(vip: VirtualServiceSpec, dryRun: boolean): Promise<TargetChange[]>;
  /** Deletes VIPs (with their real servers) the target has, and makes that take effect (reloads their layers). */
  deleteVirtualServices(vips: DumpedVip[], dryRun: boolean): Promise<TargetChange[]>;
  /** Drains, halts or puts back one real server. */
  setRealServerState(vip: string, rip: string, state: RealServerState, dryRun: boolean): Promise<TargetChange[]>;
  /**
   * Makes the changes made so far to VIPs of these layers take effect, once per layer (the
   * appliance runs Layer 4 and Layer 7 in separate services); nothing for no layer.
   */
  reload(layers: number[], dryRun: boolean): Promise<TargetChange[]>;
  /**
   * Sessions a real server still has open, over every process that carries them (on the
   * local HAProxy, old workers too); absent on a target that cannot report them (`pacs-lb roll`
   * then waits a fixed drain time).
   */
  openSessions?(vip: string, rip: string): Promise<number>;
}
