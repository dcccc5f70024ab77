/**
 * fast-check generators of valid Layer 4 sites: an appliance (single or HA pair, IPv4 or IPv6
 * management) with 1-5 Layer 4 VIPs covering every port shape (single, list, range, every TCP
 * port except some), forwarding method, scheduler, protocol, health check kind with its options
 * and timing, persistence and real-server state. Built through the constructs, so every
 * generated spec has passed validation like a user's.
 */
import { App, TerraformStack } from 'cdktf';
import * as fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ForwardingMethod,
  HealthCheck,
  Layer4Vip,
  LoadBalancerAppliance,
  Persistence,
  Ports,
  Protocol,
  RealServerProps,
  RealServerState,
  Scheduler,
} from '../../../lib';
import { ApplianceSpec, VirtualServiceSpec } from '../../../lib/spec/virtual-service-spec';
import { validationMessages } from '../../support/stacks';

const port = fc.integer({ min: 1, max: 65535 });
const seconds = fc.integer({ min: 1, max: 60 });
const timing = fc.record({ intervalSeconds: seconds, timeoutSeconds: seconds, rise: fc.integer({ min: 1, max: 10 }), fall: fc.integer({ min: 1, max: 10 }) });

const word = (chars: string, min: number, max: number) => fc.string({ unit: fc.constantFrom(...chars.split('')), minLength: min, maxLength: max });
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** AE titles and HL7 names: a letter or digit at both ends, inner spaces and _.- allowed. */
const spacedName = (max: number) => fc.tuple(word(ALNUM, 1, 1), word(`${ALNUM} _.-`, 0, max - 2), word(ALNUM, 1, 1)).map((parts) => parts.join(''));
const httpPath = word(`${ALNUM}/._~%?&=+:-`, 0, 40).map((rest) => `/${rest}`);
const expectText = word(`${ALNUM} _.:/=-`, 1, 30);
const host = fc.tuple(word('abcdefghij', 1, 8), fc.option(port, { nil: undefined })).map(([name, p]) => `${name}.example.org${p ? `:${p}` : ''}`);
const scriptPath = word(`${ALNUM}_-`, 1, 12).map((name) => `/opt/pacs-checks/${name}.sh`);

/** A health check; port checks name their port when the VIP has several ports. */
function healthCheck(multiPort: boolean): fc.Arbitrary<HealthCheck> {
  const checkPort = multiPort ? port : fc.option(port, { nil: undefined });
  return fc.oneof(
    fc.record({ port: checkPort, path: httpPath, expectStatus: fc.integer({ min: 100, max: 599 }), expectText: fc.option(expectText, { nil: undefined }), host: fc.option(host, { nil: undefined }), t: timing }).map(({ t, ...o }) => HealthCheck.httpGet({ ...o, ...t })),
    fc.record({ port: checkPort, path: httpPath, t: timing }).map(({ t, ...o }) => HealthCheck.httpsGet({ ...o, ...t })),
    fc.record({ port: checkPort, t: timing }).map(({ t, ...o }) => HealthCheck.connect({ ...o, ...t })),
    timing.map((t) => HealthCheck.ping(t)),
    fc.record({ port: checkPort, calledAeTitle: spacedName(16), callingAeTitle: spacedName(16), t: timing }).map(({ t, ...o }) => HealthCheck.dicomAssociation({ ...o, ...t })),
    fc
      .record({ port: checkPort, sendingApplication: spacedName(40), sendingFacility: spacedName(40), receivingApplication: spacedName(40), receivingFacility: spacedName(40), t: timing })
      .map(({ t, ...o }) => HealthCheck.hl7Mllp({ ...o, ...t })),
    fc.record({ port: fc.option(port, { nil: undefined }), script: scriptPath, t: timing }).map(({ t, ...o }) => HealthCheck.external({ ...o, ...t })),
    fc.constant(HealthCheck.none()),
  );
}

interface PortShape {
  readonly ports: Ports;
  readonly count: number;
  readonly tcpOnly: boolean;
  readonly first: number;
}

const portShape: fc.Arbitrary<PortShape> = fc.oneof(
  port.map((p) => ({ ports: Ports.single(p), count: 1, tcpOnly: false, first: p })),
  fc.uniqueArray(port, { minLength: 2, maxLength: 4 }).map((ps) => ({ ports: Ports.list(ps), count: ps.length, tcpOnly: false, first: Math.min(...ps) })),
  fc.tuple(fc.integer({ min: 1, max: 65000 }), fc.integer({ min: 1, max: 500 })).map(([a, n]) => ({ ports: Ports.between(a, a + n), count: n + 1, tcpOnly: false, first: a })),
  fc.uniqueArray(port, { minLength: 1, maxLength: 3 }).map((ps) => ({ ports: Ports.allTcpExcept(ps), count: 2, tcpOnly: true, first: 0 })),
);

