/** The state HAProxy reports for one real server of one VIP. */
export interface ServerStatus {
  /** The VIP (HAProxy section) name. */
  readonly vip: string;
  /** The real server's name. */
  readonly server: string;
  /** HAProxy's status word: `UP`, `DOWN`, `MAINT`, `DRAIN`, `no check`, or a transition such as `UP 1/2`. */
  readonly status: string;
  /** The effective weight. */
  readonly weight: number;
  /** Result of the last health check, e.g. `L7OK`, `L7RSP` (unexpected answer), `L4CON` (refused); empty without checks. */
  readonly lastCheck: string;
  /** Sessions open now. */
  readonly sessions: number;
  /** Sessions since start. */
  readonly totalSessions: number;
}

/** Reads the servers out of the runtime API's `show stat` CSV (frontend and backend rows are skipped). */
export function parseShowStat(csv: string): ServerStatus[] {
  const lines = csv.split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0 || !lines[0].startsWith('# ')) return [];
  const columns = lines[0].slice(2).split(',');
  const at = (row: string[], name: string) => row[columns.indexOf(name)] ?? '';
  return lines
    .slice(1)
    .map((line) => line.split(','))
    .filter((row) => !['FRONTEND', 'BACKEND'].includes(at(row, 'svname')))
    .map((row) => ({
      vip: at(row, 'pxname'),
      server: at(row, 'svname'),
      status: at(row, 'status'),
      weight: Number(at(row, 'weight')),
      lastCheck: at(row, 'check_status').replace(/^\* ?/, ''),
      sessions: Number(at(row, 'scur')),
      totalSessions: Number(at(row, 'stot')),
    }));
}
