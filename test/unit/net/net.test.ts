/**
 * The address helpers every layer shares (lib/net): one way to bracket an IPv6 host, one host
 * prefix per family, one port range.
 */
import { describe, expect, it } from 'vitest';
import { hostPrefixLength } from '../../../lib/net/addresses';
import { bracketedHost, hostPort } from '../../../lib/net/host-port';
import { isPortNumber, PORT_NUMBERS } from '../../../lib/net/port-number';
import { oneLine, printable } from '../../../lib/net/printable';

describe('hosts before a port', () => {
  it('brackets IPv6 literals only', () => {
    expect(bracketedHost('2001:db8::21')).toBe('[2001:db8::21]');
    expect(bracketedHost('::1')).toBe('[::1]');
    expect(bracketedHost('192.0.2.21')).toBe('192.0.2.21');
    expect(bracketedHost('lb1.example.org')).toBe('lb1.example.org');
  });

  it('joins host and port, or a port range', () => {
    expect(hostPort('2001:db8::21', 9443)).toBe('[2001:db8::21]:9443');
    expect(hostPort('192.0.2.21', '100-200')).toBe('192.0.2.21:100-200');
  });
});

describe('host prefix', () => {
  it('is 32 for IPv4 and 128 for IPv6', () => {
    expect(hostPrefixLength('192.0.2.10')).toBe(32);
    expect(hostPrefixLength('2001:db8::10')).toBe(128);
  });
});

describe('port numbers', () => {
  it('are the whole numbers 1 to 65535', () => {
    expect(PORT_NUMBERS).toEqual({ min: 1, max: 65535 });
    for (const port of [1, 104, 65535]) expect(isPortNumber(port)).toBe(true);
    for (const value of [0, -1, 65536, 1.5, Number.NaN, '104', undefined]) expect(isPortNumber(value)).toBe(false);
  });
});

describe('printable', () => {
  it('keeps a quoted value on one line and short', () => {
    expect(oneLine('a\nb\u2028c\x85')).toBe('a?b?c?');
    expect(printable('x'.repeat(100))).toHaveLength(80);
    expect(printable(undefined)).toBe('undefined');
  });
});
