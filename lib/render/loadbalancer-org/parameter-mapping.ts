import * as path from 'path';
import { CheckScriptSource } from '../../spec/check-script-source';
import { ClientAddressMode } from '../../spec/client-address-mode';
import { ForwardingMethod } from '../../spec/forwarding-method';
import { HealthCheckType } from '../../spec/health-check-type';
import { PersistenceType } from '../../spec/persistence-type';
import { formatRange } from '../../spec/ports';
import { ProxyMode } from '../../spec/proxy-mode';
import { checkPortOf, ResolvedLayer4Vip, ResolvedLayer7Vip, ResolvedVirtualService } from '../../spec/resolved-virtual-service';
import { RealServerSpec } from '../../spec/virtual-service-spec';
import { HAPROXY_BALANCE, IPVS_SCHEDULER } from '../../spec/words';
import { LbcliWords } from './lbcli-words';

/**
 * THE table that maps a spec to the Loadbalancer.org appliance's lbcli parameters (the REST
 * API v2 sends the same names). Each row has a stable key (`layer4.parameter.check_command`);
 * the words it sends come from lbcli-words.ts, so an appliance's `lbcliOverrides` correct a
 * parameter name or a value without a release. Rows marked `verified: false` restate what
 * public material does not confirm; the README lists them.
 */
export interface ParameterMapping<T> {
  /** Stable key: `<table>.parameter.<lbcli name>`; an override of it renames the parameter. */
  readonly key: string;
  /** lbcli parameter name (long option without dashes). */
  readonly parameter: string;
  /** The value for this spec, or undefined to leave the parameter out. */
  readonly value: (spec: T, words: LbcliWords) => string | undefined;
  /** Whether public material confirms the parameter and its values. */
  readonly verified: boolean;
}

function text(n: number | undefined): string | undefined {
  return n === undefined ? undefined : String(n);
}

function onOff(flag: boolean): string {
  return flag ? 'on' : 'off';
}

/** Ports as lbcli writes them: `80`, `80:81`, `800-900`, `80:90-100:3443`. */
export function lbcliPorts(spec: ResolvedVirtualService): string {
  return spec.ports.ranges.map(formatRange).join(':');
}

/** The check kinds that run as a script on the appliance. */
const SCRIPT_CHECKS = [HealthCheckType.DICOM_ASSOCIATION, HealthCheckType.HL7_MLLP, HealthCheckType.EXTERNAL];

/** A check's kind as a check_type word: DICOM and HL7 run as external scripts; ping is connect at Layer 7. */
function checkKindWord(layer: number, kind: HealthCheckType): string {
  if (SCRIPT_CHECKS.includes(kind)) return `layer${layer}.check.external`;
  if (layer === 7 && kind === HealthCheckType.PING) return 'layer7.check.connect';
  return `layer${layer}.check.${kind}`;
}

/**
 * The check script's *file name* in the appliance's check folder (the interface takes a file
 * name, never a path): for DICOM the appliance's own C-ECHO script or the uploaded
 * `pacs-lb-dicom-<VIP>`, for HL7 `pacs-lb-hl7-<VIP>`, for an external check the file name of
 * its script. Whether the script is there is checked before apply (check-script-rules.ts).
 */
export function checkScriptFileName(spec: ResolvedVirtualService, words: LbcliWords): string | undefined {
  const check = spec.healthCheck;
  switch (check.kind) {
    case HealthCheckType.DICOM_ASSOCIATION:
      return words.checkScripts.dicom === CheckScriptSource.APPLIANCE_DICOM_ECHO ? words.value('check.dicom.appliance-script') : `${words.value('check.dicom.uploaded-prefix')}${spec.name}`;
    case HealthCheckType.HL7_MLLP:
      return `${words.value('check.hl7.uploaded-prefix')}${spec.name}`;
    case HealthCheckType.EXTERNAL:
      return path.posix.basename(check.script);
    default:
      return undefined;
  }
}

/** Layer 7 persist_time in the unit the `layer7.persist-time.unit` word names. */
function layer7PersistTime(seconds: number, words: LbcliWords): string {
  return String(words.value('layer7.persist-time.unit') === 'seconds' ? seconds : Math.ceil(seconds / 60));
}

/** A Layer 7 timeout in the unit `layer7.timeout.unit` names (s, m or h; rounded up). */
function layer7Timeout(seconds: number, words: LbcliWords): string {
  const unit = words.value('layer7.timeout.unit');
  const per: Record<string, number> = { s: 1, m: 60, h: 3600 };
  return `${Math.ceil(seconds / (per[unit] ?? 1))}${unit}`;
}

/** Source IP persistence's timeout; undefined for other kinds. */
const sourceIpSeconds = ({ persistence: p }: ResolvedVirtualService) => (p.kind === PersistenceType.SOURCE_IP ? p.timeoutSeconds : undefined);
/** The HTTP(S) check of a VIP; undefined for other kinds. */
const httpCheck = ({ healthCheck: c }: ResolvedVirtualService) => (c.kind === HealthCheckType.HTTP_GET || c.kind === HealthCheckType.HTTPS_GET ? c : undefined);
const expected = (s: ResolvedVirtualService) => {
  const check = httpCheck(s);
  return check && (check.expectText ?? text(check.expectStatus));
};

function row<T>(table: string, parameter: string, value: (spec: T, words: LbcliWords) => string | undefined, verified = true): ParameterMapping<T> {
  return { key: `${table}.parameter.${parameter}`, parameter, value, verified };
}

