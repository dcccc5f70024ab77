/**
 * Runs the real HAProxy's configuration check (`haproxy -c`) on a rendered configuration.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The result of `haproxy -c -f <file>`: exit status and everything it printed. */
export interface HaproxyCheckResult {
  /** 0 when HAProxy accepts the configuration. */
  readonly status: number;
  /** Its alerts and warnings. */
  readonly output: string;
}

/** Writes the text to a temporary file and runs `haproxy -c` on it. */
export function haproxyCheck(config: string): HaproxyCheckResult {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'haproxy-c-'));
  const file = path.join(folder, 'haproxy.cfg');
  fs.writeFileSync(file, config);
  const result = spawnSync('haproxy', ['-c', '-f', file], { encoding: 'utf8' });
  fs.rmSync(folder, { recursive: true, force: true });
  return { status: result.status ?? 1, output: `${result.stdout}${result.stderr}` };
}

/** HAProxy's warnings and alerts, without the version notices it always prints. */
export function haproxyComplaints(result: HaproxyCheckResult): string[] {
  return result.output.split('\n').filter((line) => /\[(WARNING|ALERT)\]/.test(line));
}
