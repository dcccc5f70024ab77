import { RealServerState } from '../spec/real-server-state';
import { RealServerSpec } from '../spec/virtual-service-spec';

/**
 * Who owns a real server's administrative state. The code owns it where it sets one (the real
 * server's props gave a state: `stateManaged`, or, without that flag, any state other than
 * online); otherwise the
 * operator does, and a deploy keeps the state the target has (`pacs-lb drain|halt|online`, or
 * the appliance's own UI). A new real server starts online either way.
 */
export enum StateOwner {
  /** The code sets the state; every deploy restores it. */
  CODE = 'code',
  /** An operator sets the state; deploys leave it. */
  OPERATOR = 'operator',
}

/** Who owns the real server's state, by its spec: `stateManaged` when given, else the code for any state but online. Pure. */
export function stateOwner(rip: RealServerSpec): StateOwner {
  return rip.stateManaged ?? rip.state !== RealServerState.ONLINE ? StateOwner.CODE : StateOwner.OPERATOR;
}

/**
 * The state a deploy wants for a real server: the spec's where the code owns it, else the state
 * the target reports now (absent or unknown: online). Pure.
 */
export function deployedState(rip: RealServerSpec, current: string | undefined): RealServerState {
  if (stateOwner(rip) === StateOwner.CODE) return rip.state;
  return Object.values(RealServerState).find((s) => s === current) ?? RealServerState.ONLINE;
}

/**
 * The real server in a state, owned by `owner`: `stateManaged` is written only where the state
 * alone would name another owner (an operator's drain or halt, the code's online). Pure.
 */
export function withState(rip: RealServerSpec, state: RealServerState, owner: StateOwner): RealServerSpec {
  const { stateManaged: _flag, ...rest } = rip;
  const inferred = state !== RealServerState.ONLINE ? StateOwner.CODE : StateOwner.OPERATOR;
  return inferred === owner ? { ...rest, state } : { ...rest, state, stateManaged: owner === StateOwner.CODE };
}
