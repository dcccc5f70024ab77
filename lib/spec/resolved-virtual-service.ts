import { ClientAddressMode } from './client-address-mode';
import { healthCheckWithDefaults, layer4Defaults, layer7Defaults, persistenceWithDefaults, schedulerOrDefault } from './defaults';
import { ForwardingMethod } from './forwarding-method';
import { HealthCheckType } from './health-check-type';
import { PersistenceType } from './persistence-type';
import { Protocol } from './protocol';
import { ProxyMode } from './proxy-mode';
import { Scheduler } from './scheduler';
import { HealthCheckSpec, PersistenceSpec, PortsSpec, RealServerSpec, VirtualServiceSpec } from './virtual-service-spec';

/**
 * The resolved view of a VIP spec that renderers read (internal: not exported from lib/index.ts).
 * Built once per VIP by whoever calls the renderers (the renderer list at synth, a target in a
 * `pacs-lb` command) with {@link resolveVirtualService}: every default applied (by the functions
 * of defaults.ts), Layer 4 and Layer 7 told apart, and each kind of health check and persistence
 * with exactly its own fields, so a renderer never re-applies a default nor asserts a field.
 *
 * Every resolved type is also a valid form of its spec type (same field names and values), so
 * code that reads the plain spec accepts the resolved view as well.
 */

/** How often a check runs and how many results change a server's state. */
export interface CheckTiming {
  /** Seconds between checks. */
  readonly intervalSeconds: number;
  /** Seconds a check may take before it counts as failed. */
  readonly timeoutSeconds: number;
  /** Consecutive successes before a down server is put back in rotation. */
  readonly rise: number;
  /** Consecutive failures before a server is taken out of rotation. */
  readonly fall: number;
}

/** A check that connects to a port. */
export interface PortCheck extends CheckTiming {
  /** The port the check connects to. @default - the port the real server serves on */
  readonly port?: number;
}

/** HTTP or HTTPS GET of a status URL. */
export interface HttpCheck extends PortCheck {
  /** HTTP or HTTPS. */
  readonly kind: HealthCheckType.HTTP_GET | HealthCheckType.HTTPS_GET;
  /** The path requested. */
  readonly path: string;
  /** The status code that means healthy. */
  readonly expectStatus: number;
  /** Text that must appear in the body. @default - the status alone decides */
  readonly expectText?: string;
  /** The Host header sent. @default - the real server's address */
  readonly host?: string;
  /** HTTPS: PEM file of CAs to verify the server against. @default - not verified */
  readonly caFile?: string;
}

/** TCP connect to a port. */
export interface ConnectCheck extends PortCheck {
  /** Connect. */
  readonly kind: HealthCheckType.CONNECT;
}

/** ICMP echo. */
export interface PingCheck extends CheckTiming {
  /** Ping. */
  readonly kind: HealthCheckType.PING;
}

/** DICOM association request. */
export interface DicomCheck extends PortCheck {
  /** DICOM association. */
  readonly kind: HealthCheckType.DICOM_ASSOCIATION;
  /** The called AE title (the archive's). */
  readonly calledAeTitle: string;
  /** The calling AE title (the load balancer's). */
  readonly callingAeTitle: string;
}

/** Who an HL7 probe is from and to (MSH-3 to MSH-6). */
export interface Hl7Addressing {
  /** MSH-3 sending application. */
  readonly sendingApplication: string;
  /** MSH-4 sending facility. */
  readonly sendingFacility: string;
  /** MSH-5 receiving application. */
  readonly receivingApplication: string;
  /** MSH-6 receiving facility. */
  readonly receivingFacility: string;
}

/** HL7 v2 message over MLLP. */
export interface Hl7Check extends PortCheck, Hl7Addressing {
  /** HL7 MLLP. */
  readonly kind: HealthCheckType.HL7_MLLP;
}

/** A script on the load balancer. */
export interface ExternalCheck extends PortCheck {
  /** External script. */
  readonly kind: HealthCheckType.EXTERNAL;
  /** Absolute path of the script on the load balancer. */
  readonly script: string;
}

