/**
 * The synthesized example against the guide's VIP table (shared/reference/cpacs-vip-set.md),
 * one test per row. The expected values are restated here from the guide, not read from the
 * library's own table, so a wrong row in the library fails here.
 */
import { describe, expect, it } from 'vitest';
import { VirtualServiceSpec } from '../../../lib';
import { specsIn, synthesizeExample } from '../../support/stacks';

type Row = [number, string, string, Array<[number, number]>, string, string];
const ALL_BUT_20000: Array<[number, number]> = [[1, 19999], [20001, 65535]];

// # | VIP name | mode | ports (SP2) | persistence | health check — as the guide's table has them.
const GUIDE: Row[] = [
  [1, 'EA_XDS_Service', 'Layer 4 DR', [[80, 80]], 'none', 'http-get'],
  [2, 'EA_Dicom_Service', 'Layer 4 DR', [[104, 104]], 'none', 'http-get'],
  [3, 'EA_Secure_Dicom_Service', 'Layer 4 DR', [[2762, 2762]], 'none', 'http-get'],
  [4, 'EA_HL7_Service', 'Layer 4 DR', [[2575, 2575]], 'none', 'http-get'],
  [5, 'EA_Secure_HL7_Service', 'Layer 4 DR', [[2576, 2576]], 'none', 'http-get'],
  [6, 'EA_Study_Management_Service', 'Layer 4 DR', [[443, 443]], 'source-ip', 'http-get'],
  [7, 'DB_MT', 'Layer 4 SNAT', ALL_BUT_20000, 'source-ip', 'connect'],
  [8, 'DB_DBVIP', 'Layer 4 SNAT', [[20000, 20000]], 'none', 'ping'],
  [9, 'DAS_Pool', 'Layer 4 DR', [[104, 104], [4100, 4100], [8080, 8080]], 'source-ip', 'http-get'],
  [10, 'ZFP', 'Layer 7', [[443, 443]], 'source-ip', 'https-get'],
  [11, 'UV', 'Layer 7', [[443, 443]], 'source-ip', 'https-get'],
  [12, 'Dakota', 'Layer 7', [[8443, 8443]], 'source-ip', 'https-get'],
  [13, 'WFM_Play_Group', 'Layer 7', [[9443, 9443]], 'source-ip', 'https-get'],
  [14, 'WFM_tomcat_Group', 'Layer 7', [[3443, 3443], [9096, 9096]], 'source-ip', 'https-get'],
  [15, 'XE_Standalone', 'Layer 7', [[8443, 8443], [9449, 9449]], 'source-ip', 'https-get'],
  [16, 'CCG_IB_2101', 'Layer 7', [[2101, 2101]], 'last-successful', 'connect'],
  [17, 'CCG_IB_2102', 'Layer 7', [[2102, 2102]], 'last-successful', 'connect'],
  [18, 'PORT_CCG_IB_2103', 'Layer 7', [[2103, 2103]], 'last-successful', 'connect'],
  [19, 'PORT_CCG_IB_2104', 'Layer 7', [[2104, 2104]], 'last-successful', 'connect'],
];

function mode(spec: VirtualServiceSpec): string {
  if (spec.layer === 7) return 'Layer 7';
  return `Layer 4 ${spec.forwarding?.toUpperCase()}`;
}

describe('the synthesized example reproduces the guide\'s VIP table', () => {
  const specs = specsIn(synthesizeExample());

  it('has exactly the 19 VIPs of the guide, names verbatim', () => {
    expect(Object.keys(specs).sort()).toEqual(GUIDE.map((row) => row[1]).sort());
  });

  it.each(GUIDE)('VIP %i %s: %s, ports, persistence %s, check %s', (_n, name, expectedMode, ports, persistence, check) => {
    const spec = specs[name];
    expect(spec, `${name} missing`).toBeDefined();
    expect(mode(spec)).toBe(expectedMode);
    expect(spec.ports.ranges.map((r) => [r.first, r.last])).toEqual(ports);
    expect(spec.persistence.kind).toBe(persistence);
    expect(spec.healthCheck.kind).toBe(check);
    expect(spec.realServers.length).toBeGreaterThanOrEqual(2);
  });

  it('Layer 7 VIPs pass TLS through (TCP mode)', () => {
    for (const row of GUIDE.filter((r) => r[2] === 'Layer 7')) expect(specs[row[1]].proxyMode).toBe('tcp');
  });

  it('DB_MT is "every TCP port except 20000" and shares its address with DB_DBVIP on 20000', () => {
    expect(specs.DB_MT.ports.allExcept).toEqual([20000]);
    expect(specs.DB_MT.address).toBe(specs.DB_DBVIP.address);
  });

  it('source IP persistence has explicit timeouts: 300 s at Layer 4, 1800 s at Layer 7', () => {
    expect(specs.EA_Study_Management_Service.persistence.timeoutSeconds).toBe(300);
    expect(specs.ZFP.persistence.timeoutSeconds).toBe(1800);
  });

  it('multi-port VIPs name their check port', () => {
    expect(specs.DAS_Pool.healthCheck.port).toBe(8080);
    expect(specs.XE_Standalone.healthCheck.port).toBe(8443);
    expect(specs.WFM_tomcat_Group.healthCheck.port).toBe(9096);
    expect(specs.DB_MT.healthCheck.port).toBe(1521);
  });
});
