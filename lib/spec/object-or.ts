/**
 * The value when it is an object, else an empty one. Constructors and factories read what
 * they were given through it, so that no input (null, text, a number from plain JavaScript)
 * makes them throw: the props are checked against their schema at synth and reported there.
 */
export function objectOr(value: unknown): Record<string, any> {
  return value !== null && typeof value === 'object' ? (value as Record<string, any>) : {};
}
