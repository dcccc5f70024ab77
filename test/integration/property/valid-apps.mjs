/**
 * fast-check generators of valid apps, written in plain JavaScript as a JavaScript user writes
 * them (no compile-time types): one appliance (single or HA pair, IPv4 or IPv6 management)
 * with 1-4 VIPs over every kind of VIP construct (Layer4Vip DR/NAT/SNAT, ReverseProxyVip TCP and
 * HTTP, DicomVip and Hl7Vip plain and TLS), every health check, persistence, port form (single,
 * list, range, every TCP port except some) and real-server state, IPv4 and IPv6.
 *
 * Each generated value is a plan of plain objects; `buildApp(plan, outdir)` builds it through
 * the public constructs.
 */
import { App, TerraformStack } from 'cdktf';
import fc from 'fast-check';
import {
  ClientAddressMode,
  DicomVip,
  ForwardingMethod,
  HealthCheck,
  Hl7Vip,
  Layer4Vip,
  LoadBalancerAppliance,
  Persistence,
  Ports,
  Protocol,
  ProxyMode,
  RealServerState,
  ReverseProxyVip,
  Scheduler,
} from '../../../lib';

/** Ports a DICOM or HL7 check must not be forced onto (their TLS ports), kept out of every generated port. */
const TLS_PORTS = [2762, 2576];
const port = fc.integer({ min: 1, max: 65535 }).filter((p) => !TLS_PORTS.includes(p));
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const word = (chars, min, max) => fc.string({ unit: fc.constantFrom(...chars.split('')), minLength: min, maxLength: max });
const spaced = (max) => fc.tuple(word(ALNUM, 1, 1), word(`${ALNUM} _.-`, 0, max - 2), word(ALNUM, 1, 1)).map((p) => p.join(''));
const timing = fc.record({ intervalSeconds: fc.integer({ min: 1, max: 30 }), timeoutSeconds: fc.integer({ min: 1, max: 30 }), rise: fc.integer({ min: 1, max: 10 }), fall: fc.integer({ min: 1, max: 10 }) });
const optional = (arb) => fc.option(arb, { nil: undefined });

/** A port shape: the Ports, how many ports it covers, and whether it is Layer 4 TCP only. */
const portShape = fc.oneof(
  port.map((p) => ({ kind: 'single', ports: [p], count: 1 })),
  fc.uniqueArray(port, { minLength: 2, maxLength: 4 }).map((ps) => ({ kind: 'list', ports: ps, count: ps.length })),
  fc.tuple(fc.integer({ min: 1, max: 60000 }), fc.integer({ min: 1, max: 300 })).map(([a, n]) => ({ kind: 'between', ports: [a, a + n], count: n + 1 })),
  fc.uniqueArray(port, { minLength: 1, maxLength: 3 }).map((ps) => ({ kind: 'allTcpExcept', ports: ps, count: 65535 - ps.length })),
);

function makePorts(shape) {
  if (shape.kind === 'single') return Ports.single(shape.ports[0]);
  if (shape.kind === 'list') return Ports.list(shape.ports);
  if (shape.kind === 'between') return Ports.between(shape.ports[0], shape.ports[1]);
  return Ports.allTcpExcept(shape.ports);
}

/** A health-check plan: the factory and its options; multi-port VIPs name the checked port. */
function checkPlan(multiPort, layer) {
  const checkPort = multiPort ? port : optional(port);
  const kinds = [
    fc.record({ kind: fc.constant('httpGet'), port: checkPort, path: word(`${ALNUM}/._-`, 0, 20).map((p) => `/${p}`), expectStatus: fc.integer({ min: 100, max: 599 }), expectText: optional(word(`${ALNUM} _.:/=-`, 1, 20)), host: optional(word('abcdef', 1, 6).map((h) => `${h}.example.org`)), t: timing }),
    fc.record({ kind: fc.constant('httpsGet'), port: checkPort, t: timing }),
    fc.record({ kind: fc.constant('connect'), port: checkPort, t: timing }),
    fc.record({ kind: fc.constant('dicomAssociation'), port: checkPort, calledAeTitle: spaced(16), callingAeTitle: spaced(16), t: timing }),
    fc.record({ kind: fc.constant('hl7Mllp'), port: checkPort, sendingApplication: spaced(40), receivingFacility: spaced(40), t: timing }),
    fc.record({ kind: fc.constant('external'), port: optional(port), script: word(`${ALNUM}_-`, 1, 12).map((n) => `/opt/pacs-checks/${n}.sh`), t: timing }),
    fc.constant({ kind: 'none' }),
  ];
  if (layer === 4) kinds.push(fc.record({ kind: fc.constant('ping'), t: timing }));
  return fc.oneof(...kinds);
}

