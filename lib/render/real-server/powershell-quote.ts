/**
 * The PowerShell counterpart of `shell-quote.ts`: a value as a single-quoted PowerShell string,
 * in which nothing is expanded. A single quote inside is doubled; PowerShell also reads the
 * typographic quotes ‘ ’ ‚ ‛ as single quotes, so those are doubled too. Values are validated
 * before they get here; this is the second line of defence, never the only one.
 */
export function powerShellQuote(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, (quote) => quote + quote)}'`;
}
