/**
 * How a Layer 7 reverse proxy tells the real server the client's address.
 */
export enum ClientAddressMode {
  /** The real server sees the proxy's address only. */
  NONE = 'none',
  /** Add an `X-Forwarded-For` header (HTTP mode only). */
  X_FORWARDED_FOR = 'x-forwarded-for',
  /** Send a PROXY protocol v1 header (the server must expect it). */
  PROXY_PROTOCOL_V1 = 'proxy-v1',
  /** Send a PROXY protocol v2 header (the server must expect it). */
  PROXY_PROTOCOL_V2 = 'proxy-v2',
  /** Transparent proxying (TPROXY): the server sees the client's address and must route back through the appliance. */
  TRANSPARENT = 'transparent',
}
