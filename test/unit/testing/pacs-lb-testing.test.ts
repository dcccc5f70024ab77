import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DicomVip, LoadBalancerAppliance, PacsLbTesting, RealServerState } from '../../../lib';
import { applianceStack, specsIn, synthesizeExample } from '../../support/stacks';

function stackWithArchive(realServerAddress = '192.0.2.21') {
  const built = applianceStack();
  new DicomVip(built.appliance, 'Archive', { address: '192.0.2.120', realServers: [{ name: 'PACS1', address: realServerAddress }] });
  return built;
}

describe('PacsLbTesting', () => {
  it('reads the VIP specs of a stack in construct-tree order, the same specs synth writes', () => {
    const { stack, appliance } = stackWithArchive();
    new DicomVip(appliance, 'Second', { address: '192.0.2.121', realServers: [{ name: 'PACS2', address: '192.0.2.22' }] });
    const inMemory = PacsLbTesting.vipSpecs(stack);
    expect(inMemory.map((s) => s.name)).toEqual(['Archive', 'Second']);
    expect(PacsLbTesting.synthVipSpecs(stack)).toEqual(inMemory);
  });

  it('finds one VIP by name, and names the VIPs there are when it is missing', () => {
    const { stack } = stackWithArchive();
    expect(PacsLbTesting.vipSpec(stack, 'Archive').realServers).toEqual([{ name: 'PACS1', address: '192.0.2.21', weight: 100, state: RealServerState.ONLINE }]);
    expect(() => PacsLbTesting.vipSpec(stack, 'Nope')).toThrow('no VIP named Nope; the VIPs are: Archive');
  });

  it('says when a name is on several appliances', () => {
    const { stack } = stackWithArchive();
    const other = new LoadBalancerAppliance(stack, 'lb2', { managementAddress: '192.0.2.6', subnets: ['192.0.2.0/24'] });
    new DicomVip(other, 'Archive', { address: '192.0.2.130', realServers: [{ name: 'PACS1', address: '192.0.2.21' }] });
    expect(PacsLbTesting.applianceSpecs(stack).map((a) => a.name)).toEqual(['lb1', 'lb2']);
    expect(() => PacsLbTesting.vipSpec(stack, 'Archive')).toThrow('2 VIPs (on lb1, lb2) named Archive');
  });

  it('returns the validation errors synth would report, and synth throws them', () => {
    const { stack } = stackWithArchive('192.0.2.256');
    const errors = PacsLbTesting.validationErrors(stack);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(/^Archive: realServers/);
    expect(() => PacsLbTesting.synth(stack)).toThrow(errors[0]);
  });

  it('returns no errors and the DR-subnet warning for a DR VIP on an appliance without subnets', () => {
    const { stack, appliance } = applianceStack({ subnets: [] });
    new DicomVip(appliance, 'Archive', { address: '192.0.2.120', realServers: [{ name: 'PACS1', address: '192.0.2.21' }] });
    expect(PacsLbTesting.validationErrors(stack)).toEqual([]);
    expect(PacsLbTesting.warnings(stack).join('\n')).toContain('pacs-lb:dr-subnets-undeclared');
  });

  it('synthesizes into the stack folder that holds cdk.tf.json and the appliance files', () => {
    const { stack } = stackWithArchive();
    const folder = PacsLbTesting.synth(stack);
    expect(existsSync(join(folder, 'cdk.tf.json'))).toBe(true);
    expect(Object.keys(specsIn(join(folder, 'pacs-lb', 'lb1')))).toEqual(['Archive']);
  });

  it('agrees with the files of the bundled example', () => {
    const specs = specsIn(synthesizeExample());
    expect(Object.keys(specs)).toHaveLength(19);
  });
});
