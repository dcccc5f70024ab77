/**
 * Transport protocol of a Layer 4 virtual service.
 */
export enum Protocol {
  /** TCP. */
  TCP = 'tcp',
  /** UDP. */
  UDP = 'udp',
}
