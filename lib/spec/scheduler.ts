/**
 * How new connections are spread over the real servers.
 */
export enum Scheduler {
  /** Weighted least connections: the server with the fewest connections per unit of weight. */
  WEIGHTED_LEAST_CONNECTIONS = 'wlc',
  /** Weighted round robin: servers in turn, in proportion to their weight. */
  ROUND_ROBIN = 'wrr',
}
