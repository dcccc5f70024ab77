import { ClientAddressMode } from './client-address-mode';
import { ForwardingMethod } from './forwarding-method';
import { HealthCheckType } from './health-check-type';
import { PersistenceType } from './persistence-type';
import { Protocol } from './protocol';
import { ProxyMode } from './proxy-mode';
import { RealServerState } from './real-server-state';
import { Scheduler } from './scheduler';
import type { HealthCheckSpec, PersistenceSpec } from './virtual-service-spec';
import { withoutUndefined } from './without-undefined';

/**
 * The library's defaults, in one place so that the documentation and the code cannot disagree.
 * The constants are the values; the functions at the end are the only code that fills an absent
 * field with its default: the factories and constructs call them when they build a spec, and the
 * resolved view (resolved-virtual-service.ts) when it reads one. Renderers never apply a default.
 */

/** TCP port of the appliance's REST API v2 (its management port). */
export const DEFAULT_API_PORT = 9443;

/** Weight of a real server when none is given (the appliance's own default). */
export const DEFAULT_WEIGHT = 100;

/** Administrative state of a real server when its props give none: online. */
export const DEFAULT_REAL_SERVER_STATE = RealServerState.ONLINE;

/** How new connections are spread when a VIP names no scheduler. */
export const DEFAULT_SCHEDULER = Scheduler.WEIGHTED_LEAST_CONNECTIONS;

/** Layer 4: the transport protocol when none is given. */
export const DEFAULT_LAYER4_PROTOCOL = Protocol.TCP;

/** Layer 4: the forwarding method when none is given (direct routing, the fastest and transparent). */
export const DEFAULT_FORWARDING = ForwardingMethod.DR;

/** Layer 7: the proxy mode when none is given (TCP pass-through). */
export const DEFAULT_PROXY_MODE = ProxyMode.TCP;

/** Layer 7: how the client's address reaches the server when nothing is said (it does not). */
export const DEFAULT_CLIENT_ADDRESS = ClientAddressMode.NONE;

/** The interface that carries the VIP addresses and VRRP adverts when the appliance names none. */
export const DEFAULT_VIP_INTERFACE = 'eth0';

/** Source IP persistence timeout at Layer 4 when none is given: 300 s, the appliance's default. */
export const DEFAULT_LAYER4_PERSISTENCE_SECONDS = 300;

/**
 * Source IP persistence timeout at Layer 7 when none is given: 30 minutes. The appliance's
 * Layer 7 default is "30", in minutes as far as public material shows (unverified).
 */
export const DEFAULT_LAYER7_PERSISTENCE_SECONDS = 1800;

/**
 * Layer 7 client and server inactivity timeout: one hour, so that a DICOM association that
 * sits idle between two C-STOREs of a long study is not cut.
 */
export const DEFAULT_LAYER7_IDLE_TIMEOUT_SECONDS = 3600;

/**
 * Health-check timing when none is given. A server that stops answering is out of rotation
 * after about interval × fall = 2 s (plus the timeout when it hangs rather than refuses), and
 * must pass 3 checks in a row (3 s) to come back, so a flapping server is not put back at once.
 * The price is one check a second per real server per VIP, which a PACS server bears easily.
 */
export const DEFAULT_CHECK_TIMING = {
  intervalSeconds: 1,
  timeoutSeconds: 2,
  rise: 3,
  fall: 2,
} as const;

/** HTTP(S) checks: path requested when none is given. */
export const DEFAULT_CHECK_PATH = '/';

/** HTTP(S) checks: status that means healthy when none is given. */
export const DEFAULT_CHECK_STATUS = 200;

/** DICOM check: called AE title when none is given. */
export const DEFAULT_CALLED_AE_TITLE = 'ANY-SCP';

/** DICOM check: calling AE title when none is given. */
export const DEFAULT_CALLING_AE_TITLE = 'PACSLB-CHECK';

