/**
 * The exit codes of `pacs-lb`, documented in docs/cli.md. A re-run after any non-zero exit
 * converges: every write is idempotent (add answers `exists` and becomes edit, delete of
 * something gone is done).
 */
export const EXIT = {
  /** Done (for `diff`: no drift). */
  ok: 0,
  /** An unexpected error (a bug): the message says what. */
  internal: 1,
  /** The command line or an input file is wrong (unknown option, unreadable spec). */
  usage: 2,
  /** A spec or synthesized folder failed validation. */
  invalid: 3,
  /** The appliance refused the credentials (401/403), or none were given. */
  auth: 4,
  /** The appliance could not be reached, timed out or answered 5xx, after every retry. */
  unreachable: 5,
  /** The appliance answered `failed`, `fatal` or an unexpected `missing`, or has a conflicting VIP. */
  refused: 6,
  /** Another command on the same appliance held the lock for longer than the lock timeout. */
  locked: 7,
  /** `diff` only: the appliance differs from the spec. */
  drift: 8,
} as const;

/** An error the CLI reports as one line and an exit code. */
export class CliError extends Error {
  constructor(
    /** The exit code, from {@link EXIT}. */
    public readonly exitCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
