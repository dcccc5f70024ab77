/**
 * Runs the real tools on rendered files, many files per run:
 * - `keepalived -t -f FILE` (keepalived 2.2.7's config test), inside a private mount and network
 *   namespace (`unshare -mn`) that has an `eth0` (a veth) and the bundled check script installed
 *   at its real path on a private tmpfs, as a load balancer would have them;
 * - `nft -c -f FILE` (parse and check against the kernel without applying) in a fresh network
 *   namespace;
 * - `sh -n` / `bash -n` (syntax) on scripts.
 * Nothing outside the namespaces changes.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CHECK_SCRIPT_INSTALL_PATH, renderCheckScript } from '../../../lib/render/keepalived/check-script';

/** What a tool said about one file. */
export interface ToolResult {
  /** Exit status: 0 when the tool accepts the file. */
  readonly status: number;
  /** Everything the tool printed (keepalived and nft print nothing for a clean file). */
  readonly output: string;
}

/** The loop every harness ends in: runs `$TOOL_COMMAND` on each input file, keeping its output and status beside it. */
const LOOP = ['for input in "$@"; do', '  set +e', '  eval "$TOOL_COMMAND" > "$input.out" 2>&1', '  echo $? > "$input.status"', 'done'];

const KEEPALIVED_SETUP = [
  'set -eu',
  'install_dir=$(dirname "$CHECK_PATH")',
  'mount -t tmpfs -o mode=0755 pacs-lb-test "$(dirname "$install_dir")"',
  'mkdir -p "$install_dir"',
  'install -m 0755 "$CHECK_SOURCE" "$CHECK_PATH"',
  'ip link add eth0 type veth peer name pacslb-peer',
];

function runMany(namespace: string[], setup: string[], command: string, inputs: string[], env: Record<string, string> = {}): ToolResult[] {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pacs-lb-tools-'));
  try {
    const files = inputs.map((content, i) => {
      const file = path.join(folder, `${String(i).padStart(4, '0')}.in`);
      fs.writeFileSync(file, content);
      return file;
    });
    const harness = [...setup, ...LOOP].join('\n');
    const result = spawnSync(namespace[0], [...namespace.slice(1), 'bash', '-c', harness, 'harness', ...files], {
      encoding: 'utf8',
      env: { ...process.env, ...env, FOLDER: folder, TOOL_COMMAND: command },
      timeout: 600_000,
    });
    if (result.status !== 0) throw new Error(`tool harness failed (${result.status}): ${result.stderr}`);
    return files.map((file) => ({ status: Number(fs.readFileSync(`${file}.status`, 'utf8')), output: fs.readFileSync(`${file}.out`, 'utf8') }));
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** `keepalived -t -f` on each configuration; `configId` adds `-i <id>` (one node of an HA pair). */
export function keepalivedConfigTests(confs: string[], configId?: string): ToolResult[] {
  const scriptFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'pacs-lb-check-'));
  const checkSource = path.join(scriptFolder, 'pacs-lb-check');
  fs.writeFileSync(checkSource, renderCheckScript(), { mode: 0o755 });
  try {
    const command = `keepalived -t ${configId ? `-i ${configId} ` : ''}-f "$input"`;
    return runMany(['unshare', '-mn', '--propagation', 'private'], KEEPALIVED_SETUP, command, confs, { CHECK_PATH: CHECK_SCRIPT_INSTALL_PATH, CHECK_SOURCE: checkSource });
  } finally {
    fs.rmSync(scriptFolder, { recursive: true, force: true });
  }
}

/** `nft -c -f` on each ruleset, in a fresh network namespace. */
export function nftChecks(rulesets: string[]): ToolResult[] {
  return runMany(['unshare', '-n'], [], 'nft -c -f "$input"', rulesets);
}

/** `sh -n` or `bash -n` on each script. */
export function shellSyntaxChecks(scripts: string[], shell: 'sh' | 'bash'): ToolResult[] {
  return runMany(['env'], [], `${shell} -n "$input"`, scripts);
}

/** `haproxy -c` on each configuration (HAProxy prints warnings and alerts even with -q). */
export function haproxyConfigChecks(configs: string[]): ToolResult[] {
  return runMany(['env'], [], 'haproxy -c -q -f "$input"', configs);
}
