/**
 * Persistence entries survive a reload of the local target: HAProxy keeps stick tables per
 * process, so before a reload the target reads each VIP's table from the current worker and,
 * after it, writes the entries into the new worker, matching servers by name. Without this a
 * reload would forget "last successful" and let a recovered server take the VIP back.
 */

/** One persistence entry: which server a key (client address, or the shared key) is stuck to. */
export interface StickEntry {
  /** The VIP (table) name. */
  readonly vip: string;
  /** The key as HAProxy prints it. */
  readonly key: string;
  /** The server's name. */
  readonly server: string;
}

/** Reads the entries of a `show table <vip>` answer that name their server. */
export function parseShowTable(vip: string, answer: string): StickEntry[] {
  return answer
    .split('\n')
    .map((line) => /\bkey=(\S+) .*\bserver_key=(\S+)/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && m[2] !== '-')
    .map((m) => ({ vip, key: m[1], server: m[2] }));
}

/** Server ids by `vip/server` name, from a `show servers state` answer. */
export function parseServerIds(answer: string): Map<string, number> {
  const ids = new Map<string, number>();
  for (const line of answer.split('\n')) {
    const fields = line.trim().split(/\s+/);
    // be_id be_name srv_id srv_name ...
    if (fields.length > 4 && /^\d+$/.test(fields[0]) && /^\d+$/.test(fields[2])) ids.set(`${fields[1]}/${fields[3]}`, Number(fields[2]));
  }
  return ids;
}

/** The runtime API commands that write the entries into a worker whose server ids are given. */
export function restoreCommands(entries: StickEntry[], serverIds: Map<string, number>): string[] {
  return entries.flatMap((entry) => {
    const id = serverIds.get(`${entry.vip}/${entry.server}`);
    return id === undefined ? [] : [`set table ${entry.vip} key ${entry.key} data.server_id ${id}`];
  });
}
