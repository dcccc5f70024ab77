import { oneLine } from '../net/printable';

/**
 * One thing wrong with the input, found at synth.
 */
export interface ValidationProblem {
  /** The VIP (or appliance) the problem is in, by its name. */
  readonly subject: string;
  /** The field, as a path users know: `realServers[EA1].port`, `healthCheck.port`. */
  readonly field: string;
  /** What is wrong, one sentence without the final full stop. */
  readonly problem: string;
  /** What to do about it, one sentence without the final full stop. */
  readonly fix: string;
}

/** The message a user sees: `<VIP>: <field>: <what is wrong>. <what to do>.` */
export function formatProblem(p: ValidationProblem): string {
  return oneLine(`${p.subject}: ${p.field}: ${p.problem}. ${p.fix}.`);
}

/** Shorthand used by the rules. */
export function problem(subject: string, field: string, what: string, fix: string): ValidationProblem {
  return { subject, field, problem: what, fix };
}
