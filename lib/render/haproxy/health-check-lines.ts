import { HealthCheckType } from '../../spec/health-check-type';
import { CheckOfKind, DicomCheck, HttpCheck, Hl7Check, ResolvedHealthCheck } from '../../spec/resolved-virtual-service';
import { describeHealthCheck } from '../describe';
import { dicomAssociateRequest, dicomReleaseRequest, DICOM_PDU_TYPE } from '../probes/dicom-association';
import { HL7_ACCEPT_MARKER, hl7ProbeFrame, MLLP_CARRIAGE_RETURN, MLLP_END } from '../probes/hl7-mllp-probe';
import { haproxyArgument } from './haproxy-argument';

/** How one kind of health check is written into haproxy.cfg. */
interface CheckRendering<C extends ResolvedHealthCheck> {
  /** Lines in the VIP's section that define the check. */
  readonly sectionLines: (check: C) => string[];
  /** Options on every server line that turn the check on; empty for no check. */
  readonly serverOptions: (check: C) => string[];
  /** Lines the global section needs for this kind. */
  readonly globalLines: string[];
}

/** One byte as the hexadecimal `rbinary` regex matches at the start of the response. */
function firstByteIs(byte: number): string {
  return `^${byte.toString(16).padStart(2, '0')}`;
}

function httpLines(check: HttpCheck): string[] {
  const request = check.host
    ? `http-check send meth GET uri ${haproxyArgument(check.path)} ver HTTP/1.1 hdr Host ${haproxyArgument(check.host)}`
    : `http-check send meth GET uri ${haproxyArgument(check.path)} ver HTTP/1.0`;
  return [
    'option httpchk',
    request,
    `http-check expect status ${check.expectStatus}`,
    ...(check.expectText ? [`http-check expect string ${haproxyArgument(check.expectText)}`] : []),
  ];
}

function dicomLines(check: DicomCheck): string[] {
  return [
    'option tcp-check',
    `tcp-check send-binary ${dicomAssociateRequest(check.calledAeTitle, check.callingAeTitle).toString('hex')} comment A-ASSOCIATE-RQ`,
    `tcp-check expect min-recv 1 rbinary ${firstByteIs(DICOM_PDU_TYPE.associateAccept)} comment A-ASSOCIATE-AC`,
    `tcp-check send-binary ${dicomReleaseRequest().toString('hex')} comment A-RELEASE-RQ`,
    `tcp-check expect min-recv 1 rbinary ${firstByteIs(DICOM_PDU_TYPE.releaseResponse)} comment A-RELEASE-RP`,
  ];
}

/** The end of an MLLP block: the check waits for the whole acknowledgement before reading it. */
const MLLP_END_OF_BLOCK = Buffer.from([MLLP_END, MLLP_CARRIAGE_RETURN]).toString('hex');

function hl7Lines(check: Hl7Check): string[] {
  const frame = hl7ProbeFrame(check);
  return ['option tcp-check', `tcp-check send-binary ${frame.toString('hex')} comment MLLP-framed-probe`, `tcp-check expect binary ${MLLP_END_OF_BLOCK} comment MLLP-end-of-block`,
    `tcp-check expect min-recv 0 string ${haproxyArgument(HL7_ACCEPT_MARKER)} comment application-accept`,
  ];
}

/**
 * HTTPS checks verify the server's certificate against the CA file when one is given; without
 * one, any certificate is accepted (self-signed included): the check then proves the service
 * answers, not who it is.
 */
function httpsServerOptions(check: HttpCheck): string[] {
  const verification = check.caFile ? ['verify', 'required', 'ca-file', haproxyArgument(check.caFile)] : ['verify', 'none'];
  return ['check', 'check-ssl', ...verification];
}

const CHECK: { readonly [K in HealthCheckType]: CheckRendering<CheckOfKind<K>> } = {
  [HealthCheckType.CONNECT]: { sectionLines: () => [], serverOptions: () => ['check'], globalLines: [] },
  [HealthCheckType.HTTP_GET]: { sectionLines: httpLines, serverOptions: () => ['check'], globalLines: [] },
  [HealthCheckType.HTTPS_GET]: { sectionLines: httpLines, serverOptions: httpsServerOptions, globalLines: [] },
  [HealthCheckType.PING]: {
    sectionLines: () => ['# HAProxy cannot ping: a TCP connect to the server stands in for the ICMP check.'],
    serverOptions: () => ['check'],
    globalLines: [],
  },
  [HealthCheckType.DICOM_ASSOCIATION]: { sectionLines: dicomLines, serverOptions: () => ['check'], globalLines: [] },
  [HealthCheckType.HL7_MLLP]: { sectionLines: hl7Lines, serverOptions: () => ['check'], globalLines: [] },
  [HealthCheckType.EXTERNAL]: {
    sectionLines: (check) => ['option external-check', `external-check command ${haproxyArgument(check.script)}`],
    serverOptions: () => ['check'],
    globalLines: ['external-check', 'insecure-fork-wanted'],
  },
  [HealthCheckType.NONE]: { sectionLines: () => [], serverOptions: () => [], globalLines: [] },
};

/** The rendering of a check's own kind (a table indexed by kind cannot say so to the compiler). */
function renderingOf(check: ResolvedHealthCheck): CheckRendering<ResolvedHealthCheck> {
  return CHECK[check.kind] as CheckRendering<ResolvedHealthCheck>;
}

/** Lines of the VIP's section for its check: what it sends and expects, and its timing. */
export function checkSectionLines(check: ResolvedHealthCheck): string[] {
  const rendering = renderingOf(check);
  if (rendering.serverOptions(check).length === 0) return [`# Health check: none, every server is considered up.`];
  return [
    `# Health check: ${describeHealthCheck(check)}; down after ${check.fall} failures, back after ${check.rise} successes.`,
    ...rendering.sectionLines(check),
    `timeout check ${check.timeoutSeconds}s`,
    `default-server inter ${check.intervalSeconds}s fall ${check.fall} rise ${check.rise}`,
  ];
}

/** Options on a server line that turn the check on, with the port it connects to when that differs. */
export function checkServerOptions(check: ResolvedHealthCheck, checkPort: number | undefined): string[] {
  const options = renderingOf(check).serverOptions(check);
  if (options.length === 0) return [];
  return checkPort === undefined ? options : [...options, 'port', String(checkPort)];
}

/** Lines the global section needs for these checks (external checks need process forking). */
export function checkGlobalLines(checks: ResolvedHealthCheck[]): string[] {
  return [...new Set(checks.flatMap((check) => CHECK[check.kind].globalLines))];
}
