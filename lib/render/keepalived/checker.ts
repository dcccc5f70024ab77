import { CHECK_MODE, CHECK_SCRIPT_INSTALL_PATH } from './check-script';
import { HealthCheckType } from '../../spec/health-check-type';
import { HealthCheckSpec, RealServerSpec, VirtualServiceSpec } from '../../spec/virtual-service-spec';
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

/** What a checker needs to know about where it runs. */
export interface CheckTarget {
  /** The VIP. */
  readonly vip: VirtualServiceSpec;
  /** The real server checked. */
  readonly rip: RealServerSpec;
  /** The port the check connects to: the check's own, else the real server's, else the VIP's; 0 when unknown. */
  readonly port: number;
}

type CheckerRenderer = (check: HealthCheckSpec, target: CheckTarget) => string[];

function retryLines(check: HealthCheckSpec): string[] {
  return [`retry ${check.fall - 1}`, `delay_before_retry ${check.intervalSeconds}`];
}

/** HTTP_GET and SSL_GET (which accepts self-signed certificates: it does not verify them). */
function httpChecker(keyword: string): CheckerRenderer {
  return (check, target) => [
    `${keyword} {`,
    '  url {',
    `    path ${check.path}`,
    `    status_code ${check.expectStatus}`,
    // The expected text is letters, digits, spaces and _.:/=- (validated); '.' is made literal.
    ...(check.expectText !== undefined ? [`    regex "${check.expectText.replace(/\./g, '[.]')}"`] : []),
    '  }',
    `  connect_port ${target.port}`,
    `  connect_timeout ${check.timeoutSeconds}`,
    ...retryLines(check).map((line) => `  ${line}`),
    ...(check.host !== undefined ? [`  virtualhost ${check.host}`] : []),
    '}',
  ];
}

/** MISC_CHECK running a command; keepalived splits the quoted path into arguments itself, no shell. */
function miscChecker(args: (check: HealthCheckSpec, target: CheckTarget) => (string | number)[]): CheckerRenderer {
  return (check, target) => [
    `# ${describeHealthCheck(check)}`,
    'MISC_CHECK {',
    `  misc_path "${args(check, target).join(' ')}"`,
    `  misc_timeout ${check.timeoutSeconds + 1}`,
    ...retryLines(check).map((line) => `  ${line}`),
    '}',
  ];
}

/** How each kind of check is written; NONE writes no checker, so keepalived keeps the server up. */
const CHECKERS: Record<HealthCheckType, CheckerRenderer> = {
  [HealthCheckType.HTTP_GET]: httpChecker('HTTP_GET'),
  [HealthCheckType.HTTPS_GET]: httpChecker('SSL_GET'),
  [HealthCheckType.CONNECT]: (check, target) => [
    'TCP_CHECK {',
    `  connect_port ${target.port}`,
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
    dicomAssociateRequest(check.calledAeTitle!, check.callingAeTitle!).toString('hex'),
  ]),
  [HealthCheckType.HL7_MLLP]: miscChecker((check, { rip, port }) => [
    CHECK_SCRIPT_INSTALL_PATH,
    CHECK_MODE.hl7,
    rip.address,
    port,
    check.timeoutSeconds,
    hl7ProbeFrame({
      sendingApplication: check.sendingApplication!,
      sendingFacility: check.sendingFacility!,
      receivingApplication: check.receivingApplication!,
      receivingFacility: check.receivingFacility!,
    }).toString('hex'),
  ]),
  // The user's script gets the arguments ldirectord gives its external checks: VIP, VIP port, real server, real server port.
  [HealthCheckType.EXTERNAL]: miscChecker((check, { vip, rip, port }) => [check.script!, vip.address, port, rip.address, port]),
  [HealthCheckType.NONE]: () => [],
};

/** The checker block of one real server (no lines for a VIP without checks). */
export function checkerLines(check: HealthCheckSpec, target: CheckTarget): string[] {
  return CHECKERS[check.kind](check, target);
}
