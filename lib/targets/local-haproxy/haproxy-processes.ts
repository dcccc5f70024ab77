/** One HAProxy process as the master CLI's `show proc` lists it. */
export interface HaproxyProcess {
  /** Process id. */
  readonly pid: number;
  /** `master` or `worker`. */
  readonly role: string;
  /** How many reloads it has lived through (a worker still finishing old connections has at least 1). */
  readonly reloads: number;
  /** Whether it is an old worker, finishing connections it accepted before a reload. */
  readonly old: boolean;
}

/** The master and its workers, with the master's count of failed reloads. */
export interface HaproxyProcessTable {
  /** Every process, master first. */
  readonly processes: HaproxyProcess[];
  /** Reloads the master has done. */
  readonly masterReloads: number;
  /** Reloads that failed (the new configuration did not start). */
  readonly failedReloads: number;
}

/** Reads the master CLI's `show proc` answer (HAProxy 2.6 layout). */
export function parseShowProc(answer: string): HaproxyProcessTable {
  const processes: HaproxyProcess[] = [];
  let old = false;
  let masterReloads = 0;
  let failedReloads = 0;
  for (const line of answer.split('\n')) {
    if (line.startsWith('# old workers')) old = true;
    else if (line.startsWith('# workers')) old = false;
    const match = /^(\d+)\s+(master|worker)\s+(\d+)(?:\s+\[failed:\s*(\d+)\])?/.exec(line);
    if (!match) continue;
    const process = { pid: Number(match[1]), role: match[2], reloads: Number(match[3]), old: match[2] === 'worker' && old };
    if (process.role === 'master') {
      masterReloads = process.reloads;
      failedReloads = Number(match[4] ?? 0);
    }
    processes.push(process);
  }
  return { processes, masterReloads, failedReloads };
}
