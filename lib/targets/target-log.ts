/**
 * Where a target reports progress while it works: retries, warnings, and debug lines (a
 * request and its reply). The CLI's output implements it (and redacts secrets); a target
 * never writes to a stream itself.
 */
export interface TargetLog {
  /** Writes a progress or warning line. */
  err(line: string): void;
  /** Writes a debug line, shown only when debugging is on. */
  debug(line: string): void;
}