/** One generated VIP, as construct props. */
interface VipPlan {
  readonly shape: PortShape;
  readonly forwarding: ForwardingMethod;
  readonly protocol: Protocol;
  readonly scheduler: Scheduler;
  readonly healthCheck: HealthCheck;
  readonly persistence: { timeoutSeconds: number; netmask?: string } | undefined;
  readonly ipv6: boolean;
  readonly servers: { weight: number; state: RealServerState; minConnections?: number; maxConnections?: number; port?: number }[];
}

const NETMASKS = ['255.255.255.255', '255.255.255.0', '255.255.0.0', '255.0.0.0'];

const vipPlan: fc.Arbitrary<VipPlan> = portShape.chain((shape) =>
  fc.record({
    shape: fc.constant(shape),
    forwarding: fc.constantFrom(ForwardingMethod.DR, ForwardingMethod.NAT, ForwardingMethod.SNAT),
    protocol: shape.tcpOnly ? fc.constant(Protocol.TCP) : fc.constantFrom(Protocol.TCP, Protocol.TCP, Protocol.UDP),
    scheduler: fc.constantFrom(Scheduler.WEIGHTED_LEAST_CONNECTIONS, Scheduler.ROUND_ROBIN),
    healthCheck: healthCheck(shape.count > 1),
    persistence: fc.option(fc.record({ timeoutSeconds: fc.integer({ min: 1, max: 86400 }), netmask: fc.option(fc.constantFrom(...NETMASKS), { nil: undefined }) }), { nil: undefined }),
    ipv6: fc.boolean(),
    servers: fc.array(
      fc.record({
        weight: fc.integer({ min: 0, max: 256 }),
        state: fc.constantFrom(RealServerState.ONLINE, RealServerState.ONLINE, RealServerState.DRAIN, RealServerState.HALT),
        minConnections: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        maxConnections: fc.option(fc.integer({ min: 100, max: 1_000_000 }), { nil: undefined }),
        port: fc.option(port, { nil: undefined }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  }),
);

/** A generated site, before it is built. */
export interface SitePlan {
  readonly pair: boolean;
  readonly ipv6Management: boolean;
  readonly vips: VipPlan[];
}

/**
 * Sites of 1-5 Layer 4 VIPs on a single appliance or an HA pair. An HA pair has at least one VIP
 * of its management addresses' family: VRRP advertises those, and keepalived warns ("No VIP
 * specified") when an instance has only addresses of the other family (see docs/keepalived.md).
 */
export const sitePlan: fc.Arbitrary<SitePlan> = fc
  .record({ pair: fc.boolean(), ipv6Management: fc.boolean(), vips: fc.array(vipPlan, { minLength: 1, maxLength: 5 }) })
  .filter((plan) => !plan.pair || plan.vips.some((vip) => vip.ipv6 === plan.ipv6Management));

/** A built, validated site. */
export interface GeneratedSite {
  readonly appliance: ApplianceSpec;
  readonly vips: VirtualServiceSpec[];
  /** Validation messages: empty for every generated site (the generator makes valid specs only). */
  readonly problems: string[];
}

/** Builds the site through the constructs and validates it. */
export function buildSite(plan: SitePlan): GeneratedSite {
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'pacs-lb-prop-')) });
  const stack = new TerraformStack(app, 'prop');
  const management = plan.ipv6Management ? ['2001:db8::5', '2001:db8::6'] : ['192.0.2.5', '192.0.2.6'];
  const appliance = new LoadBalancerAppliance(stack, 'lb', {
    name: 'lb-prop',
    managementAddress: management[0],
    peerManagementAddress: plan.pair ? management[1] : undefined,
    subnets: ['192.0.2.0/24', '2001:db8::/64'],
  });
  plan.vips.forEach((vip, i) => {
    const address = vip.ipv6 ? `2001:db8::${(0x100 + i).toString(16)}` : `192.0.2.${100 + i}`;
    const canTranslate = vip.forwarding !== ForwardingMethod.DR && vip.shape.count === 1;
    const realServers: RealServerProps[] = vip.servers.map((s, j) => ({
      name: `rs${j + 1}`,
      address: vip.ipv6 ? `2001:db8::${(0x20 + j).toString(16)}` : `192.0.2.${20 + j}`,
      weight: s.weight,
      state: s.state,
      minConnections: s.minConnections,
      maxConnections: s.maxConnections,
      port: canTranslate ? s.port : undefined,
    }));
    const persistence = vip.persistence ? Persistence.sourceIp({ timeoutSeconds: vip.persistence.timeoutSeconds, netmask: vip.ipv6 ? undefined : vip.persistence.netmask }) : Persistence.none();
    new Layer4Vip(appliance, `vip${i}`, {
      name: `VIP_${i + 1}`,
      address,
      ports: vip.shape.ports,
      forwarding: vip.forwarding,
      protocol: vip.protocol,
      scheduler: vip.scheduler,
      healthCheck: vip.healthCheck,
      persistence,
      realServers,
    });
  });
  return { appliance: appliance.toSpec(), vips: appliance.vipSpecs(), problems: validationMessages(stack) };
}