/** add-vip / edit-vip parameters of a Layer 4 VIP. */
export const LAYER4_VIP_PARAMETERS: ParameterMapping<ResolvedLayer4Vip>[] = [
  row('layer4', 'vip', (s) => s.name),
  row('layer4', 'ip', (s) => s.address),
  row('layer4', 'ports', lbcliPorts),
  row('layer4', 'protocol', (s) => s.protocol),
  row('layer4', 'forwarding', (s, w) => w.value(`layer4.forwarding.${s.forwarding}`)),
  row('layer4', 'persistent', (s) => onOff(sourceIpSeconds(s) !== undefined)),
  row('layer4', 'persist_time', (s) => text(sourceIpSeconds(s))),
  row('layer4', 'granularity', ({ persistence: p }) => (p.kind === PersistenceType.SOURCE_IP ? p.netmask : undefined)),
  row('layer4', 'scheduler', (s) => IPVS_SCHEDULER[s.scheduler]),
  row('layer4', 'check_type', (s, w) => w.value(checkKindWord(4, s.healthCheck.kind))),
  row('layer4', 'check_service', (s, w) => (httpCheck(s) ? w.value(`layer4.check-service.${s.healthCheck.kind}`) : undefined)),
  row('layer4', 'check_port', (s) => text(checkPortOf(s.healthCheck))),
  row('layer4', 'check_request', (s) => httpCheck(s)?.path),
  row('layer4', 'check_response', expected),
  row('layer4', 'check_vhost', (s) => httpCheck(s)?.host),
  row('layer4', 'check_command', checkScriptFileName),
];

/** add-vip / edit-vip parameters of a Layer 7 VIP. */
export const LAYER7_VIP_PARAMETERS: ParameterMapping<ResolvedLayer7Vip>[] = [
  row('layer7', 'vip', (s) => s.name),
  row('layer7', 'ip', (s) => s.address),
  row('layer7', 'ports', lbcliPorts),
  row('layer7', 'mode', (s) => s.proxyMode),
  row('layer7', 'persistence', (s, w) => w.value(`layer7.persistence.${s.persistence.kind}`), false),
  row('layer7', 'persist_time', (s, w) => {
    const seconds = sourceIpSeconds(s);
    return seconds === undefined ? undefined : layer7PersistTime(seconds, w);
  }, false),
  row('layer7', 'cookiename', ({ persistence: p }) => (p.kind === PersistenceType.HTTP_COOKIE ? p.cookieName : undefined)),
  row('layer7', 'maxconn', (s) => text(s.maxConnections)),
  row('layer7', 'scheduler', (s) => HAPROXY_BALANCE[s.scheduler]),
  row('layer7', 'timeout', () => 'on'),
  row('layer7', 'timeout_client', (s, w) => layer7Timeout(s.clientTimeoutSeconds, w)),
  row('layer7', 'timeout_server', (s, w) => layer7Timeout(s.serverTimeoutSeconds, w)),
  row('layer7', 'redispatch', () => 'on'),
  row('layer7', 'forward_for', (s) => (s.proxyMode === ProxyMode.HTTP ? onOff(s.clientAddress === ClientAddressMode.X_FORWARDED_FOR) : undefined)),
  row('layer7', 'send_proxy', (s, w) => w.value(`layer7.send-proxy.${[ClientAddressMode.PROXY_PROTOCOL_V1, ClientAddressMode.PROXY_PROTOCOL_V2].includes(s.clientAddress) ? s.clientAddress : 'none'}`)),
  row('layer7', 'tproxy', (s) => onOff(s.clientAddress === ClientAddressMode.TRANSPARENT)),
  row('layer7', 'check_type', (s, w) => w.value(checkKindWord(7, s.healthCheck.kind))),
  row('layer7', 'check_port', (s) => text(checkPortOf(s.healthCheck))),
  row('layer7', 'check_request', (s) => httpCheck(s)?.path),
  row('layer7', 'check_receive', expected),
  row('layer7', 'check_host', (s) => httpCheck(s)?.host),
  row('layer7', 'external_check_script', checkScriptFileName),
];

/** A real server together with the VIP it belongs to. */
export interface RealServerOfVip {
  /** The VIP. */
  readonly vip: ResolvedVirtualService;
  /** The real server. */
  readonly rip: RealServerSpec;
}

const sendsPort = ({ vip }: RealServerOfVip) => vip.layer === 7 || vip.forwarding !== ForwardingMethod.DR;

/** add-rip / edit-rip parameters. */
export const REAL_SERVER_PARAMETERS: ParameterMapping<RealServerOfVip>[] = [
  row('rip', 'vip', ({ vip }) => vip.name),
  row('rip', 'rip', ({ rip }) => rip.name),
  row('rip', 'ip', ({ rip }) => rip.address),
  row('rip', 'port', (r) => (sendsPort(r) ? text(r.rip.port) : undefined)),
  row('rip', 'weight', ({ rip }) => text(rip.weight)),
  row('rip', 'minconns', ({ vip, rip }) => (vip.layer === 4 ? text(rip.minConnections) : undefined)),
  row('rip', 'maxconns', ({ rip }) => text(rip.maxConnections)),
  row('rip', 'encrypted', ({ rip }) => (rip.encrypted ? 'on' : undefined)),
];

/** Every parameter row's key, for checking overrides. */
export const PARAMETER_KEYS: string[] = [...LAYER4_VIP_PARAMETERS, ...LAYER7_VIP_PARAMETERS, ...REAL_SERVER_PARAMETERS].map((r) => r.key);

/** Applies a mapping table: every row that has a value, in table order, under its (possibly overridden) name. */
export function mapParameters<T>(table: ParameterMapping<T>[], spec: T, words: LbcliWords): Record<string, string> {
  const parameters: Record<string, string> = {};
  for (const mapping of table) {
    const value = mapping.value(spec, words);
    if (value !== undefined) parameters[words.parameter(mapping.key, mapping.parameter)] = value;
  }
  return parameters;
}
