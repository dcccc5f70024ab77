import { ClientAddressMode } from '../../spec/client-address-mode';
import { ForwardingMethod } from '../../spec/forwarding-method';
import { HealthCheckType } from '../../spec/health-check-type';
import { PersistenceType } from '../../spec/persistence-type';
import { formatRange } from '../../spec/ports';
import { ProxyMode } from '../../spec/proxy-mode';
import { RealServerSpec, VirtualServiceSpec } from '../../spec/virtual-service-spec';
import { HAPROXY_BALANCE, IPVS_SCHEDULER } from '../../render/scheduler-names';

/**
 * THE table that maps a spec to the Loadbalancer.org appliance's lbcli parameters (the REST
 * API v2 sends the same names). A correction to the appliance's interface is a one-line
 * change here. Rows marked `verified: false` restate values that public material does not
 * confirm; they are listed in the README's "unverified" section.
 */
export interface ParameterMapping<T> {
  /** lbcli parameter name (long option without dashes). */
  readonly parameter: string;
  /** The value for this spec, or undefined to leave the parameter out. */
  readonly value: (spec: T) => string | undefined;
  /** Whether public material confirms the parameter and its values. */
  readonly verified: boolean;
}

const FORWARDING: Record<ForwardingMethod, string> = {
  [ForwardingMethod.DR]: 'gate',
  [ForwardingMethod.NAT]: 'masq',
  // Unverified: public material does not show lbcli's value for Layer 4 SNAT.
  [ForwardingMethod.SNAT]: 'snat',
};

/** Layer 4 check_type, with check_service for negotiate checks. DICOM and HL7 run as external scripts. */
const LAYER4_CHECK: Record<HealthCheckType, [string, string | undefined]> = {
  [HealthCheckType.HTTP_GET]: ['negotiate', 'http'],
  [HealthCheckType.HTTPS_GET]: ['negotiate', 'https'],
  [HealthCheckType.CONNECT]: ['connect', undefined],
  [HealthCheckType.PING]: ['ping', undefined],
  [HealthCheckType.DICOM_ASSOCIATION]: ['external', undefined],
  [HealthCheckType.HL7_MLLP]: ['external', undefined],
  [HealthCheckType.EXTERNAL]: ['external', undefined],
  [HealthCheckType.NONE]: ['off', undefined],
};

/** Layer 7 check_type. Ping is refused at Layer 7 by validation. */
const LAYER7_CHECK: Record<HealthCheckType, string> = {
  [HealthCheckType.HTTP_GET]: 'negotiate_http',
  [HealthCheckType.HTTPS_GET]: 'negotiate_https',
  [HealthCheckType.CONNECT]: 'connect',
  [HealthCheckType.PING]: 'connect',
  [HealthCheckType.DICOM_ASSOCIATION]: 'external',
  [HealthCheckType.HL7_MLLP]: 'external',
  [HealthCheckType.EXTERNAL]: 'external',
  [HealthCheckType.NONE]: 'none',
};

const LAYER7_PERSISTENCE: Record<PersistenceType, string> = {
  [PersistenceType.NONE]: 'none',
  [PersistenceType.SOURCE_IP]: 'ip',
  [PersistenceType.HTTP_COOKIE]: 'http',
  // Unverified: how lbcli spells "last successful" is not public.
  [PersistenceType.LAST_SUCCESSFUL]: 'last_successful',
};

/**
 * Where the appliance finds the protocol check scripts this project ships (DICOM association,
 * HL7 MLLP). Unverified: the appliance's external-check folder.
 */
export const PROTOCOL_CHECK_SCRIPTS: Partial<Record<HealthCheckType, string>> = {
  [HealthCheckType.DICOM_ASSOCIATION]: '/var/lib/loadbalancer.org/check/pacs-lb-dicom-check',
  [HealthCheckType.HL7_MLLP]: '/var/lib/loadbalancer.org/check/pacs-lb-hl7-check',
};

const SEND_PROXY: Partial<Record<ClientAddressMode, string>> = {
  [ClientAddressMode.PROXY_PROTOCOL_V1]: 'v1',
  [ClientAddressMode.PROXY_PROTOCOL_V2]: 'v2',
};

function text(n: number | undefined): string | undefined {
  return n === undefined ? undefined : String(n);
}

function onOff(flag: boolean): string {
  return flag ? 'on' : 'off';
}

/** Ports as lbcli writes them: `80`, `80:81`, `800-900`, `80:90-100:3443`. */
export function lbcliPorts(spec: VirtualServiceSpec): string {
  return spec.ports.ranges.map(formatRange).join(':');
}

function checkScript(spec: VirtualServiceSpec): string | undefined {
  return spec.healthCheck.script ?? PROTOCOL_CHECK_SCRIPTS[spec.healthCheck.kind];
}

const isSourceIp = (spec: VirtualServiceSpec) => spec.persistence.kind === PersistenceType.SOURCE_IP;
const isHttpCheck = (spec: VirtualServiceSpec) => [HealthCheckType.HTTP_GET, HealthCheckType.HTTPS_GET].includes(spec.healthCheck.kind);

