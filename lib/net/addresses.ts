import * as ipaddr from 'ipaddr.js';
import { printable } from './printable';

/**
 * IP address checks, built on ipaddr.js so that odd forms (`0x7f.1`, `127.1`) are refused
 * rather than guessed at.
 */

/**
 * Parsed addresses by text, shared by every caller: validation, renderers and constructs ask
 * for the same few addresses thousands of times in a synth of a large site. Callers only read
 * the parsed value. Emptied when it grows past {@link PARSE_CACHE_LIMIT} entries, so a
 * long-running process cannot grow it without bound.
 */
const parsedAddresses = new Map<string, ipaddr.IPv4 | ipaddr.IPv6 | undefined>();
const parsedSubnets = new Map<string, [ipaddr.IPv4 | ipaddr.IPv6, number] | undefined>();
const PARSE_CACHE_LIMIT = 100_000;

/** The value for `key` from `cache`, computed by `parse` the first time. */
function cached<T>(cache: Map<string, T>, key: string, parse: (text: string) => T): T {
  if (cache.has(key)) return cache.get(key) as T;
  if (cache.size >= PARSE_CACHE_LIMIT) cache.clear();
  const value = parse(key);
  cache.set(key, value);
  return value;
}

/** The parsed address if the text is a plain dotted-quad IPv4 or an IPv6 address (shared: do not change it). */
export function parseAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  if (typeof text !== 'string') return undefined;
  return cached(parsedAddresses, text, parseAddressText);
}

function parseAddressText(text: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (!text.includes('%') && ipaddr.IPv6.isValid(text)) return ipaddr.IPv6.parse(text);
  return undefined;
}

/** Why an address cannot carry traffic, or undefined when it can. */
export function unusableAddressReason(text: string): string | undefined {
  const address = parseAddress(text);
  if (!address) return `"${printable(text)}" is not an IPv4 or IPv6 address`;
  const range = address.range();
  if (['unspecified', 'broadcast', 'multicast'].includes(range)) return `${text} is a ${range} address`;
  return undefined;
}

/** The canonical text of an address (RFC 5952 for IPv6), or the text unchanged if it is not one. */
export function canonicalAddress(text: string): string {
  return parseAddress(text)?.toString() ?? text;
}

/** `ipv4` or `ipv6`, or undefined when the text is not an address. */
export function addressFamily(text: string): 'ipv4' | 'ipv6' | undefined {
  return parseAddress(text)?.kind();
}

/** The parsed subnet if the text is CIDR notation (`192.0.2.0/24`, `2001:db8::/64`; shared: do not change it). */
export function parseSubnet(text: string): [ipaddr.IPv4 | ipaddr.IPv6, number] | undefined {
  if (typeof text !== 'string' || !text.includes('/')) return undefined;
  return cached(parsedSubnets, text, parseSubnetText);
}

function parseSubnetText(text: string): [ipaddr.IPv4 | ipaddr.IPv6, number] | undefined {
  const [base, bits] = text.split('/');
  if (!parseAddress(base) || !/^\d{1,3}$/.test(bits)) return undefined;
  try {
    return ipaddr.parseCIDR(text);
  } catch {
    return undefined;
  }
}

/** Whether an address lies inside any of the subnets (unparseable entries are skipped). */
export function insideAnySubnet(address: string, subnets: string[]): boolean {
  const parsed = parseAddress(address);
  if (!parsed) return false;
  return subnets.some((cidr) => {
    const subnet = parseSubnet(cidr);
    return subnet !== undefined && subnet[0].kind() === parsed.kind() && parsed.match(subnet);
  });
}

/** Whether the text is a contiguous IPv4 netmask such as `255.255.255.0`. */
export function isIpv4Netmask(text: string): boolean {
  if (!ipaddr.IPv4.isValidFourPartDecimal(text)) return false;
  return ipaddr.IPv4.parse(text).prefixLengthFromSubnetMask() !== null;
}

/** The prefix length of one host of the address's family: 128 for IPv6, else 32 (`/32`, `/128`). */
export function hostPrefixLength(address: string): number {
  return addressFamily(address) === 'ipv6' ? 128 : 32;
}
