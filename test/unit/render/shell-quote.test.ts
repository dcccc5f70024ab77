import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shellQuote } from '../../../lib/render/shell-quote';

describe('shellQuote', () => {
  it('a real POSIX shell reads back exactly the value, whatever it holds', () => {
    // Batches many values into one shell run: each is printed between NUL separators.
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', minLength: 0, maxLength: 40 }).map((s) => s.replace(/\0/g, '')), { minLength: 1, maxLength: 50 }), (values) => {
        const script = values.map((v) => `printf '%s\\0' ${shellQuote(v)}`).join('\n');
        const out = execFileSync('/bin/sh', ['-c', script]).toString('utf8');
        expect(out.split('\0').slice(0, -1)).toEqual(values);
      }),
      { numRuns: 40 },
    );
  });

  it('leaves plain words bare and quotes everything else', () => {
    expect(shellQuote('EA_Dicom_Service')).toBe('EA_Dicom_Service');
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('a b')).toBe("'a b'");
  });
});
