import { beforeAll, describe, expect, it } from 'vitest';
import { DicomVip } from '../../../lib';
import { pacsLbMatchers } from '../../../lib/testing/vitest';
import { applianceStack } from '../../support/stacks';

beforeAll(() => {
  expect.extend(pacsLbMatchers);
});

function stackWithArchive(address = '192.0.2.21') {
  const { stack, appliance } = applianceStack();
  new DicomVip(appliance, 'Archive', { address: '192.0.2.120', realServers: [{ name: 'PACS1', address }] });
  return stack;
}

describe('the vitest matchers of cdktf-pacs-lb/testing', () => {
  it('toHaveVip passes on a partial spec and fails with a diff of the field that differs', () => {
    expect(stackWithArchive()).toHaveVip('Archive', { layer: 4, ports: { ranges: [{ first: 104, last: 104 }] } });
    expect(() => expect(stackWithArchive()).toHaveVip('Archive', { layer: 7 })).toThrow(/VIP Archive does not match:[\s\S]*"layer": 7/);
  });

  it('toHaveVip names the VIPs there are when the name is missing', () => {
    expect(() => expect(stackWithArchive()).toHaveVip('Nope')).toThrow('expected a VIP named Nope; the VIPs are: Archive');
    expect(stackWithArchive()).not.toHaveVip('Nope');
  });

  it('toHaveRealServers wants every server, in order, and nothing more', () => {
    const stack = stackWithArchive();
    expect(stack).toHaveRealServers('Archive', [{ name: 'PACS1', address: '192.0.2.21' }]);
    expect(() => expect(stack).toHaveRealServers('Archive', [])).toThrow('real servers of Archive differ');
    expect(() => expect(stack).toHaveRealServers('Archive', [{ name: 'PACS1' }, { name: 'PACS2' }])).toThrow('real servers of Archive differ');
  });

  it('toFailSynthWith passes on a validation error of synth, and fails when synth succeeds', () => {
    expect(stackWithArchive('192.0.2.256')).toFailSynthWith('Archive: realServers');
    expect(stackWithArchive('192.0.2.256')).not.toFailSynthWith('Archive: healthCheck');
    expect(() => expect(stackWithArchive()).toFailSynthWith('Archive')).toThrow('but it succeeded');
    expect(() => expect(stackWithArchive('192.0.2.256')).toFailSynthWith(/Archive: ports/)).toThrow(/it failed with:[\s\S]*Archive: realServers/);
  });
});
