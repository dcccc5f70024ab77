/**
 * The kind of session persistence.
 */
export enum PersistenceType {
  /** Every connection is scheduled on its own. */
  NONE = 'none',
  /** Connections from one client address (or network) go to the same server until a timeout. */
  SOURCE_IP = 'source-ip',
  /**
   * Every client goes to the one real server that last served successfully, and stays there
   * until that server fails; no automatic fail-back. Layer 7 only.
   */
  LAST_SUCCESSFUL = 'last-successful',
  /** An HTTP cookie names the server. Layer 7 in HTTP mode only. */
  HTTP_COOKIE = 'http-cookie',
}
