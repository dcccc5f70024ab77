// User-supplied text (an address that is not one, a name with a newline) quoted in a message: one
// line, no control characters. At the bottom layer so validation, renderers and constructs share it.

/**
 * A value made safe to quote in an error message: control characters (C0 and C1, U+0085
 * among them) and the Unicode line and paragraph separators shown as `?`, cut at 80.
 */
export function printable(value: unknown): string {
  return oneLine(String(value)).slice(0, 80);
}

/** Text with every control character and line or paragraph separator shown as `?`: one line, whatever it held. */
export function oneLine(text: string): string {
  return text.replace(/[\x00-\x1f\x7f-\x9f\u2028\u2029]/g, '?');
}
