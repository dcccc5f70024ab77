import { VirtualServiceSpec } from '../../lib/spec/virtual-service-spec';

/** A small resolved Layer 4 DR VIP spec (two real servers A and B, both online) for pure planning tests. */
export const SAMPLE_LAYER4_SPEC = {
  schemaVersion: 1, appliance: 'lb', name: 'V', layer: 4, forwarding: 'dr', address: '192.0.2.10', protocol: 'tcp',
  ports: { ranges: [{ first: 104, last: 104 }] }, scheduler: 'wlc',
  healthCheck: { kind: 'connect', intervalSeconds: 5, timeoutSeconds: 3, rise: 2, fall: 3 }, persistence: { kind: 'none' },
  realServers: [
    { name: 'A', address: '192.0.2.21', weight: 100, state: 'online' },
    { name: 'B', address: '192.0.2.22', weight: 100, state: 'online' },
  ],
} as unknown as VirtualServiceSpec;
