/**
 * The one helper that makes a value safe on a POSIX shell command line: it is wrapped in single
 * quotes, and a single quote inside becomes `'\''`. Values are validated before they get here;
 * this is the second line of defence, never the only one.
 */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_./:=@%+-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
