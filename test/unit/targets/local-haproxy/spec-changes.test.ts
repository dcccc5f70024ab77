import { describe, expect, it } from 'vitest';
import { RealServerState } from '../../../../lib/spec/real-server-state';
import { VirtualServiceSpec } from '../../../../lib/spec/virtual-service-spec';
import { specChanges } from '../../../../lib/targets/local-haproxy/spec-changes';

const spec = {
  schemaVersion: 1, appliance: 'lb', name: 'V', layer: 4, address: '192.0.2.10', protocol: 'tcp', description: 'one',
  ports: { ranges: [{ first: 104, last: 104 }] }, scheduler: 'wlc', healthCheck: { kind: 'connect' }, persistence: { kind: 'none' },
  realServers: [{ name: 'A', address: '192.0.2.21', weight: 100, state: 'online' }, { name: 'B', address: '192.0.2.22', weight: 100, state: 'online' }],
} as unknown as VirtualServiceSpec;
const actions = (changes: Record<string, string>[]) => changes.map((c) => [c.action, c.rip].filter(Boolean).join(' '));

describe('changes between a stored and a new spec (local HAProxy target, in spec terms)', () => {
  it('new, unchanged, and a description alone: add all, nothing, nothing', () => {
    expect(actions(specChanges(spec, undefined))).toEqual(['add-vip', 'add-rip A', 'add-rip B']);
    expect(specChanges(spec, spec)).toEqual([]);
    expect(specChanges({ ...spec, description: 'two' }, spec)).toEqual([]);
  });

  it('settings, real servers and states, adds before removals', () => {
    const changed = {
      ...spec, ports: { ranges: [{ first: 11112, last: 11112 }] },
      realServers: [{ ...spec.realServers[0], weight: 5, state: RealServerState.DRAIN }, { name: 'C', address: '192.0.2.23', weight: 100, state: RealServerState.HALT }],
    } as VirtualServiceSpec;
    expect(actions(specChanges(changed, spec))).toEqual(['edit-vip', 'edit-rip A', 'add-rip C', 'drain A', 'halt C', 'delete-rip B']);
  });
});
