/**
 * fast-check generators of random, often malformed input, in plain JavaScript as a JavaScript
 * (or, through jsii, Python) user passes it: construct props where each field is usually right
 * and sometimes anything at all (null, text for a number, a plain object for a HealthCheck, a
 * misspelt enum value or key, a list with null in it...), and spec files where a field of a
 * valid spec is replaced, removed or added.
 */
import { App, TerraformStack } from 'cdktf';
import fc from 'fast-check';
import { INTERFACE_FORMAT, matches } from '../../../lib/validation/formats';
import {
  CentricityPacs,
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
  ServicePack,
} from '../../../lib';

/** Values a user gets wrong: wrong types, near-miss enum values, odd text. */
const junk = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(''),
  fc.integer({ min: -5, max: 70000 }),
  fc.integer({ min: 0, max: 300 }).map(String),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constantFrom('wrr2', 'tpc', 'dsr', 'drained', 'SP3', 'htp', 'proxy-v3', 'eth0:1', '192.0.2.0/24', '999.1.1.1', 'pacs-lb-reload', 'a\u2028b', 'x\u0085y', 'a b;c', 'ÉÀ'),
  fc.string({ maxLength: 12 }),
  fc.array(fc.oneof(fc.integer(), fc.constant(null), fc.string({ maxLength: 4 })), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('kind', 'port', 'name', 'x'), fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), { maxKeys: 2 }),
  fc.anything({ maxDepth: 1 }),
);

/** Usually the valid value, sometimes junk. */
const maybe = (valid) => fc.oneof({ weight: 40, arbitrary: valid }, { weight: 1, arbitrary: junk });
/** Usually absent, sometimes the valid value, sometimes junk. */
const maybeOptional = (valid) => fc.oneof({ weight: 20, arbitrary: fc.constant(undefined) }, { weight: 20, arbitrary: valid }, { weight: 1, arbitrary: junk });
/** Props with, now and then, a misspelt or unknown key. */
const withStrayKey = (props) =>
  fc.tuple(props, fc.oneof({ weight: 30, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(fc.constantFrom('prots', 'adress', 'realServer', 'sheduler', 'healthcheck', 'tsl', 'servicepack', 'enterpriseArchve', 'extra'), junk) })).map(([p, stray]) => (stray ? { ...p, [stray[0]]: stray[1] } : p));

const port = fc.integer({ min: 1, max: 65535 });
const ports = fc.oneof(
  port.map((p) => Ports.single(p)),
  fc.uniqueArray(port, { minLength: 1, maxLength: 3 }).map((ps) => Ports.list(ps)),
  fc.integer({ min: 1, max: 65000 }).map((p) => Ports.between(p, p + 10)),
  fc.uniqueArray(port, { minLength: 1, maxLength: 2 }).map((ps) => Ports.allTcpExcept(ps)),
  junk.map((j) => Ports.list(j)),
  junk.map((j) => Ports.single(j)),
  fc.constant(Ports.allTcpExcept([])),
);
const healthCheck = fc.oneof(
  fc.constant(HealthCheck.connect()),
  maybeOptional(port).map((p) => HealthCheck.connect({ port: p })),
  fc.constant(HealthCheck.ping()),
  fc.constant(HealthCheck.dicomAssociation()),
  fc.constant(HealthCheck.hl7Mllp()),
  fc.constant(HealthCheck.none()),
  junk.map((j) => HealthCheck.httpGet(j)),
  junk.map((j) => HealthCheck.external(j)),
  fc.record({ port: maybeOptional(port), path: maybeOptional(fc.constant('/status')) }).map((o) => HealthCheck.httpsGet(o)),
);
const persistence = fc.oneof(fc.constant(Persistence.none()), fc.constant(Persistence.lastSuccessful()), fc.constant(Persistence.httpCookie()), maybeOptional(fc.integer({ min: 1, max: 900 })).map((t) => Persistence.sourceIp({ timeoutSeconds: t })));
/** Stands for a valid value that depends on the position (a unique name or address), filled in by the builder. */
const AUTO = '<auto>';
const realServer = withStrayKey(
  fc.record({
    name: maybe(fc.constant(AUTO)),
    address: maybe(fc.constant(AUTO)),
    port: maybeOptional(port),
    weight: maybeOptional(fc.integer({ min: 0, max: 256 })),
    state: maybeOptional(fc.constantFrom(...Object.values(RealServerState))),
    maxConnections: maybeOptional(fc.integer({ min: 1, max: 1000 })),
  }),
).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
const realServers = maybe(fc.array(fc.oneof({ weight: 40, arbitrary: realServer }, { weight: 1, arbitrary: junk }), { minLength: 1, maxLength: 3 }));

const baseVip = {
  name: maybeOptional(fc.constantFrom('EA_Dicom', 'ea_dicom', 'Web', 'V1')),
  address: maybe(fc.constant(AUTO)),
  scheduler: maybeOptional(fc.constantFrom(...Object.values(Scheduler))),
  healthCheck: maybeOptional(healthCheck),
  persistence: maybeOptional(persistence),
  realServers,
  maxConnections: maybeOptional(fc.integer({ min: 1, max: 1000 })),
};

