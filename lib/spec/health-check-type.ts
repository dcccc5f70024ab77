/**
 * The kind of a health check.
 */
export enum HealthCheckType {
  /** HTTP GET of a status URL. */
  HTTP_GET = 'http-get',
  /** HTTPS GET of a status URL (self-signed server certificates accepted). */
  HTTPS_GET = 'https-get',
  /** TCP connect to a port (handshake only). */
  CONNECT = 'connect',
  /** ICMP echo (host reachability only). Layer 4 only. */
  PING = 'ping',
  /** DICOM association request, healthy on A-ASSOCIATE-AC. */
  DICOM_ASSOCIATION = 'dicom-association',
  /** HL7 v2 message over MLLP, healthy on an `MSA|AA` acknowledgement. */
  HL7_MLLP = 'hl7-mllp',
  /** A script on the load balancer; exit status 0 means healthy. */
  EXTERNAL = 'external',
  /** No check: the server is always considered up. */
  NONE = 'none',
}
