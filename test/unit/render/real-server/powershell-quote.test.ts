import { describe, expect, it } from 'vitest';
import { powerShellQuote } from '../../../../lib/render/real-server/powershell-quote';

describe('powerShellQuote', () => {
  it.each([
    ['192.0.2.10', "'192.0.2.10'"],
    ['', "''"],
    ["it's", "'it''s'"],
    ['$(Remove-Item C:\\)', "'$(Remove-Item C:\\)'"],
    ['a\u2019b', "'a\u2019\u2019b'"],
    ['\u2018x\u201a\u201b', "'\u2018\u2018x\u201a\u201a\u201b\u201b'"],
    ['"double" `tick`', "'\"double\" `tick`'"],
  ])('%j becomes %j', (value, quoted) => {
    expect(powerShellQuote(value)).toBe(quoted);
  });

  it('every quote inside a quoted value is doubled, so the string never ends early', () => {
    const hostile = "'; Remove-Item -Recurse C:\\ ; '\u2019";
    const inner = powerShellQuote(hostile).slice(1, -1);
    expect(inner.replace(/(['\u2018\u2019\u201a\u201b])\1/g, '')).not.toMatch(/['\u2018\u2019\u201a\u201b]/);
  });
});
