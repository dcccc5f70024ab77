import { describe, expect, it } from 'vitest';
import { differingParameters, sameValue } from '../../../../lib/targets/loadbalancer-org/reported-values';

describe('comparing reported values with the values sent', () => {
  it('the same setting written differently is no difference', () => {
    for (const reported of ['3600s', '1h', '60m', '3600000', '3600000ms']) expect(sameValue('timeout_client', '3600s', reported), reported).toBe(true);
    expect(sameValue('timeout_client', '3600s', '12h')).toBe(false);
    for (const reported of ['on', 'true', 'ON', '1', 'yes']) expect(sameValue('tproxy', 'on', reported), reported).toBe(true);
    expect(sameValue('tproxy', 'on', 'off')).toBe(false);
    expect(sameValue('weight', '100', '100.0')).toBe(true);
    expect(sameValue('protocol', 'tcp', 'TCP')).toBe(true);
    expect(sameValue('weight', '100', '50')).toBe(false);
  });

  it('left out: the documented default where there is one, else unknown (never a difference)', () => {
    expect(differingParameters({ action: 'add-rip', vip: 'V', rip: 'A', weight: '100' }, { ip: '192.0.2.1' })).toEqual([]);
    expect(differingParameters({ action: 'add-rip', vip: 'V', rip: 'A', weight: '0' }, {})).toEqual(['weight']);
    expect(differingParameters({ action: 'add-vip', layer: '4', vip: 'V', persist_time: '300', check_port: '80' }, {})).toEqual([]);
    expect(differingParameters({ action: 'add-vip', layer: '7', vip: 'V', timeout_client: '3600s' }, {})).toEqual(['timeout_client']);
    expect(differingParameters({ action: 'add-vip', layer: '7', vip: 'V', timeout_client: '12h' }, {})).toEqual([]);
  });
});