/** HL7 check: sending application and facility when none is given. */
export const DEFAULT_HL7_SENDER = 'PACSLB';

/** HL7 check: receiving application and facility when none is given. */
export const DEFAULT_HL7_RECEIVER = 'PACS';

/** HTTP cookie persistence: cookie name when none is given. */
export const DEFAULT_COOKIE_NAME = 'SERVERID';

/** DICOM's registered port, and its port over TLS (IANA "dicom-tls"). */
export const DICOM_PORTS = { plain: 104, tls: 2762 } as const;

/** HL7 over MLLP: the registered port, and the TLS port Centricity PACS uses. */
export const HL7_PORTS = { plain: 2575, tls: 2576 } as const;

/** The Layer 4 settings of a VIP, each absent one at its default. */
export function layer4Defaults(given: { readonly protocol?: Protocol; readonly forwarding?: ForwardingMethod }) {
  return { protocol: given.protocol ?? DEFAULT_LAYER4_PROTOCOL, forwarding: given.forwarding ?? DEFAULT_FORWARDING };
}

/** The Layer 7 settings of a VIP, each absent one at its default. */
export function layer7Defaults(given: {
  readonly proxyMode?: ProxyMode;
  readonly clientAddress?: ClientAddressMode;
  readonly clientTimeoutSeconds?: number;
  readonly serverTimeoutSeconds?: number;
}) {
  return {
    proxyMode: given.proxyMode ?? DEFAULT_PROXY_MODE,
    clientAddress: given.clientAddress ?? DEFAULT_CLIENT_ADDRESS,
    clientTimeoutSeconds: given.clientTimeoutSeconds ?? DEFAULT_LAYER7_IDLE_TIMEOUT_SECONDS,
    serverTimeoutSeconds: given.serverTimeoutSeconds ?? DEFAULT_LAYER7_IDLE_TIMEOUT_SECONDS,
  };
}

/** A VIP's scheduler, the default when none is given. */
export function schedulerOrDefault(given: Scheduler | undefined): Scheduler {
  return given ?? DEFAULT_SCHEDULER;
}

/** A real server's weight and state, each absent one at its default. */
export function realServerDefaults(given: { readonly weight?: number; readonly state?: RealServerState }) {
  return { weight: given.weight ?? DEFAULT_WEIGHT, state: given.state ?? DEFAULT_REAL_SERVER_STATE };
}

/** The interface carrying an appliance's VIP addresses: its own, or {@link DEFAULT_VIP_INTERFACE}. */
export function vipInterfaceOrDefault(given: string | undefined): string {
  return given ?? DEFAULT_VIP_INTERFACE;
}

/** The option fields of a health check, in the order they are written. */
type CheckField = Exclude<keyof HealthCheckSpec, 'kind' | keyof typeof DEFAULT_CHECK_TIMING>;

const HTTP_FIELDS: readonly CheckField[] = ['port', 'path', 'expectStatus', 'expectText', 'host', 'caFile'];

/** Exactly the option fields each kind of check has, in the order the spec writes them. */
export const CHECK_FIELDS: Readonly<Record<HealthCheckType, readonly CheckField[]>> = {
  [HealthCheckType.HTTP_GET]: HTTP_FIELDS,
  [HealthCheckType.HTTPS_GET]: HTTP_FIELDS,
  [HealthCheckType.CONNECT]: ['port'],
  [HealthCheckType.PING]: [],
  [HealthCheckType.DICOM_ASSOCIATION]: ['port', 'calledAeTitle', 'callingAeTitle'],
  [HealthCheckType.HL7_MLLP]: ['port', 'sendingApplication', 'sendingFacility', 'receivingApplication', 'receivingFacility'],
  [HealthCheckType.EXTERNAL]: ['port', 'script'],
  [HealthCheckType.NONE]: [],
};

const HTTP_DEFAULTS = { path: DEFAULT_CHECK_PATH, expectStatus: DEFAULT_CHECK_STATUS };

