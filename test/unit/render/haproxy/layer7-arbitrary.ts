/**
 * fast-check generators of valid Layer 7 VIP specs, as plain spec objects: every proxy mode,
 * client-address mode, scheduler, port shape (single, list, range), health check kind with its
 * options and timing, persistence kind, timeouts, real-server state, port and re-encryption,
 * IPv4 and IPv6. Validity is asserted by the test, so a generator mistake fails loudly.
 */
import * as fc from 'fast-check';
import { HealthCheckSpec, PersistenceSpec, RealServerSpec, VirtualServiceSpec } from '../../../../lib';
import { mergeRanges } from '../../../../lib/spec/ports';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const chars = (set: string, minLength: number, maxLength: number) => fc.string({ unit: fc.constantFrom(...set.split('')), minLength, maxLength });
/** A name with a letter or digit at both ends and inner spaces, `_`, `.`, `-` (AE titles, HL7 names). */
const padded = (max: number) => fc.tuple(chars(ALNUM, 1, 1), chars(`${ALNUM} _.-`, 0, max - 2), chars(ALNUM, 1, 1)).map((p) => p.join(''));
const port = fc.integer({ min: 1, max: 65535 });
const checkTiming = fc.record({
  intervalSeconds: fc.integer({ min: 1, max: 3600 }),
  timeoutSeconds: fc.integer({ min: 1, max: 3600 }),
  rise: fc.integer({ min: 1, max: 100 }),
  fall: fc.integer({ min: 1, max: 100 }),
});

const portRanges = fc.oneof(
  port.map((p) => [{ first: p, last: p }]),
  fc.uniqueArray(port, { minLength: 2, maxLength: 5 }).map((ps) => mergeRanges(ps.map((p) => ({ first: p, last: p })))),
  fc.tuple(fc.integer({ min: 1, max: 65000 }), fc.integer({ min: 1, max: 535 })).map(([first, n]) => [{ first, last: first + n }]),
);

/** The check's kind-specific fields; port checks on multi-port VIPs always name their port. */
function checkFields(multiPort: boolean): fc.Arbitrary<Omit<HealthCheckSpec, 'intervalSeconds' | 'timeoutSeconds' | 'rise' | 'fall'>> {
  const checkPort = multiPort ? port : fc.option(port, { nil: undefined });
  const http = (kind: string) =>
    fc.record({
      kind: fc.constant(kind),
      port: checkPort,
      path: chars(`${ALNUM}/._~%?&=+:-`, 0, 60).map((p) => `/${p}`),
      expectStatus: fc.integer({ min: 100, max: 599 }),
      expectText: fc.option(chars(`${ALNUM} _.:/=-`, 1, 40), { nil: undefined }),
      host: fc.option(chars('abcdefghijklmnop', 1, 12).map((h) => `${h}.pacs.example`), { nil: undefined }),
    });
  return fc.oneof(
    http('http-get'),
    http('https-get'),
    fc.record({ kind: fc.constant('connect'), port: checkPort }),
    fc.record({ kind: fc.constant('dicom-association'), port: checkPort, calledAeTitle: padded(16), callingAeTitle: padded(16) }),
    fc.record({ kind: fc.constant('hl7-mllp'), port: checkPort, sendingApplication: padded(40), sendingFacility: padded(40), receivingApplication: padded(40), receivingFacility: padded(40) }),
    fc.record({ kind: fc.constant('external'), port: fc.option(port, { nil: undefined }), script: chars(`${ALNUM}_-`, 1, 20).map((n) => `/usr/local/lib/checks/${n}`) }),
    fc.constant({ kind: 'none' }),
  ) as fc.Arbitrary<Omit<HealthCheckSpec, 'intervalSeconds' | 'timeoutSeconds' | 'rise' | 'fall'>>;
}

function persistence(http: boolean): fc.Arbitrary<PersistenceSpec> {
  return fc.oneof(
    fc.constant({ kind: 'none' }),
    fc.integer({ min: 1, max: 86400 }).map((timeoutSeconds) => ({ kind: 'source-ip', timeoutSeconds })),
    fc.constant({ kind: 'last-successful' }),
    ...(http ? [chars(`${ALNUM}_-`, 1, 64).map((cookieName) => ({ kind: 'http-cookie', cookieName }))] : []),
  ) as fc.Arbitrary<PersistenceSpec>;
}

const address = (ipv6: boolean, n: number) => (ipv6 ? `2001:db8::${n.toString(16)}` : `198.51.100.${n % 250 + 1}`);
/** Real servers live apart from VIP addresses (a real server at the VIP's own address and port is refused). */
const serverAddress = (ipv6: boolean, n: number) => (ipv6 ? address(true, n + 0x1000) : `203.0.113.${n % 250 + 1}`);

/** One valid Layer 7 VIP named `name`, without spec fields the test fills in. */
export function layer7Spec(name: string): fc.Arbitrary<VirtualServiceSpec> {
  return fc
    .record({ ranges: portRanges, http: fc.boolean(), ipv6: fc.boolean() })
    .chain(({ ranges, http, ipv6 }) => {
      const multiPort = ranges.length > 1 || ranges[0].first !== ranges[0].last;
      const server = fc.record({
        ipv6: fc.boolean(),
        n: fc.integer({ min: 1, max: 200 }),
        port: multiPort ? fc.constant(undefined) : fc.option(port, { nil: undefined }),
        weight: fc.integer({ min: 0, max: 256 }),
        maxConnections: fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: undefined }),
        state: fc.constantFrom('online', 'online', 'drain', 'halt'),
        encrypted: http ? fc.option(fc.boolean(), { nil: undefined }) : fc.constant(undefined),
      });
      return fc.record({
        ports: fc.constant({ ranges }),
        address: fc.integer({ min: 1, max: 250 }).map((n) => address(ipv6, n)),
        proxyMode: fc.constant(http ? 'http' : 'tcp'),
        clientAddress: fc.constantFrom(...(http ? ['none', 'x-forwarded-for', 'proxy-v1', 'proxy-v2', 'transparent'] : ['none', 'proxy-v1', 'proxy-v2', 'transparent'])),
        scheduler: fc.constantFrom('wlc', 'wrr'),
        healthCheck: fc.tuple(checkFields(multiPort), checkTiming).map(([fields, timing]) => ({ ...fields, ...timing })),
        persistence: persistence(http),
        clientTimeoutSeconds: fc.integer({ min: 1, max: 86400 }),
        serverTimeoutSeconds: fc.integer({ min: 1, max: 86400 }),
        maxConnections: fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: undefined }),
        // One address is one real server in a VIP (a validation rule): addresses are drawn unique.
        realServers: fc.uniqueArray(server, { minLength: 1, maxLength: 4, selector: (s) => `${s.ipv6}|${s.n}` }).map((servers) =>
          servers.map(({ ipv6: v6, n, ...rest }, i): RealServerSpec => JSON.parse(JSON.stringify({ name: `rs-${i + 1}`, address: serverAddress(v6, n), ...rest }))),
        ),
      });
    })
    .map((fields) => JSON.parse(JSON.stringify({ schemaVersion: 1, appliance: 'lb1', name, layer: 7, protocol: 'tcp', ...fields })) as VirtualServiceSpec);
}

/** A batch of `count` valid Layer 7 VIPs with distinct names. */
export function layer7Batch(count: number): fc.Arbitrary<VirtualServiceSpec[]> {
  return fc.tuple(...Array.from({ length: count }, (_, i) => layer7Spec(`Vip_${i + 1}`)));
}
