/**
 * How a Layer 7 reverse proxy treats the traffic it carries.
 */
export enum ProxyMode {
  /** TCP mode: bytes pass through untouched, so TLS on 443 passes through to the servers. */
  TCP = 'tcp',
  /** HTTP mode: the proxy parses HTTP (needed for cookie persistence and X-Forwarded-For). */
  HTTP = 'http',
}
