import type { StateOwner } from './operator-state';

/**
 * What a target reports it has: its VIPs with their parameters (in the appliance's lbcli
 * names, as strings) and real servers. A parameter, a layer or a state a reply leaves out is
 * absent here: *unknown*, which the planner never treats as a difference.
 */
export interface DumpedConfig {
  /** The VIPs on the target. */
  readonly vips: DumpedVip[];
}

/** One VIP as the target reports it: its parameters, with its real servers. */
export interface DumpedVip {
  /** The VIP's name. */
  readonly name: string;
  /** 4 or 7; absent when the reply does not say. */
  readonly layer?: number;
  /** Every parameter reported, as strings (booleans as `on`/`off`). */
  readonly parameters: Record<string, string>;
  /** The real servers. */
  readonly realServers: DumpedRealServer[];
}

/** One real server as the target reports it. */
export interface DumpedRealServer {
  /** The real server's name. */
  readonly name: string;
  /** Its parameters as strings. */
  readonly parameters: Record<string, string>;
  /** `online`, `drain` or `halt`; absent when the reply does not say (read as online, the default). */
  readonly state?: string;
  /** Who owns the state (`code` or `operator`, see {@link StateOwner}), when the target knows its specs. */
  readonly stateOwner?: string;
  /** Health as the target sees it (`up`, `down`, ...), when reported. */
  readonly health?: string;
}
