import { healthCheckWithDefaults } from './defaults';
import { HealthCheckType } from './health-check-type';
import { HealthCheckSpec } from './virtual-service-spec';
import { madeBy } from './factory-input';
import { objectOr } from './object-or';

/**
 * How often a check runs and how many results change a server's state.
 */
export interface HealthCheckTiming {
  /** Seconds between checks (1-3600). @default 1 */
  readonly intervalSeconds?: number;
  /** Seconds a check may take before it counts as failed (1-3600). @default 2 */
  readonly timeoutSeconds?: number;
  /** Consecutive successes before a down server returns (1-100). @default 3 */
  readonly rise?: number;
  /** Consecutive failures before a server is taken out (1-100). @default 2 */
  readonly fall?: number;
}

/**
 * Options of a check that connects to a port.
 */
export interface PortCheckOptions extends HealthCheckTiming {
  /**
   * The port to check. Required when the VIP listens on more than one port.
   * @default - the port the real server serves on
   */
  readonly port?: number;
}

/**
 * Options of an HTTP or HTTPS GET check.
 */
export interface HttpCheckOptions extends PortCheckOptions {
  /** Path requested; letters, digits and `/._~%?&=+:-` only. @default "/" */
  readonly path?: string;
  /** Status code that means healthy (100-599). @default 200 */
  readonly expectStatus?: number;
  /** Text that must appear in the response body. @default - the status alone decides */
  readonly expectText?: string;
  /** Host header to send. @default - the real server's address */
  readonly host?: string;
  /**
   * HTTPS checks: absolute path, on the load balancer, of a PEM file of the CAs the server's
   * certificate must chain to. Without it, any certificate is accepted (self-signed included).
   * @default - the certificate is not verified
   */
  readonly caFile?: string;
}

/**
 * Options of a DICOM association check.
 */
export interface DicomCheckOptions extends PortCheckOptions {
  /** Called AE title: the archive's AE title (1-16 characters). @default "ANY-SCP" */
  readonly calledAeTitle?: string;
  /** Calling AE title: the load balancer's (1-16 characters); many archives accept only known callers. @default "PACSLB-CHECK" */
  readonly callingAeTitle?: string;
}

/**
 * Options of an HL7 v2 MLLP check.
 */
export interface Hl7CheckOptions extends PortCheckOptions {
  /** MSH-3 sending application. @default "PACSLB" */
  readonly sendingApplication?: string;
  /** MSH-4 sending facility. @default "PACSLB" */
  readonly sendingFacility?: string;
  /** MSH-5 receiving application. @default "PACS" */
  readonly receivingApplication?: string;
  /** MSH-6 receiving facility. @default "PACS" */
  readonly receivingFacility?: string;
}

/**
 * Options of an external script check.
 */
export interface ExternalCheckOptions extends PortCheckOptions {
  /** Absolute path of the script on the load balancer; exit status 0 means healthy. */
  readonly script: string;
}

/**
 * How the load balancer decides that a real server can take traffic.
 *
 * Timing defaults to a 1 s interval, 2 s timeout, fall 2, rise 3: a failed server leaves
 * rotation in about 2 s.
 */
export class HealthCheck {
  /** HTTP GET of a status URL, e.g. `HealthCheck.httpGet({ port: 80, path: '/status' })`. */
  public static httpGet(options: HttpCheckOptions = {}): HealthCheck {
    return HealthCheck.made(HealthCheckType.HTTP_GET, options, 'HealthCheck.httpGet');
  }

  /** HTTPS GET of a status URL; self-signed server certificates are accepted. */
  public static httpsGet(options: HttpCheckOptions = {}): HealthCheck {
    return HealthCheck.made(HealthCheckType.HTTPS_GET, options, 'HealthCheck.httpsGet');
  }

  /** TCP connect to a port: proves the port is open, not that the application answers. */
  public static connect(options: PortCheckOptions = {}): HealthCheck {
    return HealthCheck.made(HealthCheckType.CONNECT, options, 'HealthCheck.connect');
  }

  /** ICMP echo: proves the host is up. Layer 4 only. */
  public static ping(options: HealthCheckTiming = {}): HealthCheck {
    return HealthCheck.made(HealthCheckType.PING, options, 'HealthCheck.ping');
  }

  /** DICOM association request: healthy when the archive answers A-ASSOCIATE-AC. */
  public static dicomAssociation(options: DicomCheckOptions = {}): HealthCheck {
    return HealthCheck.made(HealthCheckType.DICOM_ASSOCIATION, options, 'HealthCheck.dicomAssociation');
  }

  /** HL7 v2 message over MLLP: healthy when the acknowledgement carries `MSA|AA`. */
  public static hl7Mllp(options: Hl7CheckOptions = {}): HealthCheck {
    return HealthCheck.made(HealthCheckType.HL7_MLLP, options, 'HealthCheck.hl7Mllp');
  }

  /** A script on the load balancer; exit status 0 means healthy. */
  public static external(options: ExternalCheckOptions): HealthCheck {
    return HealthCheck.made(HealthCheckType.EXTERNAL, options, 'HealthCheck.external');
  }

  /** No check: every real server is always considered up. */
  public static none(): HealthCheck {
    return new HealthCheck(healthCheckWithDefaults(HealthCheckType.NONE, {}));
  }

  /** A check of `kind` from the options given to `factory`, recorded for the options check at synth. */
  private static made(kind: HealthCheckType, options: unknown, factory: string): HealthCheck {
    return madeBy(new HealthCheck(healthCheckWithDefaults(kind, objectOr(options))), factory, options);
  }

  private constructor(private readonly spec: HealthCheckSpec) {}

  /** The kind of this check. */
  public get kind(): HealthCheckType {
    return this.spec.kind;
  }

  /** The resolved form, with absent fields left out. */
  public toSpec(): HealthCheckSpec {
    return { ...this.spec };
  }
}