/** One VIP: which construct, its construct id (rarely one of the library's own) and its props. */
const vip = fc.oneof(
  fc.record({ construct: fc.constant('layer4'), props: withStrayKey(fc.record({ ...baseVip, ports: maybe(ports), forwarding: maybeOptional(fc.constantFrom(...Object.values(ForwardingMethod))), protocol: maybeOptional(fc.constantFrom(...Object.values(Protocol))) })) }),
  fc.record({ construct: fc.constant('reverseProxy'), props: withStrayKey(fc.record({ ...baseVip, ports: maybe(ports), proxyMode: maybeOptional(fc.constantFrom(...Object.values(ProxyMode))) })) }),
  fc.record({ construct: fc.constantFrom('dicom', 'hl7'), props: withStrayKey(fc.record({ ...baseVip, tls: maybeOptional(fc.boolean()), ports: maybeOptional(ports) })) }),
  fc.record({
    construct: fc.constant('centricity'),
    props: withStrayKey(
      fc.record({
        servicePack: maybe(fc.constantFrom(...Object.values(ServicePack))),
        uv: maybeOptional(fc.record({ address: maybe(fc.constant('192.0.2.150')), servers: realServers })),
        zfp: maybeOptional(fc.record({ address: maybe(fc.constant('192.0.2.151')), servers: realServers })),
      }),
    ),
  }),
);

const applianceProps = withStrayKey(
  fc.record({
    name: maybeOptional(fc.constantFrom('lb-a', 'LB-A')),
    managementAddress: maybe(fc.constant('192.0.2.5')),
    peerManagementAddress: maybeOptional(fc.constantFrom('192.0.2.6', '192.0.2.5', '2001:db8::6')),
    subnets: maybeOptional(fc.constant(['192.0.2.0/24'])),
    apiPort: maybeOptional(port),
    // The tool harness gives keepalived an eth0 only. Junk that happens to be a well-formed
    // interface name ("138", "a") is not junk: the library rightly accepts it, and keepalived
    // refuses only because this machine has no such interface; so junk here is never one.
    vipInterface: fc.oneof({ weight: 20, arbitrary: fc.constant(undefined) }, { weight: 20, arbitrary: fc.constant('eth0') }, { weight: 1, arbitrary: junk.filter((v) => !matches(INTERFACE_FORMAT, v)) }),
  }),
);

/** A malformed-props app: one or two appliances with 1-3 VIPs each. */
export const propsInput = fc.array(fc.record({ props: applianceProps, vips: fc.array(fc.record({ vip, id: fc.oneof({ weight: 40, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constant('pacs-lb-reload') }) }), { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 2 });

const CONSTRUCTS = { layer4: Layer4Vip, reverseProxy: ReverseProxyVip, dicom: DicomVip, hl7: Hl7Vip, centricity: CentricityPacs };

/** The props with every AUTO filled in: each VIP its own address, each real server its own name and address. */
function filled(props, n) {
  if (props === null || typeof props !== 'object' || Array.isArray(props)) return props;
  const servers = Array.isArray(props.realServers)
    ? props.realServers.map((r, j) => (r !== null && typeof r === 'object' ? { ...r, ...(r.name === AUTO ? { name: `rs${j}` } : {}), ...(r.address === AUTO ? { address: `192.0.2.${20 + j}` } : {}) } : r))
    : props.realServers;
  return { ...props, ...(props.address === AUTO ? { address: `192.0.2.${100 + n}` } : {}), ...(props.realServers !== undefined ? { realServers: servers } : {}), ...centricityFilled(props) };
}

/** A Centricity PACS component's servers with AUTO filled in. */
function centricityFilled(props) {
  const out = {};
  for (const key of ['uv', 'zfp']) {
    const c = props[key];
    if (c !== null && typeof c === 'object' && Array.isArray(c.servers)) out[key] = { ...c, servers: filled({ realServers: c.servers }, 0).realServers };
  }
  return out;
}

/** Builds the app from the generated props, as plain JavaScript would; a VIP's construct id is rarely one of the library's own. */
export function buildPropsApp(input, outdir) {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'prop');
  input.forEach((entry, a) => {
    const appliance = new LoadBalancerAppliance(stack, `lb${a}`, entry.props);
    entry.vips.forEach(({ vip: v, id }, i) => new CONSTRUCTS[v.construct](appliance, id ?? `v${i}`, filled(v.props, a * 10 + i)));
  });
  return app;
}

/** A spec file changed at one place: a field replaced by junk, removed, or a key added. */
export const specMutation = fc.record({
  target: fc.constantFrom('vip', 'vip', 'vip', 'appliance'),
  pathPick: fc.nat(),
  action: fc.constantFrom('replace', 'replace', 'remove', 'add'),
  value: junk,
  key: fc.constantFrom('prots', 'sheduler', 'weigth', 'extra', 'kind'),
});

/** Every path (list of keys) inside a JSON value, the root excluded. */
function pathsOf(value, prefix = []) {
  if (value === null || typeof value !== 'object') return [];
  return Object.keys(value).flatMap((k) => [[...prefix, k], ...pathsOf(value[k], [...prefix, k])]);
}

/** A deep copy of the spec with the mutation applied. */
export function mutate(spec, mutation) {
  const copy = JSON.parse(JSON.stringify(spec));
  const paths = pathsOf(copy);
  const path = paths[mutation.pathPick % paths.length];
  const parent = path.slice(0, -1).reduce((o, k) => o[k], copy);
  const key = path[path.length - 1];
  if (mutation.action === 'remove') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else if (mutation.action === 'add' && parent !== null && typeof parent === 'object' && !Array.isArray(parent)) {
    parent[mutation.key] = mutation.value === undefined ? 1 : mutation.value;
  } else {
    parent[key] = mutation.value === undefined ? null : mutation.value;
  }
  return copy;
}
