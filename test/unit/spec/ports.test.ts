import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ports } from '../../../lib';
import { describePorts, portCount } from '../../../lib/spec/ports';

describe('Ports', () => {
  it('a list is sorted and merged', () => {
    expect(Ports.list([8080, 104, 4100, 105]).toSpec().ranges).toEqual([{ first: 104, last: 105 }, { first: 4100, last: 4100 }, { first: 8080, last: 8080 }]);
  });

  it('every TCP port except some covers exactly the other ports', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { minLength: 1, maxLength: 10 }), (excluded) => {
        const spec = Ports.allTcpExcept(excluded).toSpec();
        expect(portCount(spec)).toBe(65535 - excluded.length);
        for (const port of excluded) expect(spec.ranges.some((r) => r.first <= port && port <= r.last)).toBe(false);
      }),
    );
  });

  it('reads as people write it', () => {
    expect(describePorts(Ports.list([4100, 8080, 104]).toSpec())).toBe('104, 4100, 8080');
    expect(describePorts(Ports.between(800, 900).toSpec())).toBe('800-900');
    expect(describePorts(Ports.allTcpExcept([20000]).toSpec())).toBe('every TCP port except 20000');
  });

  it('keeps invalid input as given so validation can report it', () => {
    expect(Ports.between(900, 800).toSpec().ranges).toEqual([{ first: 900, last: 800 }]);
  });
});
