import { HealthCheckType } from '../spec/health-check-type';
import { PersistenceType } from '../spec/persistence-type';
import { ProxyMode } from '../spec/proxy-mode';
import { checkPortOf, ResolvedHealthCheck, ResolvedPersistence, ResolvedVirtualService } from '../spec/resolved-virtual-service';
import { CHECK_WORDS, FORWARDING_WORDS, PERSISTENCE_WORDS } from '../spec/words';

/**
 * Phrases for a VIP's parts, from the words of lib/spec/words.ts, as the Centricity PACS guide's
 * VIP table writes them. Used by the VIP table, the report and comments in generated files.
 */

/** `Layer 4 DR`, `Layer 4 SNAT`, `Layer 7 reverse proxy` (with `, HTTP mode` when it parses HTTP). */
export function describeMode(vip: ResolvedVirtualService): string {
  if (vip.layer === 7) return vip.proxyMode === ProxyMode.HTTP ? 'Layer 7 reverse proxy, HTTP mode' : 'Layer 7 reverse proxy';
  return `Layer 4 ${FORWARDING_WORDS[vip.forwarding]}`;
}

/** `none`, `source IP (300 s)`, `last successful`, `HTTP cookie SERVERID`. */
export function describePersistence(p: ResolvedPersistence): string {
  const words = PERSISTENCE_WORDS[p.kind];
  if (p.kind === PersistenceType.SOURCE_IP) return `${words} (${p.timeoutSeconds} s${p.netmask ? `, mask ${p.netmask}` : ''})`;
  if (p.kind === PersistenceType.HTTP_COOKIE) return `${words} ${p.cookieName}`;
  return words;
}

/** What follows the kind's words: where the check goes and what it sends. */
function checkDetail(check: ResolvedHealthCheck): Array<string | undefined> {
  const port = checkPortOf(check);
  const colonPort = port !== undefined ? `:${port}` : undefined;
  switch (check.kind) {
    case HealthCheckType.HTTP_GET:
    case HealthCheckType.HTTPS_GET:
      return [`${colonPort ?? ''}${check.path}`];
    case HealthCheckType.CONNECT:
      return [port !== undefined ? String(port) : undefined];
    case HealthCheckType.DICOM_ASSOCIATION:
      return [colonPort, `(${check.callingAeTitle} → ${check.calledAeTitle})`];
    case HealthCheckType.HL7_MLLP:
      return [colonPort, `(${check.sendingApplication} → ${check.receivingApplication})`];
    case HealthCheckType.EXTERNAL:
      return [check.script];
    default:
      return [];
  }
}

/** The check with where it goes: `HTTP GET :80/status`, `connect to port 8080`, `DICOM association :104 (LB → ARCHIVE)`. */
export function describeHealthCheck(check: ResolvedHealthCheck): string {
  return [CHECK_WORDS[check.kind], ...checkDetail(check)].filter((part) => part !== undefined).join(' ');
}
