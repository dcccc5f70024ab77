import { describe, expect, it } from 'vitest';
import { readDumpConfigReply, readVirtualListReply } from '../../../../lib/targets/loadbalancer-org/appliance-reply';
import { listAnswer, StoredVipView } from '../../../support/appliance-reply-dialects';

// One module reads every reply shape; the fixtures are the contract double's dialects.

const stored: StoredVipView[] = [
  {
    parameters: { vip: 'L4', layer: '4', ip: '192.0.2.10', ports: '104', persistent: 'off', persist_time: '300' },
    realServers: new Map([['A', { parameters: { vip: 'L4', rip: 'A', ip: '192.0.2.21', weight: '100' }, state: 'online' }], ['B', { parameters: { vip: 'L4', rip: 'B', ip: '192.0.2.22', weight: '50' }, state: 'drain' }]]),
  },
  {
    parameters: { vip: 'L7', layer: '7', ip: '192.0.2.11', ports: '443', timeout_client: '3600s', tproxy: 'on' },
    realServers: new Map([['W', { parameters: { vip: 'L7', rip: 'W', ip: '203.0.113.5', port: '8443', weight: '100' }, state: 'online' }]]),
  },
];

const dumpconfig = (dialect: Parameters<typeof listAnswer>[0]) => {
  const answer = listAnswer(dialect, { action: 'list', function: 'dumpconfig' }, stored, 'lbapi');
  return readDumpConfigReply(answer.body ?? { lbapi: [answer.result] });
};

describe('reading the appliance configuration', () => {
  it('the project shape: every parameter, layer, state and health', () => {
    const config = dumpconfig('project')!;
    expect(config.vips.map((v) => [v.name, v.layer])).toEqual([['L4', 4], ['L7', 7]]);
    expect(config.vips[0].realServers[1]).toEqual({ name: 'B', parameters: { vip: 'L4', ip: '192.0.2.22', weight: '50' }, state: 'drain', health: 'drain' });
  });

  it('the sparse shape: no layer (unknown), numbers and booleans as text, defaults absent', () => {
    const config = dumpconfig('sparse')!;
    expect(config.vips[0].layer).toBeUndefined();
    expect(config.vips[0].parameters).toEqual({ vip: 'L4', ip: '192.0.2.10', ports: '104', persistent: 'off' });
    expect(config.vips[0].realServers.map((r) => [r.name, r.parameters.weight, r.state])).toEqual([['A', undefined, undefined], ['B', '50', 'drain']]);
    expect(config.vips[1].parameters).toMatchObject({ timeout_client: '3600000', tproxy: 'on' });
  });

  it('"XML as JSON": lbapi → lists → itteration → sections; label, real and server; layer from the section', () => {
    const config = dumpconfig('xml-json')!;
    expect(config.vips.map((v) => [v.name, v.layer])).toEqual([['L4', 4], ['L7', 7]]);
    expect(config.vips[1].parameters).toMatchObject({ vip: 'L7', timeout_client: '1h' });
    expect(config.vips[1].realServers).toEqual([{ name: 'W', parameters: { ip: '203.0.113.5', port: '8443' } }]);
  });

  it('list --function virtual per layer', () => {
    const answers = ['4', '7'].map((layer) => listAnswer('virtual-list', { action: 'list', function: 'virtual', layer }, stored, 'lbapi').result);
    const config = readVirtualListReply({ lbapi: answers })!;
    expect(config.vips.map((v) => [v.name, v.layer, v.realServers.length])).toEqual([['L4', 4, 2], ['L7', 7, 1]]);
    expect(dumpconfig('virtual-list')).toBeUndefined();
  });

  it('what is not understood is undefined, never guessed', () => {
    expect(dumpconfig('opaque')).toBeUndefined();
    expect(readDumpConfigReply(undefined)).toBeUndefined();
    expect(readDumpConfigReply({ lbapi: [{ status: 'failed', message: 'no' }] })).toBeUndefined();
    expect(readDumpConfigReply({ lbapi: [{ status: 'success', config: { vips: [{ ip: 'no name' }] } }] })).toBeUndefined();
    expect(readVirtualListReply({ lbapi: [{ status: 'success', virtual: [] }] })).toBeUndefined();
  });
});
