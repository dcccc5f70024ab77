/**
 * Freezes a resolved spec and everything in it, so a spec a construct keeps and hands out
 * again (it is resolved once per synth) cannot be changed by one of its readers.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
