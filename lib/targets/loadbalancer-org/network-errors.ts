/**
 * What a network error code means, in words an operator acts on; the raw code follows in
 * brackets (`connection refused (ECONNREFUSED)`), so a search for it still finds it.
 */
const NETWORK_WORDS: Record<string, string> = {
  ENOTFOUND: 'name not found (DNS has no such host)',
  EAI_AGAIN: 'name not found (DNS did not answer)',
  ECONNREFUSED: 'connection refused (nothing listens on that port)',
  ECONNRESET: 'connection reset by the appliance or a device on the path',
  EHOSTUNREACH: 'host unreachable (no route to it)',
  ENETUNREACH: 'network unreachable (no route to it)',
  ETIMEDOUT: 'timed out',
  EPIPE: 'connection closed while sending',
  EPROTO: 'not TLS (is this the HTTPS API port?)',
  ERR_SSL_WRONG_VERSION_NUMBER: 'not TLS (is this the HTTPS API port?)',
  ERR_SSL_PACKET_LENGTH_TOO_LONG: 'not TLS (is this the HTTPS API port?)',
};

/** `connection refused (nothing listens on that port) (ECONNREFUSED)`; an unknown code as itself. */
export function describeNetworkError(code: string | undefined, message: string): string {
  if (code === undefined) return message;
  const words = NETWORK_WORDS[code];
  return words ? `${words} (${code})` : code;
}
