import { describe, expect, it } from 'vitest';
import { realServerCommand, vipCommand } from '../../../../lib/render/loadbalancer-org/appliance-commands';
import { DumpedConfig } from '../../../../lib/targets/target-state';
import { planVirtualService } from '../../../../lib/targets/loadbalancer-org/reconcile';
import { RealServerState } from '../../../../lib/spec/real-server-state';
import { VirtualServiceSpec } from '../../../../lib/spec/virtual-service-spec';
import { SAMPLE_LAYER4_SPEC } from '../../../support/sample-layer4-spec';

// The pure planning step of apply: what the appliance has + the spec -> the writes.

const spec = SAMPLE_LAYER4_SPEC;

const params = (c: Record<string, string>) => Object.fromEntries(Object.entries(c).filter(([k]) => k !== 'action'));

/** What the appliance reports after the spec was applied exactly. */
function applied(vip: VirtualServiceSpec, states: Record<string, string> = {}): DumpedConfig {
  return {
    vips: [{
      name: vip.name, layer: vip.layer, parameters: params(vipCommand('add-vip', vip)),
      realServers: vip.realServers.map((r) => ({ name: r.name, parameters: params(realServerCommand('add-rip', vip, r.name)), state: states[r.name] ?? r.state })),
    }],
  };
}

const actions = (commands: Record<string, string>[]) => commands.map((c) => [c.action, c.rip].filter(Boolean).join(' '));
const withRealServers = (realServers: unknown[]) => ({ ...spec, realServers }) as VirtualServiceSpec;

describe('planVirtualService', () => {
  it('on an empty appliance: add the VIP, then its real servers', () => {
    expect(actions(planVirtualService(spec, { vips: [] }))).toEqual(['add-vip', 'add-rip A', 'add-rip B']);
  });

  it('when the appliance matches: nothing', () => {
    expect(planVirtualService(spec, applied(spec))).toEqual([]);
  });

  it('a weight change: that real server\'s edit alone', () => {
    const changed = withRealServers([spec.realServers[0], { ...spec.realServers[1], weight: 5 }]);
    const plan = planVirtualService(changed, applied(spec));
    expect(actions(plan)).toEqual(['edit-rip B']);
    expect(plan[0].weight).toBe('5');
  });

  it('a VIP setting change: edit-vip, never delete-vip', () => {
    const changed = { ...spec, ports: { ranges: [{ first: 11112, last: 11112 }] } } as VirtualServiceSpec;
    expect(actions(planVirtualService(changed, applied(spec)))).toEqual(['edit-vip']);
  });

  it("operator state: a deploy leaves an operator's drain or halt alone where the code sets no state, and restores the state where it does", () => {
    expect(actions(planVirtualService(spec, applied(spec, { A: 'drain', B: 'halt' })))).toEqual([]);
    const managed = withRealServers([{ ...spec.realServers[0], stateManaged: true }, spec.realServers[1]]);
    expect(actions(planVirtualService(managed, applied(spec, { A: 'drain', B: 'halt' })))).toEqual(['online A']);
    // A state other than online is the code's even without the flag.
    const halted = withRealServers([spec.realServers[0], { ...spec.realServers[1], state: RealServerState.HALT }]);
    expect(actions(planVirtualService(halted, applied(spec, { A: 'drain' })))).toEqual(['halt B']);
  });

  it('states: only the real servers whose state differs', () => {
    const changed = withRealServers([{ ...spec.realServers[0], state: RealServerState.DRAIN }, spec.realServers[1]]);
    expect(actions(planVirtualService(changed, applied(spec)))).toEqual(['drain A']);
    const managed = withRealServers(spec.realServers.map((r) => ({ ...r, stateManaged: true })));
    expect(actions(planVirtualService(managed, applied(spec, { B: 'halt' })))).toEqual(['online B']);
  });

  it('adds come before deletes, so capacity never dips', () => {
    const changed = withRealServers([spec.realServers[0], { name: 'C', address: '192.0.2.23', weight: 100, state: 'online' }]);
    expect(actions(planVirtualService(changed, applied(spec)))).toEqual(['add-rip C', 'delete-rip B']);
  });

  it('a VIP at another layer on the appliance is refused, not replaced', () => {
    const have = applied(spec);
    (have.vips[0] as { layer: number }).layer = 7;
    expect(() => planVirtualService(spec, have)).toThrow(/V: layer: the appliance has this VIP at Layer 7, the spec at Layer 4/);
  });

  it('a missing field is unknown: never a difference, never advice to delete (no layer, no parameters, no state)', () => {
    const have: DumpedConfig = { vips: [{ name: 'V', parameters: {}, realServers: spec.realServers.map((r) => ({ name: r.name, parameters: {} })) }] };
    expect(planVirtualService(spec, have)).toEqual([]);
    const bare: DumpedConfig = { vips: [{ name: 'V', parameters: { vip: 'V' }, realServers: [] }] };
    expect(actions(planVirtualService(spec, bare))).toEqual(['add-rip A', 'add-rip B']);
  });

  it('other VIPs on the appliance are not touched', () => {
    const other = { ...spec, name: 'Other' } as VirtualServiceSpec;
    expect(planVirtualService(spec, { vips: [...applied(other).vips, ...applied(spec).vips] })).toEqual([]);
  });
});
