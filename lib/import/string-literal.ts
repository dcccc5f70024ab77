/**
 * A string literal that TypeScript and Python both read back as exactly `value`: in the
 * `preferred` quote unless the text holds more of those than of the other (as prettier and
 * black choose), with backslashes, that quote, line breaks and control characters escaped.
 * Values read from an appliance only ever reach generated code through here.
 */
export function quoteLiteral(value: string, preferred: '"' | "'"): string {
  const other = preferred === '"' ? "'" : '"';
  const count = (quote: string) => value.split(quote).length - 1;
  const quote = count(preferred) > count(other) ? other : preferred;
  const escaped = value.replace(/[\\\u0000-\u001f\u007f\u2028\u2029]/g, (c) => {
    const named: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `${quote}${escaped.split(quote).join(`\\${quote}`)}${quote}`;
}
