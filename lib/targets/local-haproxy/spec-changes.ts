import { RealServerState } from '../../spec/real-server-state';
import { RealServerSpec, VirtualServiceSpec } from '../../spec/virtual-service-spec';
import { TargetChange } from '../target-change';

/** A spec without what never reaches a target (its description) nor what is compared on its own (real servers). */
function vipSettings({ description: _description, realServers: _realServers, ...settings }: VirtualServiceSpec): string {
  return JSON.stringify(settings);
}

/** A real server without its state and who owns it (a state change is its own change). */
function ripSettings({ state: _state, stateManaged: _owner, ...settings }: RealServerSpec): string {
  return JSON.stringify(settings);
}

/**
 * The changes that bring a stored VIP spec to the desired one, in spec terms and a safe order:
 * add or edit the VIP, add or edit real servers, set states, then remove real servers the spec
 * no longer has. Empty when nothing that reaches the target differs. Pure.
 */
export function specChanges(desired: VirtualServiceSpec, stored: VirtualServiceSpec | undefined): TargetChange[] {
  const vip = desired.name;
  const changes: TargetChange[] = [];
  if (!stored) changes.push({ action: 'add-vip', vip });
  else if (vipSettings(desired) !== vipSettings(stored)) changes.push({ action: 'edit-vip', vip });
  const before = new Map((stored?.realServers ?? []).map((r) => [r.name, r]));
  for (const rip of desired.realServers) {
    const old = before.get(rip.name);
    if (!old) changes.push({ action: 'add-rip', vip, rip: rip.name });
    else if (ripSettings(old) !== ripSettings(rip)) changes.push({ action: 'edit-rip', vip, rip: rip.name });
  }
  for (const rip of desired.realServers) {
    if (rip.state !== (before.get(rip.name)?.state ?? RealServerState.ONLINE)) changes.push({ action: rip.state, vip, rip: rip.name });
  }
  const wanted = new Set(desired.realServers.map((r) => r.name));
  for (const name of before.keys()) if (!wanted.has(name)) changes.push({ action: 'delete-rip', vip, rip: name });
  return changes;
}