function makeCheck(plan) {
  const { kind, t, ...options } = plan;
  if (kind === 'none') return HealthCheck.none();
  if (kind === 'ping') return HealthCheck.ping(t);
  return HealthCheck[kind]({ ...withoutUndefined(options), ...t });
}

function withoutUndefined(object) {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));
}

const serverPlan = fc.record({
  weight: optional(fc.integer({ min: 0, max: 256 })),
  state: optional(fc.constantFrom(RealServerState.ONLINE, RealServerState.DRAIN, RealServerState.HALT)),
  minConnections: optional(fc.integer({ min: 0, max: 100 })),
  maxConnections: optional(fc.integer({ min: 100, max: 100000 })),
  port: optional(port),
  encrypted: optional(fc.boolean()),
});

/** One VIP plan of each kind of construct. */
const vipPlan = fc.oneof(
  portShape.chain((shape) =>
    fc.record({
      construct: fc.constant('layer4'),
      shape: fc.constant(shape),
      forwarding: fc.constantFrom(ForwardingMethod.DR, ForwardingMethod.NAT, ForwardingMethod.SNAT),
      protocol: shape.kind === 'allTcpExcept' ? fc.constant(Protocol.TCP) : fc.constantFrom(Protocol.TCP, Protocol.UDP),
      check: checkPlan(shape.count > 1, 4),
      persistence: fc.oneof(fc.constant({ kind: 'none' }), fc.record({ kind: fc.constant('sourceIp'), timeoutSeconds: optional(fc.integer({ min: 1, max: 86400 })), netmask: optional(fc.constantFrom('255.255.255.0', '255.255.0.0')) })),
    }),
  ),
  portShape
    .filter((shape) => shape.kind !== 'allTcpExcept')
    .chain((shape) =>
      fc.boolean().chain((http) =>
        fc.record({
          construct: fc.constant('reverseProxy'),
          shape: fc.constant(shape),
          proxyMode: fc.constant(http ? ProxyMode.HTTP : ProxyMode.TCP),
          clientAddress: fc.constantFrom(...Object.values(ClientAddressMode).filter((m) => http || m !== ClientAddressMode.X_FORWARDED_FOR)),
          check: checkPlan(shape.count > 1, 7),
          persistence: fc.oneof(
            fc.constant({ kind: 'none' }),
            fc.constant({ kind: 'lastSuccessful' }),
            fc.record({ kind: fc.constant('sourceIp'), timeoutSeconds: optional(fc.integer({ min: 1, max: 86400 })) }),
            ...(http ? [fc.record({ kind: fc.constant('httpCookie'), cookieName: optional(word(`${ALNUM}_-`, 1, 12)) })] : []),
          ),
          clientTimeoutSeconds: optional(fc.integer({ min: 1, max: 86400 })),
        }),
      ),
    ),
  fc.record({
    construct: fc.constantFrom('dicom', 'hl7'),
    tls: fc.boolean(),
    forwarding: optional(fc.constantFrom(ForwardingMethod.DR, ForwardingMethod.NAT, ForwardingMethod.SNAT)),
  }),
);

const appPlanBase = fc.record({
  pair: fc.boolean(),
  ipv6Management: fc.boolean(),
  vips: fc.array(
    fc.record({ vip: vipPlan, ipv6: fc.boolean(), scheduler: optional(fc.constantFrom(Scheduler.ROUND_ROBIN, Scheduler.WEIGHTED_LEAST_CONNECTIONS)), maxConnections: optional(fc.integer({ min: 1, max: 100000 })), servers: fc.array(serverPlan, { minLength: 1, maxLength: 3 }) }),
    { minLength: 1, maxLength: 4 },
  ),
});

