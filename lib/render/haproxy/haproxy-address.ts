import { addressFamily } from '../../net/addresses';

/** An address as HAProxy reads it before a `:port`: IPv6 in brackets, IPv4 as is. */
export function haproxyHost(address: string): string {
  return addressFamily(address) === 'ipv6' ? `[${address}]` : address;
}

/** `address:port` (or `address:first-last`) for bind and server lines. */
export function haproxyEndpoint(address: string, port: string): string {
  return `${haproxyHost(address)}:${port}`;
}