/** No check: every server is always considered up. */
export interface NoCheck extends CheckTiming {
  /** None. */
  readonly kind: HealthCheckType.NONE;
}

/** A health check, resolved: one of the kinds, each with exactly its fields. */
export type ResolvedHealthCheck = HttpCheck | ConnectCheck | PingCheck | DicomCheck | Hl7Check | ExternalCheck | NoCheck;

/** The resolved check of one kind, e.g. `CheckOfKind<HealthCheckType.HL7_MLLP>` is {@link Hl7Check}. */
export type CheckOfKind<K extends HealthCheckType> = Extract<ResolvedHealthCheck, { readonly kind: K }>;

/** Session persistence, resolved: one of the kinds, each with exactly its fields. */
export type ResolvedPersistence =
  | { readonly kind: PersistenceType.NONE }
  | { readonly kind: PersistenceType.SOURCE_IP; readonly timeoutSeconds: number; readonly netmask?: string }
  | { readonly kind: PersistenceType.LAST_SUCCESSFUL }
  | { readonly kind: PersistenceType.HTTP_COOKIE; readonly cookieName: string };

/** The resolved persistence of one kind. */
export type PersistenceOfKind<K extends PersistenceType> = Extract<ResolvedPersistence, { readonly kind: K }>;

/** What every VIP has, at either layer. */
interface ResolvedVipFields {
  /** The spec this view was resolved from, unchanged (what spec files and comparisons use). */
  readonly spec: VirtualServiceSpec;
  /** Format version. */
  readonly schemaVersion: number;
  /** Name of the appliance the VIP lives on. */
  readonly appliance: string;
  /** The VIP's name. */
  readonly name: string;
  /** A one-line description. @default - none */
  readonly description?: string;
  /** The VIP's address (canonical form). */
  readonly address: string;
  /** The ports the VIP listens on. */
  readonly ports: PortsSpec;
  /** How new connections are spread. */
  readonly scheduler: Scheduler;
  /** How real servers are checked. */
  readonly healthCheck: ResolvedHealthCheck;
  /** Session persistence. */
  readonly persistence: ResolvedPersistence;
  /** Most concurrent connections the VIP accepts. @default - no limit */
  readonly maxConnections?: number;
  /** The real servers, in the order they were declared. */
  readonly realServers: RealServerSpec[];
}

/** A Layer 4 (IPVS) VIP, resolved. */
export interface ResolvedLayer4Vip extends ResolvedVipFields {
  /** Layer 4. */
  readonly layer: 4;
  /** Transport protocol. */
  readonly protocol: Protocol;
  /** How packets reach the real servers. */
  readonly forwarding: ForwardingMethod;
}

/** A Layer 7 (reverse proxy) VIP, resolved. */
export interface ResolvedLayer7Vip extends ResolvedVipFields {
  /** Layer 7. */
  readonly layer: 7;
  /** Transport protocol: TCP. */
  readonly protocol: Protocol;
  /** TCP pass-through or HTTP. */
  readonly proxyMode: ProxyMode;
  /** How the server learns the client's address. */
  readonly clientAddress: ClientAddressMode;
  /** Seconds of client inactivity before the connection is closed. */
  readonly clientTimeoutSeconds: number;
  /** Seconds of server inactivity before the connection is closed. */
  readonly serverTimeoutSeconds: number;
}

/** A VIP, resolved: Layer 4 or Layer 7. */
export type ResolvedVirtualService = ResolvedLayer4Vip | ResolvedLayer7Vip;

