/**
 * Plain, valid VIP specs for renderer tests: a Layer 7 DICOM VIP on 192.0.2.10:104 with two
 * real servers, changed one field at a time by the tests.
 */
import { ApplianceSpec, VirtualServiceSpec } from '../../../../lib';

/** The appliance the fixtures live on. */
export const APPLIANCE: ApplianceSpec = { schemaVersion: 1, name: 'lb1', managementAddresses: ['192.0.2.5'], apiPort: 9443, subnets: ['192.0.2.0/24'] };

/** Default check timing, as the constructs resolve it. */
export const TIMING = { intervalSeconds: 1, timeoutSeconds: 2, rise: 3, fall: 2 };

/** A valid Layer 7 VIP; `changes` replace fields. */
export function layer7Vip(changes: Partial<VirtualServiceSpec> = {}): VirtualServiceSpec {
  return {
    schemaVersion: 1,
    appliance: 'lb1',
    name: 'Dicom_L7',
    layer: 7,
    proxyMode: 'tcp',
    clientAddress: 'none',
    address: '192.0.2.10',
    protocol: 'tcp',
    ports: { ranges: [{ first: 104, last: 104 }] },
    scheduler: 'wlc',
    healthCheck: { kind: 'connect', ...TIMING },
    persistence: { kind: 'none' },
    clientTimeoutSeconds: 3600,
    serverTimeoutSeconds: 3600,
    realServers: [
      { name: 'pacs1', address: '192.0.2.21', weight: 100, state: 'online' },
      { name: 'pacs2', address: '192.0.2.22', port: 11112, weight: 100, state: 'online' },
    ],
    ...changes,
  } as VirtualServiceSpec;
}

/** A valid Layer 4 DR VIP. */
export function layer4Vip(changes: Partial<VirtualServiceSpec> = {}): VirtualServiceSpec {
  const { proxyMode: _p, clientAddress: _c, clientTimeoutSeconds: _ct, serverTimeoutSeconds: _st, ...base } = layer7Vip({ name: 'Dicom_L4', address: '192.0.2.11' });
  return { ...base, layer: 4, forwarding: 'dr', realServers: [{ name: 'pacs1', address: '192.0.2.21', weight: 100, state: 'online' }], ...changes } as VirtualServiceSpec;
}
