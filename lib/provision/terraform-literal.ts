/**
 * Makes text a literal in Terraform's JSON syntax, where `${` starts an interpolation and `%{`
 * a template directive even inside plain strings: both are doubled (`$${`, `%%{`), which
 * Terraform reads back as the original text. A free-text VIP description can hold either.
 */
export function terraformLiteral(text: string): string {
  return text.replace(/([$%])\{/g, (_match, sign: string) => `${sign}${sign}{`);
}
