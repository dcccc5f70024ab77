/**
 * The one helper that makes a value safe as a single HAProxy configuration argument. Values are
 * validated before they get here (strict formats); this is the second line of defence: a word
 * of plain characters passes as is, anything else is single-quoted (HAProxy's strong quoting:
 * no escapes, no environment variables), and what cannot be quoted is refused.
 */
export function haproxyArgument(value: string): string {
  if (/^[A-Za-z0-9_./:=%?&+~@\[\]-]+$/.test(value)) return value;
  if (/^[\x20-\x7e]+$/.test(value) && !value.includes("'")) return `'${value}'`;
  throw new Error(`"${value.replace(/[^\x20-\x7e]/g, '?')}" cannot be written safely into haproxy.cfg. Use printable ASCII without single quotes.`);
}
