import { ForwardingMethod } from '../spec/forwarding-method';
import { HealthCheckType } from '../spec/health-check-type';
import { PersistenceType } from '../spec/persistence-type';
import { ProxyMode } from '../spec/proxy-mode';
import { HealthCheckSpec, PersistenceSpec, VirtualServiceSpec } from '../spec/virtual-service-spec';

/**
 * Words for a spec's parts, as the Centricity PACS guide's VIP table writes them. Used by the
 * VIP table and by comments in generated files.
 */

const FORWARDING_WORDS: Record<ForwardingMethod, string> = {
  [ForwardingMethod.DR]: 'DR',
  [ForwardingMethod.NAT]: 'NAT',
  [ForwardingMethod.SNAT]: 'SNAT',
};

const PERSISTENCE_WORDS: Record<PersistenceType, string> = {
  [PersistenceType.NONE]: 'none',
  [PersistenceType.SOURCE_IP]: 'source IP',
  [PersistenceType.LAST_SUCCESSFUL]: 'last successful',
  [PersistenceType.HTTP_COOKIE]: 'HTTP cookie',
};

const CHECK_WORDS: Record<HealthCheckType, string> = {
  [HealthCheckType.HTTP_GET]: 'HTTP GET',
  [HealthCheckType.HTTPS_GET]: 'HTTPS GET',
  [HealthCheckType.CONNECT]: 'connect to port',
  [HealthCheckType.PING]: 'ICMP ping',
  [HealthCheckType.DICOM_ASSOCIATION]: 'DICOM association',
  [HealthCheckType.HL7_MLLP]: 'HL7 MLLP',
  [HealthCheckType.EXTERNAL]: 'external script',
  [HealthCheckType.NONE]: 'none',
};

/** `Layer 4 DR`, `Layer 4 SNAT`, `Layer 7 reverse proxy` (with `, HTTP mode` when it parses HTTP). */
export function describeMode(vip: VirtualServiceSpec): string {
  if (vip.layer === 7) return vip.proxyMode === ProxyMode.HTTP ? 'Layer 7 reverse proxy, HTTP mode' : 'Layer 7 reverse proxy';
  return `Layer 4 ${FORWARDING_WORDS[vip.forwarding ?? ForwardingMethod.DR]}`;
}

/** `none`, `source IP (300 s)`, `last successful`, `HTTP cookie SERVERID`. */
export function describePersistence(p: PersistenceSpec): string {
  const words = PERSISTENCE_WORDS[p.kind];
  if (p.kind === PersistenceType.SOURCE_IP) return `${words} (${p.timeoutSeconds} s${p.netmask ? `, mask ${p.netmask}` : ''})`;
  if (p.kind === PersistenceType.HTTP_COOKIE) return `${words} ${p.cookieName}`;
  return words;
}

/** The kind of check alone: `HTTP GET`, `connect to port`, `DICOM association`. */
export function describeCheckType(kind: HealthCheckType): string {
  return CHECK_WORDS[kind];
}

/** The check with its target: `HTTP GET :80/status`, `connect to port 8080`, `DICOM association :104 (LB → ARCHIVE)`. */
export function describeHealthCheck(check: HealthCheckSpec): string {
  const port = check.port !== undefined ? `:${check.port}` : undefined;
  const detail: Partial<Record<HealthCheckType, Array<string | undefined>>> = {
    [HealthCheckType.HTTP_GET]: [`${port ?? ''}${check.path}`],
    [HealthCheckType.HTTPS_GET]: [`${port ?? ''}${check.path}`],
    [HealthCheckType.CONNECT]: [check.port !== undefined ? String(check.port) : undefined],
    [HealthCheckType.DICOM_ASSOCIATION]: [port, `(${check.callingAeTitle} → ${check.calledAeTitle})`],
    [HealthCheckType.HL7_MLLP]: [port, `(${check.sendingApplication} → ${check.receivingApplication})`],
    [HealthCheckType.EXTERNAL]: [check.script],
  };
  return [CHECK_WORDS[check.kind], ...(detail[check.kind] ?? [])].filter((part) => part !== undefined).join(' ');
}
