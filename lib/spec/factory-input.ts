/**
 * What a factory (`HealthCheck.httpGet(options)`, `Persistence.sourceIp(options)`...) was given,
 * kept beside what it made, so that the options can be checked at synth (types, unknown keys)
 * against the factory's options schema, under the name of the VIP that uses the result.
 */
export interface FactoryInput {
  /** The factory, as users call it: `HealthCheck.httpGet`. */
  readonly factory: string;
  /** The options exactly as given. */
  readonly options: unknown;
}

const INPUTS = new WeakMap<object, FactoryInput>();

/** Records the options a factory was given; returns what it made. */
export function madeBy<T extends object>(made: T, factory: string, options: unknown): T {
  INPUTS.set(made, { factory, options });
  return made;
}

/** The factory and options a value was made from, if it was made by a recording factory. */
export function factoryInputOf(made: unknown): FactoryInput | undefined {
  return made !== null && typeof made === 'object' ? INPUTS.get(made) : undefined;
}
