import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../../lib/render/report/escape-html';

describe('escapeHtml', () => {
  it.each([
    ['&', '&amp;'],
    ['<', '&lt;'],
    ['>', '&gt;'],
    ['"', '&quot;'],
    ["'", '&#39;'],
  ])('replaces %s by %s', (raw, escaped) => {
    expect(escapeHtml(`a${raw}b`)).toBe(`a${escaped}b`);
  });

  it('turns markup into text and leaves other characters alone', () => {
    expect(escapeHtml('<script>alert("x")</script> & é → 104')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; é → 104');
  });

  it('escapes an entity so it shows as typed, and formats numbers', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
    expect(escapeHtml(2762)).toBe('2762');
  });
});
