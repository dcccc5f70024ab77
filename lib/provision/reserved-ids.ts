import { RELOAD_ID } from './appliance-resources';
import { PROVIDER_ID } from './null-provider';
import { formatProblem, problem } from '../validation/problem';

/** Construct ids the library gives its own constructs inside a stack or an appliance. */
export const RESERVED_CONSTRUCT_IDS: readonly string[] = [RELOAD_ID, PROVIDER_ID];

/**
 * The id, unless it is one of the library's own: then an error in the library's message form,
 * instead of the constructs library's "There is already a Construct with name ...". Thrown at
 * construction, since no construct can be made under that id.
 */
export function notReservedId(id: string, what: string): string {
  if (RESERVED_CONSTRUCT_IDS.includes(id)) {
    throw new Error(formatProblem(problem(id, 'id', `the construct id ${id} is the one the library gives its own ${id === RELOAD_ID ? 'reload resource' : 'null provider'}`, `Give the ${what} another construct id (set name to keep ${id} as its name)`)));
  }
  return id;
}
