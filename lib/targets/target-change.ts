/**
 * One change a target made (or, with `--dry-run`, would make), for messages and `--dry-run`
 * output: what was done (`add-vip`, `edit-rip`, `drain`, `reload-haproxy`, ...), to which VIP
 * and real server, with the details the target sends. The Loadbalancer.org target's records are
 * its lbcli commands exactly (the requests it sends); other targets describe their changes in
 * the same words, so messages read alike on every target.
 */
export interface TargetChange {
  /** What was done. */
  readonly action: string;
  /** Details, by name (`vip`, `rip`, `weight`, ...), as text. */
  readonly [detail: string]: string;
}

/** A one-line summary of changes: `add-vip, edit-rip EA1`. */
export function summarizeChanges(changes: TargetChange[]): string {
  return changes.map((c) => [c.action, c.rip].filter(Boolean).join(' ')).join(', ');
}
