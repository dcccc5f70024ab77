/**
 * Real DICOM peers for live tests, from the OFFIS DICOM toolkit (Debian package `dcmtk`):
 * `storescp` as an archive, `echoscu` and `storescu` as modalities. Every process started here
 * is a process group of its own, so stopping it also ends the children `storescp --fork`
 * spawned for open associations.
 */
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { freePort, waitForPort } from './free-port';

/** A running `storescp`. */
export interface Storescp {
  /** The port it listens on (all addresses, as storescp always does). */
  readonly port: number;
  /** Its AE title. */
  readonly aeTitle: string;
  /** Folder it stores received images in. */
  readonly folder: string;
  /** The process (group leader). */
  readonly process: ChildProcess;
  /** Kills it and every child at once (SIGKILL by default: a crashed archive). */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Options of {@link startStorescp}. */
export interface StorescpOptions {
  /** Port to listen on. @default - a free port */
  readonly port?: number;
  /** Its AE title. @default "ARCHIVE" */
  readonly aeTitle?: string;
  /** Refuse every association (answers A-ASSOCIATE-RJ), like an archive that is up but unwilling. @default false */
  readonly refuse?: boolean;
  /** Refuse associations without an implementation class UID. @default false */
  readonly requireImplementationClass?: boolean;
  /** Receive images but do not write them. @default true */
  readonly ignoreData?: boolean;
  /** Seconds to sleep after each C-STORE, so an association carrying several images lasts. @default 0 */
  readonly sleepAfterStore?: number;
}

/** Every process this module started that is still running, for {@link stopAllPeers}. */
const running = new Set<ChildProcess>();

/** Kills a process group this module started and waits for the leader to exit. */
export async function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    running.delete(child);
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
  await exited;
  running.delete(child);
}

/** Starts a process in its own group and remembers it for {@link stopAllPeers}. */
export function spawnPeer(command: string, args: string[]): ChildProcess {
  const child = spawn(command, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.resume();
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** Stops every peer still running (call from afterAll). */
export async function stopAllPeers(): Promise<void> {
  await Promise.all([...running].map((child) => killGroup(child)));
}

/** Starts `storescp --fork` (one process per association) and waits until it accepts connections. */
export async function startStorescp(options: StorescpOptions = {}): Promise<Storescp> {
  const port = options.port ?? (await freePort());
  const aeTitle = options.aeTitle ?? 'ARCHIVE';
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'storescp-'));
  const args = ['--fork', '-aet', aeTitle, '-od', folder, '-dhl'];
  if (options.refuse) args.push('--refuse');
  if (options.requireImplementationClass) args.push('--reject');
  if (options.ignoreData ?? true) args.push('--ignore');
  if (options.sleepAfterStore) args.push('--sleep-after', String(options.sleepAfterStore));
  args.push(String(port));
  const child = spawnPeer('storescp', args);
  await waitForPort('127.0.0.1', port);
  return {
    port,
    aeTitle,
    folder,
    process: child,
    stop: async (signal = 'SIGKILL') => {
      await killGroup(child, signal);
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** The result of one dcmtk client run. */
export interface ClientResult {
  /** Exit status: 0 means every association and operation succeeded. */
  readonly status: number;
  /** What it printed on stderr and stdout. */
  readonly output: string;
  /** How long it took, in milliseconds. */
  readonly milliseconds: number;
}

/** Runs a dcmtk client to the end without blocking the event loop. */
export async function runClient(command: string, args: string[], timeoutMs = 60_000): Promise<ClientResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ status: code ?? (signal ? 128 : 1), output, milliseconds: Date.now() - started });
    });
  });
}

/** One C-ECHO: `echoscu -aec <called> <host> <port>`. */
export function echoscu(host: string, port: number, calledAeTitle = 'ARCHIVE', timeoutSeconds = 10): Promise<ClientResult> {
  return runClient('echoscu', ['-aet', 'MODALITY', '-aec', calledAeTitle, '-to', String(timeoutSeconds), '-ta', String(timeoutSeconds), host, String(port)], (timeoutSeconds + 5) * 1000);
}

/** C-STORE of the files in one association: `storescu <host> <port> files...`. */
export function storescu(host: string, port: number, files: string[], calledAeTitle = 'ARCHIVE'): Promise<ClientResult> {
  return runClient('storescu', ['-aet', 'MODALITY', '-aec', calledAeTitle, '-to', '30', '-ta', '30', host, String(port), ...files], 600_000);
}

/**
 * Writes a DICOM secondary-capture image of about `megabytes` MB of 16-bit pixel data with
 * dcmtk's `dump2dcm`, so throughput tests carry realistic, multi-megabyte objects.
 */
export function writeDicomFile(file: string, megabytes: number, instance = 1): void {
  const side = Math.ceil(Math.sqrt((megabytes * 1024 * 1024) / 2));
  const pixels = path.join(path.dirname(file), `pixels-${path.basename(file)}.raw`);
  fs.writeFileSync(pixels, Buffer.alloc(side * side * 2, instance % 251));
  const uidRoot = '2.25.225153664224945658068903963762994415551';
  const dump = [
    '(0002,0001) OB 00\\01',
    '(0002,0002) UI =SecondaryCaptureImageStorage',
    `(0002,0003) UI [${uidRoot}.${instance}]`,
    '(0002,0010) UI =LittleEndianExplicit',
    '(0008,0016) UI =SecondaryCaptureImageStorage',
    `(0008,0018) UI [${uidRoot}.${instance}]`,
    '(0008,0060) CS [OT]',
    '(0010,0010) PN [TEST^PHANTOM]',
    '(0010,0020) LO [PHANTOM-1]',
    `(0020,000d) UI [${uidRoot}.1000]`,
    `(0020,000e) UI [${uidRoot}.1001]`,
    '(0028,0002) US 1',
    '(0028,0004) CS [MONOCHROME2]',
    `(0028,0010) US ${side}`,
    `(0028,0011) US ${side}`,
    '(0028,0100) US 16',
    '(0028,0101) US 16',
    '(0028,0102) US 15',
    '(0028,0103) US 0',
    `(7fe0,0010) OW =${pixels}`,
  ].join('\n');
  const dumpFile = `${file}.dump`;
  fs.writeFileSync(dumpFile, `${dump}\n`);
  const result = spawnSync('dump2dcm', ['+E', '--write-xfer-little', dumpFile, file], { encoding: 'utf8' });
  fs.rmSync(dumpFile, { force: true });
  fs.rmSync(pixels, { force: true });
  if (result.status !== 0) throw new Error(`dump2dcm failed: ${result.stderr}`);
}

/** Runs a client again and again (one run at a time) until stopped; `stop` resolves to every result. */
export function repeatClient(client: () => Promise<ClientResult>): { stop: () => Promise<ClientResult[]> } {
  const results: ClientResult[] = [];
  let running = true;
  const loop = (async () => {
    while (running) results.push(await client());
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return results;
    },
  };
}
