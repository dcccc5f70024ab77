import { Token } from 'cdktf';
import { printable } from '../net/printable';
import { problem, ValidationProblem } from './problem';

/**
 * cdktf scans every string it writes for numbers in exponent notation and reads one whose bit
 * pattern carries its token marker as one of its own number tokens; an unknown one stops synth
 * with "Encoded representation of unknown number Token", before any validation can speak. Only
 * absurd negative numbers (about -8.3e298) carry the marker, but text can spell one: a name
 * such as `x-8.27e298`, or a number typed into a field. The same pattern as cdktf's scan.
 */
const EXPONENT_NUMBERS = /[-|\d|.+]+(e[-|\d|.|e|E|+]+)/g;
/** A quick test that the text can hold one at all. */
const NEGATIVE_EXPONENT = /-[-|\d.+]*e/;

/** Every piece of the text that cdktf would read as one of its number tokens (none for ordinary text). */
export function cdktfNumberLookalikes(text: string): string[] {
  // Only a negative number carries the marker: a piece that starts with "-" and reaches an "e".
  if (!NEGATIVE_EXPONENT.test(text)) return [];
  return [...text.matchAll(EXPONENT_NUMBERS)].map((match) => match[0]).filter((piece) => Token.isUnresolved(parseFloat(piece)));
}

/**
 * A name is written as a plain Terraform trigger (the VIP's or appliance's name), so one that
 * spells a cdktf number token cannot be written: refused, with the piece named.
 */
export function numberLookalikeProblems(subject: string, name: string): ValidationProblem[] {
  if (typeof name !== 'string') return [];
  return cdktfNumberLookalikes(name).map((piece) =>
    problem(subject, 'name', `"${printable(piece)}" in the name is read by cdktf as one of its number tokens, so the name cannot be written`, 'Choose a name without a number in exponent notation such as 8e298'),
  );
}
