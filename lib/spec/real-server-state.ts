/**
 * The administrative state of a real server.
 */
export enum RealServerState {
  /** In rotation. */
  ONLINE = 'online',
  /** Draining: existing connections finish, no new connections are sent. */
  DRAIN = 'drain',
  /** Halted: out of rotation at once, existing connections are cut. */
  HALT = 'halt',
}
