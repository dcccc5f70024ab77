import { describe, expect, it } from 'vitest';
import { describeNetworkError } from '../../../../lib/targets/loadbalancer-org/network-errors';

describe('network failures in words, the raw code after', () => {
  it('names, refusals, routes, TLS and timeouts', () => {
    expect(describeNetworkError('ENOTFOUND', 'getaddrinfo ENOTFOUND x')).toBe('name not found (DNS has no such host) (ENOTFOUND)');
    expect(describeNetworkError('ECONNREFUSED', '')).toBe('connection refused (nothing listens on that port) (ECONNREFUSED)');
    expect(describeNetworkError('EHOSTUNREACH', '')).toBe('host unreachable (no route to it) (EHOSTUNREACH)');
    expect(describeNetworkError('ENETUNREACH', '')).toBe('network unreachable (no route to it) (ENETUNREACH)');
    expect(describeNetworkError('ERR_SSL_WRONG_VERSION_NUMBER', '')).toBe('not TLS (is this the HTTPS API port?) (ERR_SSL_WRONG_VERSION_NUMBER)');
    expect(describeNetworkError('ETIMEDOUT', '')).toBe('timed out (ETIMEDOUT)');
  });

  it('an unknown code as itself; no code: the message', () => {
    expect(describeNetworkError('EWEIRD', 'x')).toBe('EWEIRD');
    expect(describeNetworkError(undefined, 'socket hang up')).toBe('socket hang up');
  });
});