/** A field a validated spec always has; its absence means the spec skipped validation. */
function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The spec has no ${what}: validate the spec (pacs-lb validate) before it is rendered.`);
  return value;
}

/**
 * Narrows the defaulted fields to one kind's type. Every field a kind needs has a default except an
 * external check's script: only that can be missing here (a spec that skipped validation), and it throws.
 */
const CHECK_KINDS: { readonly [K in HealthCheckType]: (check: HealthCheckSpec & { kind: K }) => ResolvedHealthCheck } = {
  [HealthCheckType.HTTP_GET]: (c) => ({ ...c, path: present(c.path, 'check path'), expectStatus: present(c.expectStatus, 'expected status') }),
  [HealthCheckType.HTTPS_GET]: (c) => ({ ...c, path: present(c.path, 'check path'), expectStatus: present(c.expectStatus, 'expected status') }),
  [HealthCheckType.CONNECT]: (c) => ({ ...c, kind: c.kind }),
  [HealthCheckType.PING]: (c) => ({ ...c, kind: c.kind }),
  [HealthCheckType.DICOM_ASSOCIATION]: (c) => ({ ...c, calledAeTitle: present(c.calledAeTitle, 'called AE title'), callingAeTitle: present(c.callingAeTitle, 'calling AE title') }),
  [HealthCheckType.HL7_MLLP]: (c) => ({
    ...c,
    sendingApplication: present(c.sendingApplication, 'HL7 sending application'),
    sendingFacility: present(c.sendingFacility, 'HL7 sending facility'),
    receivingApplication: present(c.receivingApplication, 'HL7 receiving application'),
    receivingFacility: present(c.receivingFacility, 'HL7 receiving facility'),
  }),
  [HealthCheckType.EXTERNAL]: (c) => ({ ...c, script: present(c.script, 'external check script') }),
  [HealthCheckType.NONE]: (c) => ({ ...c, kind: c.kind }),
};

/** A health check spec, resolved: exactly the fields of its kind, defaults applied. */
export function resolveHealthCheck(check: HealthCheckSpec): ResolvedHealthCheck {
  const filled = healthCheckWithDefaults(check.kind, check);
  return (CHECK_KINDS[check.kind] as (c: HealthCheckSpec) => ResolvedHealthCheck)(filled);
}

/** A persistence spec of a VIP at `layer`, resolved: exactly the fields of its kind, defaults applied. */
export function resolvePersistence(persistence: PersistenceSpec, layer: number): ResolvedPersistence {
  return persistenceWithDefaults(persistence.kind, persistence, layer) as ResolvedPersistence;
}

/** The port a check connects to when it names one (ping and no check never do). */
export function checkPortOf(check: ResolvedHealthCheck): number | undefined {
  return 'port' in check ? check.port : undefined;
}

/** The view of each spec object resolved so far, and the views themselves (resolving a view gives it back). */
const VIEWS = new WeakMap<VirtualServiceSpec, ResolvedVirtualService>();
const IS_VIEW = new WeakSet<object>();

/**
 * The resolved view of a VIP spec (see the top of this file), built once per spec object: asking
 * again for the same spec (specs are never changed) or for a view returns the view already built.
 * `JSON.stringify` of a view gives the JSON of its spec, byte for byte.
 * The spec must have passed the spec contract (lib/validation/spec-contract.ts); a field it
 * guarantees that is missing throws.
 */
export function resolveVirtualService(spec: VirtualServiceSpec): ResolvedVirtualService {
  if (IS_VIEW.has(spec)) return spec as ResolvedVirtualService;
  const known = VIEWS.get(spec);
  if (known) return known;
  const view = buildView(spec);
  // Written as JSON (a spec file, a trigger, a log line), a view is exactly the spec it came from.
  Object.defineProperty(view, 'toJSON', { value: () => spec, enumerable: false });
  VIEWS.set(spec, view);
  IS_VIEW.add(view);
  return view;
}

function buildView(spec: VirtualServiceSpec): ResolvedVirtualService {
  const fields: ResolvedVipFields = {
    spec,
    schemaVersion: spec.schemaVersion,
    appliance: spec.appliance,
    name: spec.name,
    ...(spec.description === undefined ? {} : { description: spec.description }),
    address: spec.address,
    ports: spec.ports,
    scheduler: schedulerOrDefault(spec.scheduler),
    healthCheck: resolveHealthCheck(spec.healthCheck),
    persistence: resolvePersistence(spec.persistence, spec.layer),
    ...(spec.maxConnections === undefined ? {} : { maxConnections: spec.maxConnections }),
    realServers: spec.realServers,
  };
  if (spec.layer === 7) return { ...fields, layer: 7, protocol: spec.protocol, ...layer7Defaults(spec) };
  return { ...fields, layer: 4, ...layer4Defaults(spec) };
}