/**
 * Plans of valid apps. An HA pair has a VIP of its management addresses' family (VRRP
 * advertises those; validation refuses a pair without one).
 */
export const appPlan = appPlanBase.filter((plan) => !plan.pair || plan.vips.some((v) => v.ipv6 === plan.ipv6Management));

/** The address of the n-th host of a pool, by family: VIPs, Layer 4 real servers (in the appliance's subnets), Layer 7 real servers. */
const POOLS = {
  vip: [(n) => `192.0.2.${100 + n}`, (n) => `2001:db8::${(0x100 + n).toString(16)}`],
  layer4: [(n) => `192.0.2.${20 + n}`, (n) => `2001:db8::${(0x20 + n).toString(16)}`],
  layer7: [(n) => `198.51.100.${20 + n}`, (n) => `2001:db8:7::${(0x20 + n).toString(16)}`],
};

function realServers(entry, layer, singlePort, translates, http) {
  const pool = POOLS[layer === 4 ? 'layer4' : 'layer7'][entry.ipv6 ? 1 : 0];
  return entry.servers.map((s, j) =>
    withoutUndefined({
      name: `rs${j + 1}`,
      address: pool(j),
      weight: s.weight,
      state: s.state,
      minConnections: layer === 4 ? s.minConnections : undefined,
      maxConnections: s.maxConnections,
      port: singlePort && translates ? s.port : undefined,
      encrypted: http ? s.encrypted : undefined,
    }),
  );
}

function makePersistence(plan, ipv6) {
  if (plan.kind === 'none') return Persistence.none();
  if (plan.kind === 'lastSuccessful') return Persistence.lastSuccessful();
  if (plan.kind === 'httpCookie') return Persistence.httpCookie(withoutUndefined({ cookieName: plan.cookieName }));
  return Persistence.sourceIp(withoutUndefined({ timeoutSeconds: plan.timeoutSeconds, netmask: ipv6 ? undefined : plan.netmask }));
}

/** Builds the planned app through the public constructs; returns the app, stack and appliance. */
export function buildApp(plan, outdir) {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'prop');
  const management = plan.ipv6Management ? ['2001:db8::5', '2001:db8::6'] : ['192.0.2.5', '192.0.2.6'];
  const appliance = new LoadBalancerAppliance(stack, 'lb', {
    name: 'lb-prop',
    managementAddress: management[0],
    ...(plan.pair ? { peerManagementAddress: management[1] } : {}),
    subnets: ['192.0.2.0/24', '2001:db8::/64'],
  });
  plan.vips.forEach((entry, i) => {
    const v = entry.vip;
    const common = withoutUndefined({
      name: `VIP_${i + 1}`,
      address: POOLS.vip[entry.ipv6 ? 1 : 0](i),
      scheduler: entry.scheduler,
      maxConnections: entry.maxConnections,
    });
    if (v.construct === 'layer4') {
      new Layer4Vip(appliance, `v${i}`, {
        ...common,
        ports: makePorts(v.shape),
        forwarding: v.forwarding,
        protocol: v.protocol,
        healthCheck: makeCheck(v.check),
        persistence: makePersistence(v.persistence, entry.ipv6),
        realServers: realServers(entry, 4, v.shape.count === 1, v.forwarding !== ForwardingMethod.DR, false),
      });
    } else if (v.construct === 'reverseProxy') {
      new ReverseProxyVip(appliance, `v${i}`, withoutUndefined({
        ...common,
        ports: makePorts(v.shape),
        proxyMode: v.proxyMode,
        clientAddress: v.clientAddress,
        clientTimeoutSeconds: v.clientTimeoutSeconds,
        healthCheck: makeCheck(v.check),
        persistence: makePersistence(v.persistence, entry.ipv6),
        realServers: realServers(entry, 7, v.shape.count === 1, true, v.proxyMode === ProxyMode.HTTP),
      }));
    } else {
      const Construct = v.construct === 'dicom' ? DicomVip : Hl7Vip;
      new Construct(appliance, `v${i}`, withoutUndefined({ ...common, tls: v.tls, forwarding: v.forwarding, realServers: realServers(entry, 4, true, (v.forwarding ?? ForwardingMethod.DR) !== ForwardingMethod.DR, false) }));
    }
  });
  return { app, stack, appliance };
}
