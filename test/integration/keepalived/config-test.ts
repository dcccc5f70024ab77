/**
 * Runs the real `keepalived --config-test` (`keepalived -t -f FILE`, keepalived 2.2.7) on a
 * rendered configuration, the way a load balancer would see it: inside a private mount and
 * network namespace (`unshare -mn`) that has an `eth0` (a veth) and the bundled check script
 * installed at its real path on a private tmpfs. Nothing outside the namespace changes.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CHECK_SCRIPT_INSTALL_PATH, renderCheckScript } from '../../../lib/checks/check-script';

/** What keepalived said about a configuration. */
export interface ConfigTestResult {
  /** Exit status: 0 when keepalived accepts the configuration. */
  readonly status: number | null;
  /** Everything keepalived printed (it prints nothing for a clean configuration). */
  readonly output: string;
}

const HARNESS = [
  'set -eu',
  'install_dir=$(dirname "$CHECK_PATH")',
  'mount -t tmpfs -o mode=0755 pacs-lb-test "$(dirname "$install_dir")"',
  'mkdir -p "$install_dir"',
  'install -m 0755 "$CHECK_SOURCE" "$CHECK_PATH"',
  'ip link add eth0 type veth peer name pacslb-peer',
  'exec keepalived "$@"',
].join('\n');

/** `keepalived -t -f <conf>` (with `-i <configId>` for one node of an HA pair). */
export function keepalivedConfigTest(conf: string, configId?: string): ConfigTestResult {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'keepalived-t-'));
  try {
    const confFile = path.join(folder, 'keepalived.conf');
    const checkSource = path.join(folder, 'pacs-lb-check');
    fs.writeFileSync(confFile, conf);
    fs.writeFileSync(checkSource, renderCheckScript(), { mode: 0o755 });
    const idArgs = configId ? ['-i', configId] : [];
    const result = spawnSync('unshare', ['-mn', '--propagation', 'private', 'bash', '-c', HARNESS, 'harness', '-t', ...idArgs, '-f', confFile], {
      encoding: 'utf8',
      env: { ...process.env, CHECK_PATH: CHECK_SCRIPT_INSTALL_PATH, CHECK_SOURCE: checkSource },
      timeout: 30_000,
    });
    return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