/** add-vip / edit-vip parameters of a Layer 4 VIP. */
export const LAYER4_VIP_PARAMETERS: ParameterMapping<VirtualServiceSpec>[] = [
  { parameter: 'vip', value: (s) => s.name, verified: true },
  { parameter: 'ip', value: (s) => s.address, verified: true },
  { parameter: 'ports', value: lbcliPorts, verified: true },
  { parameter: 'protocol', value: (s) => s.protocol, verified: true },
  { parameter: 'forwarding', value: (s) => FORWARDING[s.forwarding ?? ForwardingMethod.DR], verified: false },
  { parameter: 'persistent', value: (s) => onOff(isSourceIp(s)), verified: true },
  { parameter: 'persist_time', value: (s) => (isSourceIp(s) ? text(s.persistence.timeoutSeconds) : undefined), verified: true },
  { parameter: 'granularity', value: (s) => s.persistence.netmask, verified: true },
  { parameter: 'scheduler', value: (s) => IPVS_SCHEDULER[s.scheduler], verified: true },
  { parameter: 'check_type', value: (s) => LAYER4_CHECK[s.healthCheck.kind][0], verified: true },
  { parameter: 'check_service', value: (s) => LAYER4_CHECK[s.healthCheck.kind][1], verified: true },
  { parameter: 'check_port', value: (s) => text(s.healthCheck.port), verified: true },
  { parameter: 'check_request', value: (s) => s.healthCheck.path, verified: true },
  { parameter: 'check_response', value: (s) => (isHttpCheck(s) ? (s.healthCheck.expectText ?? text(s.healthCheck.expectStatus)) : undefined), verified: true },
  { parameter: 'check_vhost', value: (s) => s.healthCheck.host, verified: true },
  { parameter: 'check_command', value: checkScript, verified: false },
];

/** add-vip / edit-vip parameters of a Layer 7 VIP. */
export const LAYER7_VIP_PARAMETERS: ParameterMapping<VirtualServiceSpec>[] = [
  { parameter: 'vip', value: (s) => s.name, verified: true },
  { parameter: 'ip', value: (s) => s.address, verified: true },
  { parameter: 'ports', value: lbcliPorts, verified: true },
  { parameter: 'mode', value: (s) => s.proxyMode ?? ProxyMode.TCP, verified: true },
  { parameter: 'persistence', value: (s) => LAYER7_PERSISTENCE[s.persistence.kind], verified: false },
  // Unverified: the unit of Layer 7 persist_time (minutes as far as public material shows).
  { parameter: 'persist_time', value: (s) => (isSourceIp(s) ? text(Math.ceil((s.persistence.timeoutSeconds ?? 0) / 60)) : undefined), verified: false },
  { parameter: 'cookiename', value: (s) => s.persistence.cookieName, verified: true },
  { parameter: 'maxconn', value: (s) => text(s.maxConnections), verified: true },
  { parameter: 'scheduler', value: (s) => HAPROXY_BALANCE[s.scheduler], verified: true },
  { parameter: 'timeout', value: () => 'on', verified: true },
  // Unverified: whether the appliance takes a unit suffix here.
  { parameter: 'timeout_client', value: (s) => `${s.clientTimeoutSeconds}s`, verified: false },
  { parameter: 'timeout_server', value: (s) => `${s.serverTimeoutSeconds}s`, verified: false },
  { parameter: 'redispatch', value: () => 'on', verified: true },
  { parameter: 'forward_for', value: (s) => (s.proxyMode === ProxyMode.HTTP ? onOff(s.clientAddress === ClientAddressMode.X_FORWARDED_FOR) : undefined), verified: true },
  { parameter: 'send_proxy', value: (s) => SEND_PROXY[s.clientAddress ?? ClientAddressMode.NONE] ?? 'none', verified: true },
  { parameter: 'tproxy', value: (s) => onOff(s.clientAddress === ClientAddressMode.TRANSPARENT), verified: true },
  { parameter: 'check_type', value: (s) => LAYER7_CHECK[s.healthCheck.kind], verified: true },
  { parameter: 'check_port', value: (s) => text(s.healthCheck.port), verified: true },
  { parameter: 'check_request', value: (s) => s.healthCheck.path, verified: true },
  { parameter: 'check_receive', value: (s) => (isHttpCheck(s) ? (s.healthCheck.expectText ?? text(s.healthCheck.expectStatus)) : undefined), verified: true },
  { parameter: 'check_host', value: (s) => s.healthCheck.host, verified: true },
  { parameter: 'external_check_script', value: checkScript, verified: false },
];

/** A real server together with the VIP it belongs to. */
export interface RealServerOfVip {
  /** The VIP. */
  readonly vip: VirtualServiceSpec;
  /** The real server. */
  readonly rip: RealServerSpec;
}

const sendsPort = ({ vip }: RealServerOfVip) => vip.layer === 7 || vip.forwarding !== ForwardingMethod.DR;

/** add-rip / edit-rip parameters. */
export const REAL_SERVER_PARAMETERS: ParameterMapping<RealServerOfVip>[] = [
  { parameter: 'vip', value: ({ vip }) => vip.name, verified: true },
  { parameter: 'rip', value: ({ rip }) => rip.name, verified: true },
  { parameter: 'ip', value: ({ rip }) => rip.address, verified: true },
  { parameter: 'port', value: (r) => (sendsPort(r) ? text(r.rip.port) : undefined), verified: true },
  { parameter: 'weight', value: ({ rip }) => text(rip.weight), verified: true },
  { parameter: 'minconns', value: ({ vip, rip }) => (vip.layer === 4 ? text(rip.minConnections) : undefined), verified: true },
  { parameter: 'maxconns', value: ({ rip }) => text(rip.maxConnections), verified: true },
  { parameter: 'encrypted', value: ({ rip }) => (rip.encrypted ? 'on' : undefined), verified: true },
];

/** Applies a mapping table: every row that has a value, in table order. */
export function mapParameters<T>(table: ParameterMapping<T>[], spec: T): Record<string, string> {
  const parameters: Record<string, string> = {};
  for (const row of table) {
    const value = row.value(spec);
    if (value !== undefined) parameters[row.parameter] = value;
  }
  return parameters;
}
