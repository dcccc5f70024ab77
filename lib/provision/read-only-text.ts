/**
 * The text computed from a spec object, computed once per object when the object is read-only
 * (frozen, as synth's shared specs are); a spec that may still change is computed each time.
 */
export function readOnlyText<T extends object>(cache: WeakMap<T, string>, spec: T, compute: (spec: T) => string): string {
  const known = cache.get(spec);
  if (known !== undefined) return known;
  const text = compute(spec);
  if (Object.isFrozen(spec)) cache.set(spec, text);
  return text;
}
