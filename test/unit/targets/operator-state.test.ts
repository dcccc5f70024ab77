import { describe, expect, it } from 'vitest';
import { DicomVip, LoadBalancerAppliance, Ports, RealServerState } from '../../../lib';
import { RealServerSpec } from '../../../lib/spec/virtual-service-spec';
import { deployedState, stateOwner, StateOwner, withState } from '../../../lib/targets/operator-state';
import { applianceStack } from '../../support/stacks';

const rip = (extra: Partial<RealServerSpec>): RealServerSpec => ({ name: 'EA1', address: '192.0.2.21', weight: 100, state: RealServerState.ONLINE, ...extra });

describe('operator state', () => {
  it('the code owns a state it sets (flag, or any state but online); otherwise the operator does', () => {
    expect(stateOwner(rip({}))).toBe(StateOwner.OPERATOR);
    expect(stateOwner(rip({ stateManaged: true }))).toBe(StateOwner.CODE);
    expect(stateOwner(rip({ state: RealServerState.DRAIN }))).toBe(StateOwner.CODE);
  });

  it("a deploy wants the code's state, or keeps the target's (online when unknown or new)", () => {
    expect(deployedState(rip({}), 'drain')).toBe(RealServerState.DRAIN);
    expect(deployedState(rip({}), 'halt')).toBe(RealServerState.HALT);
    expect(deployedState(rip({}), undefined)).toBe(RealServerState.ONLINE);
    expect(deployedState(rip({}), 'maint')).toBe(RealServerState.ONLINE);
    expect(deployedState(rip({ stateManaged: true }), 'drain')).toBe(RealServerState.ONLINE);
    expect(deployedState(rip({ state: RealServerState.HALT }), 'drain')).toBe(RealServerState.HALT);
  });

  it('records the owner only where the state alone would name another', () => {
    expect(withState(rip({}), RealServerState.DRAIN, StateOwner.OPERATOR)).toEqual(rip({ state: RealServerState.DRAIN, stateManaged: false }));
    expect(withState(rip({ stateManaged: false }), RealServerState.ONLINE, StateOwner.OPERATOR)).toEqual(rip({}));
    expect(withState(rip({}), RealServerState.ONLINE, StateOwner.CODE)).toEqual(rip({ stateManaged: true }));
    expect(withState(rip({ stateManaged: true }), RealServerState.HALT, StateOwner.CODE)).toEqual(rip({ state: RealServerState.HALT }));
    for (const state of Object.values(RealServerState)) for (const owner of Object.values(StateOwner)) expect(stateOwner(withState(rip({}), state, owner))).toBe(owner);
  });

  it('the constructs mark a state the props give, and only then', () => {
    const { appliance } = applianceStack({ managementAddress: '192.0.2.5', subnets: ['192.0.2.0/24'] });
    const vip = new DicomVip(appliance as LoadBalancerAppliance, 'dicom', {
      name: 'Dicom',
      address: '192.0.2.100',
      ports: Ports.single(104),
      realServers: [
        { name: 'EA1', address: '192.0.2.21' },
        { name: 'EA2', address: '192.0.2.22', state: RealServerState.ONLINE },
      ],
    }).toSpec();
    expect(vip.realServers.map((r) => [r.name, r.state, r.stateManaged])).toEqual([['EA1', 'online', undefined], ['EA2', 'online', true]]);
  });
});
