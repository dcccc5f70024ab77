/**
 * How a Layer 4 virtual service forwards packets to its real servers.
 */
export enum ForwardingMethod {
  /**
   * Direct routing (`gate` on the appliance). The fastest mode and transparent: real servers
   * see the client's address. No port translation; every real server must own the VIP on a
   * non-ARPing interface and sit in a subnet the appliance has an interface in.
   */
  DR = 'dr',
  /**
   * Network address translation (`masq`). Real servers must route back through the
   * appliance (it is their default gateway). Port translation allowed.
   */
  NAT = 'nat',
  /**
   * Source NAT at Layer 4: the appliance rewrites the source address, so real servers see the
   * appliance and need no routing change. Not transparent.
   */
  SNAT = 'snat',
}
