import { PORT_NUMBERS } from '../net/port-number';

/**
 * The allowed ranges of numeric fields, in one table: the table is also their documentation.
 */
export interface NumberRange {
  /** Smallest allowed value. */
  readonly min: number;
  /** Largest allowed value. */
  readonly max: number;
}

/** Allowed ranges by field. */
export const RANGES = {
  port: PORT_NUMBERS,
  weight: { min: 0, max: 256 },
  minConnections: { min: 0, max: 1_000_000 },
  maxConnections: { min: 1, max: 1_000_000 },
  checkSeconds: { min: 1, max: 3600 },
  riseFall: { min: 1, max: 100 },
  expectStatus: { min: 100, max: 599 },
  persistenceSeconds: { min: 1, max: 86_400 },
  idleTimeoutSeconds: { min: 1, max: 86_400 },
} as const satisfies Record<string, NumberRange>;

/** Whether a value is a whole number within the range. */
export function inRange(value: unknown, range: NumberRange): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max;
}

/** Words for the error message: `a whole number from 1 to 65535`. */
export function describeRange(range: NumberRange): string {
  return `a whole number from ${range.min} to ${range.max}`;
}
