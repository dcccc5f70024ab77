/**
 * Boots a Linux kernel with IPVS for the live Layer 4 tests; the sandbox's own kernel has none,
 * so every packet of these tests goes through such a guest. Two kernels, both on the host's own
 * files (read-only), both installed by scripts/install-l4-kernel.sh:
 * - `uml`: Debian's user-mode-linux, a kernel run as an ordinary process; boots in seconds and
 *   runs programs at near-native speed, with IPVS, veth and bridges, but no nftables `ip`/`inet`
 *   families (only `bridge`): for tests that need no rendered nftables rules.
 * - `qemu`: Debian's own kernel (`linux-image-amd64`) under QEMU through virtme-ng, with
 *   nftables NAT and marks: for the SNAT and firewall-mark tests. Emulated (TCG) unless
 *   `PACS_LB_L4_ACCEL=kvm`: on this sandbox kind /dev/kvm exists but a guest under it never
 *   starts (nested virtualization), and emulation is 10-50 times slower than the host.
 *
 * One boot per test file: the host writes a folder (rendered files, guest scripts, DICOM
 * objects), the guest runs `bash <folder>/<script> <folder as the guest sees it>` as root and
 * writes its findings to `results.tsv` (one `KEY<TAB>VALUE` line each) and its log to
 * `guest.log` there; the test's `it`s assert on the findings.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** virtme-ng's version, as pinned by scripts/install-l4-kernel.sh. */
const VNG_VERSION = '1.42';

/** The `vng` installed by scripts/install-l4-kernel.sh (or `PACS_LB_VNG`). */
export function vngPath(): string {
  const cache = process.env.PACS_LB_TOOLS_CACHE ?? path.join(os.homedir(), '.cache', 'cdktf-pacs-lb');
  const vng = process.env.PACS_LB_VNG ?? path.join(cache, `virtme-ng-${VNG_VERSION}`, 'bin', 'vng');
  if (!fs.existsSync(vng)) throw new Error(`virtme-ng not found at ${vng}. Run scripts/install-l4-kernel.sh (or scripts/install-test-tools.sh).`);
  return vng;
}

/** The newest Debian kernel in /boot whose modules are installed. */
export function guestKernel(): { image: string; release: string } {
  const releases = fs
    .readdirSync('/boot')
    .filter((name) => /^vmlinuz-\d/.test(name))
    .map((name) => name.slice('vmlinuz-'.length))
    .filter((release) => fs.existsSync(path.join('/lib/modules', release, 'modules.dep')))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  if (releases.length === 0) throw new Error('No kernel with modules in /boot. Run scripts/install-l4-kernel.sh (installs linux-image-amd64).');
  const release = releases[releases.length - 1];
  return { image: `/boot/vmlinuz-${release}`, release };
}

/** What a guest run left behind. */
export interface GuestRun {
  /** The shared folder. */
  readonly folder: string;
  /** The guest's findings, by key (a key written twice keeps its last value). */
  readonly results: Map<string, string>;
  /** The guest's own log (guest.log), for failure messages. */
  readonly log: string;
  /** vng's console output (kernel and QEMU messages). */
  readonly console: string;
  /** vng's exit status. */
  readonly status: number | null;
  /** Seconds from starting vng to its exit. */
  readonly seconds: number;
}

/** Options of {@link runGuest}. */
export interface GuestOptions {
  /** Which kernel: `uml` (fast, no nftables ip/inet) or `qemu` (Debian's kernel, emulated). */
  readonly kernel: 'uml' | 'qemu';
  /** A folder the host prepared; the guest reads and writes it. */
  readonly folder: string;
  /** The scenario script (bash), a path relative to `folder`; it gets the folder as its argument. */
  readonly script: string;
  /** Kills the guest after this many milliseconds. */
  readonly timeoutMs: number;
  /** Guest memory. @default "1G" */
  readonly memory?: string;
}

