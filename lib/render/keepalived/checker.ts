import { CHECK_MODE, CHECK_SCRIPT_INSTALL_PATH } from './check-script';
import { HealthCheckType } from '../../spec/health-check-type';
import { CheckOfKind, HttpCheck, ResolvedHealthCheck, ResolvedVirtualService } from '../../spec/resolved-virtual-service';
import { RealServerSpec } from '../../spec/virtual-service-spec';
import { describeHealthCheck } from '../describe';
import { dicomAssociateRequest } from '../probes/dicom-association';
import { hl7ProbeFrame } from '../probes/hl7-mllp-probe';

/**
 * keepalived health checkers for one real server.
 *
 * Timing, from the spec's check:
 * - `intervalSeconds` → `delay_loop` of the virtual server, and `delay_before_retry`;
 * - `timeoutSeconds` → `connect_timeout` (HTTP_GET, SSL_GET, TCP_CHECK), or `misc_timeout`
 *   one second longer than the script's own limit (MISC_CHECK);
 * - `fall` → `retry fall - 1`: keepalived takes a server out after the first failure plus
 *   `retry` failed retries, `delay_before_retry` apart, so after `fall` failures;
 * - `rise` has no keepalived equivalent: a server returns after one successful check. The
 *   virtual server's `alpha` makes new servers start as failed until a check passes.
 */

/** The real server a checker checks, with its VIP and the port the check connects to. */
export interface CheckedServer {
  /** The VIP. */
  readonly vip: ResolvedVirtualService;
  /** The real server checked. */
  readonly rip: RealServerSpec;
  /** The port the check connects to: the check's own, else the real server's, else the VIP's; 0 when unknown. */
  readonly port: number;
}

type CheckerRenderer<C extends ResolvedHealthCheck> = (check: C, checked: CheckedServer) => string[];

function retryLines(check: ResolvedHealthCheck): string[] {
  return [`retry ${check.fall - 1}`, `delay_before_retry ${check.intervalSeconds}`];
}

/** HTTP_GET and SSL_GET (which accepts self-signed certificates: it does not verify them). */
function httpChecker(keyword: string): CheckerRenderer<HttpCheck> {
  return (check, checked) => [
    `${keyword} {`,
    '  url {',
    `    path ${check.path}`,
    `    status_code ${check.expectStatus}`,
    // The expected text is letters, digits, spaces and _.:/=- (validated); '.' is made literal.
    ...(check.expectText !== undefined ? [`    regex "${check.expectText.replace(/\./g, '[.]')}"`] : []),
    '  }',
    `  connect_port ${checked.port}`,
    `  connect_timeout ${check.timeoutSeconds}`,
    ...retryLines(check).map((line) => `  ${line}`),
    ...(check.host !== undefined ? [`  virtualhost ${check.host}`] : []),
    '}',
  ];
}

/** MISC_CHECK running a command; keepalived splits the quoted path into arguments itself, no shell. */
function miscChecker<C extends ResolvedHealthCheck>(args: (check: C, checked: CheckedServer) => (string | number)[]): CheckerRenderer<C> {
  return (check, checked) => [
    `# ${describeHealthCheck(check)}`,
    'MISC_CHECK {',
    `  misc_path "${args(check, checked).join(' ')}"`,
    `  misc_timeout ${check.timeoutSeconds + 1}`,
    ...retryLines(check).map((line) => `  ${line}`),
    '}',
  ];
}

/** How each kind of check is written; NONE writes no checker, so keepalived keeps the server up. */
const CHECKERS: { readonly [K in HealthCheckType]: CheckerRenderer<CheckOfKind<K>> } = {
  [HealthCheckType.HTTP_GET]: httpChecker('HTTP_GET'),
  [HealthCheckType.HTTPS_GET]: httpChecker('SSL_GET'),
  [HealthCheckType.CONNECT]: (check, checked) => [
    'TCP_CHECK {',
    `  connect_port ${checked.port}`,
    `  connect_timeout ${check.timeoutSeconds}`,
    ...retryLines(check).map((line) => `  ${line}`),
    '}',
  ],
  [HealthCheckType.PING]: miscChecker((check, { rip }) => [CHECK_SCRIPT_INSTALL_PATH, CHECK_MODE.ping, rip.address, check.timeoutSeconds]),
  [HealthCheckType.DICOM_ASSOCIATION]: miscChecker((check, { rip, port }) => [
    CHECK_SCRIPT_INSTALL_PATH,
    CHECK_MODE.dicom,
    rip.address,
    port,
    check.timeoutSeconds,
    dicomAssociateRequest(check.calledAeTitle, check.callingAeTitle).toString('hex'),
  ]),
  [HealthCheckType.HL7_MLLP]: miscChecker((check, { rip, port }) => [
    CHECK_SCRIPT_INSTALL_PATH,
    CHECK_MODE.hl7,
    rip.address,
    port,
    check.timeoutSeconds,
    hl7ProbeFrame(check).toString('hex'),
  ]),
  // The user's script gets the arguments ldirectord gives its external checks: VIP, VIP port, real server, real server port.
  [HealthCheckType.EXTERNAL]: miscChecker((check, { vip, rip, port }) => [check.script, vip.address, port, rip.address, port]),
  [HealthCheckType.NONE]: () => [],
};

/** The checker block of one real server (no lines for a VIP without checks). */
export function checkerLines(check: ResolvedHealthCheck, checked: CheckedServer): string[] {
  // A table indexed by kind cannot tell the compiler that the entry fits the check's own kind.
  return (CHECKERS[check.kind] as CheckerRenderer<ResolvedHealthCheck>)(check, checked);
}
