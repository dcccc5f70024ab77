/**
 * A host as it is written before `:port` (HAProxy bind and server lines, URLs, messages): an
 * IPv6 literal in brackets (`[2001:db8::1]`), an IPv4 address or a DNS name as is. An IPv6
 * literal is the only host form that holds a colon, so no parsing is needed.
 */
export function bracketedHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** `host:port` (or `host:first-last`), the host bracketed when it is an IPv6 literal. */
export function hostPort(host: string, port: number | string): string {
  return `${bracketedHost(host)}:${port}`;
}
