import { cdktfNumberLookalikes } from '../validation/cdktf-number-lookalike';

/**
 * A trigger value cdktf passes through: each piece it would read as one of its number tokens
 * has its `e` written as the JSON escape `\u0065`. In a spec's JSON (a description, say) that
 * is the same text once parsed; a name or a number holding such a piece is refused by
 * validation, which this lets synth reach instead of stopping inside cdktf. Ordinary text is
 * returned unchanged.
 */
export function cdktfSafeText(text: string): string {
  const pieces = cdktfNumberLookalikes(text);
  if (pieces.length === 0) return text;
  return pieces.reduce((safe, piece) => safe.split(piece).join(piece.replace(/e/g, '\\u0065')), text);
}