/** Parses `results.tsv`. */
function readResults(file: string): Map<string, string> {
  const results = new Map<string, string>();
  if (!fs.existsSync(file)) return results;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) results.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return results;
}

/** The user-mode-linux kernel and its module folder. */
export function umlKernel(): { binary: string; modules: string } {
  const binary = '/usr/bin/linux.uml';
  const base = '/usr/lib/uml/modules';
  const releases = fs.existsSync(base) ? fs.readdirSync(base) : [];
  if (!fs.existsSync(binary) || releases.length === 0) throw new Error('user-mode-linux not found. Run scripts/install-l4-kernel.sh (installs user-mode-linux).');
  return { binary, modules: path.join(base, releases.sort()[releases.length - 1]) };
}


/** The command line that boots the chosen kernel and runs the script. */
function guestCommand(options: GuestOptions): { command: string; args: string[]; env: NodeJS.ProcessEnv } {
  if (options.kernel === 'uml') {
    const uml = umlKernel();
    return {
      command: uml.binary,
      args: [
        `mem=${options.memory ?? '1G'}`,
        'root=/dev/root',
        'rootfstype=hostfs',
        'rootflags=/',
        'ro',
        `init=${path.join(options.folder, 'guest', 'uml-init.sh')}`,
        // Parameters the kernel does not know reach init's environment.
        `pacs_lb_shared=${options.folder}`,
        `pacs_lb_modules=${uml.modules}`,
        `pacs_lb_script=${options.script}`,
        'con=null',
        'con0=fd:0,fd:1',
      ],
      env: process.env,
    };
  }
  const vng = vngPath();
  const kvm = process.env.PACS_LB_L4_ACCEL === 'kvm';
  return {
    command: vng,
    args: [
      '--run',
      guestKernel().image,
      ...(kvm ? ['--qemu-opts=-cpu host,-arch-capabilities'] : ['--disable-kvm']),
      '--cpus',
      '2',
      '--memory',
      options.memory ?? '1G',
      `--rwdir=${options.folder}`,
      '--overlay-rwdir=/etc',
      '--overlay-rwdir=/usr/local/lib',
      '--exec',
      `bash ${path.join(options.folder, options.script)} ${options.folder}`,
    ],
    env: { ...process.env, PATH: `${path.dirname(vng)}:${process.env.PATH}` },
  };
}

/**
 * Boots the guest kernel, runs the scenario script as root in it, and returns what it left in
 * the shared folder. The guest's root is the host's, read-only; /etc/sysctl.d (the DR scripts
 * write there) and /usr/local/lib (the installed check script) are writable layers that vanish
 * with the guest.
 */
export async function runGuest(options: GuestOptions): Promise<GuestRun> {
  const { command, args, env } = guestCommand(options);
  const started = Date.now();
  // A process group of its own: user-mode-linux runs every guest process as a host process, and
  // QEMU has helpers; killing the group leaves none of them behind.
  const child = spawn(command, args, { cwd: options.folder, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const killGroup = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  let console = '';
  child.stdout.on('data', (chunk: Buffer) => (console += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (console += chunk.toString()));
  const status = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(killGroup, options.timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
  killGroup();
  const logFile = path.join(options.folder, 'guest.log');
  return {
    folder: options.folder,
    results: readResults(path.join(options.folder, 'results.tsv')),
    log: fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '',
    console,
    status,
    seconds: (Date.now() - started) / 1000,
  };
}

/** A finding of the guest, or an error quoting the end of its log when it is missing. */
export function finding(run: GuestRun, key: string): string {
  const value = run.results.get(key);
  if (value === undefined) {
    const tail = (text: string) => text.split('\n').slice(-40).join('\n');
    throw new Error(`the guest reported no "${key}" (vng exit ${run.status} after ${run.seconds} s)\n--- guest.log ---\n${tail(run.log)}\n--- console ---\n${tail(run.console)}`);
  }
  return value;
}