/** The default of each option field of each kind of check that has one. */
const CHECK_FIELD_DEFAULTS: Readonly<Record<HealthCheckType, Partial<Record<CheckField, string | number>>>> = {
  [HealthCheckType.HTTP_GET]: HTTP_DEFAULTS,
  [HealthCheckType.HTTPS_GET]: HTTP_DEFAULTS,
  [HealthCheckType.CONNECT]: {},
  [HealthCheckType.PING]: {},
  [HealthCheckType.DICOM_ASSOCIATION]: { calledAeTitle: DEFAULT_CALLED_AE_TITLE, callingAeTitle: DEFAULT_CALLING_AE_TITLE },
  [HealthCheckType.HL7_MLLP]: {
    sendingApplication: DEFAULT_HL7_SENDER,
    sendingFacility: DEFAULT_HL7_SENDER,
    receivingApplication: DEFAULT_HL7_RECEIVER,
    receivingFacility: DEFAULT_HL7_RECEIVER,
  },
  [HealthCheckType.EXTERNAL]: {},
  [HealthCheckType.NONE]: {},
};

/**
 * A health check of `kind` with exactly the fields that kind has (others dropped), each absent
 * one at its default, the timing last; fields without a default that are absent stay absent.
 */
export function healthCheckWithDefaults(kind: HealthCheckType, given: Partial<Omit<HealthCheckSpec, 'kind'>>): HealthCheckSpec {
  const defaults = CHECK_FIELD_DEFAULTS[kind];
  const fields = Object.fromEntries(CHECK_FIELDS[kind].map((field) => [field, given[field] ?? defaults[field]]));
  return withoutUndefined({
    kind,
    ...fields,
    intervalSeconds: given.intervalSeconds ?? DEFAULT_CHECK_TIMING.intervalSeconds,
    timeoutSeconds: given.timeoutSeconds ?? DEFAULT_CHECK_TIMING.timeoutSeconds,
    rise: given.rise ?? DEFAULT_CHECK_TIMING.rise,
    fall: given.fall ?? DEFAULT_CHECK_TIMING.fall,
  });
}

/** Source IP persistence timeout at a layer when none is given. */
function defaultPersistenceSeconds(layer: number): number {
  return layer === 7 ? DEFAULT_LAYER7_PERSISTENCE_SECONDS : DEFAULT_LAYER4_PERSISTENCE_SECONDS;
}

/** Exactly the option fields each kind of persistence has. */
const PERSISTENCE_FIELDS: Readonly<Record<PersistenceType, ReadonlyArray<Exclude<keyof PersistenceSpec, 'kind'>>>> = {
  [PersistenceType.NONE]: [],
  [PersistenceType.SOURCE_IP]: ['timeoutSeconds', 'netmask'],
  [PersistenceType.LAST_SUCCESSFUL]: [],
  [PersistenceType.HTTP_COOKIE]: ['cookieName'],
};

/**
 * Persistence of `kind` at a VIP of `layer` (4 or 7) with exactly the fields that kind has, in
 * the order given, and each absent one that has a default appended at its default.
 */
export function persistenceWithDefaults(kind: PersistenceType, given: Partial<Omit<PersistenceSpec, 'kind'>>, layer: number): PersistenceSpec {
  const fields = PERSISTENCE_FIELDS[kind];
  const kept = Object.entries(given).filter(([field]) => (fields as string[]).includes(field));
  const defaults: Partial<PersistenceSpec> = {
    timeoutSeconds: kind === PersistenceType.SOURCE_IP ? given.timeoutSeconds ?? defaultPersistenceSeconds(layer) : undefined,
    cookieName: kind === PersistenceType.HTTP_COOKIE ? given.cookieName ?? DEFAULT_COOKIE_NAME : undefined,
  };
  return withoutUndefined({ kind, ...Object.fromEntries(kept), ...defaults });
}
