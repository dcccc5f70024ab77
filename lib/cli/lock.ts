import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CliError, EXIT } from '../contract/exit-codes';
import { isAlive } from '../contract/process-alive';

/** The default folder of lock files: private to the user, shared by every `pacs-lb` process they run. */
export function defaultStateDir(): string {
  return path.join(os.tmpdir(), `pacs-lb-${typeof process.getuid === 'function' ? process.getuid() : 'user'}`);
}

const UNWRITTEN_LOCK_GRACE_MS = 10_000;

/** Takes the lock file if free (or left by a process that is gone); false if a live process holds it. */
function tryTake(file: string): boolean {
  try {
    fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  let holder: number;
  let ageMs: number;
  try {
    holder = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
    ageMs = Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return false; // released in the meantime: try again
  }
  // A file without a pid yet is being written by its new holder, unless it is old.
  const held = Number.isInteger(holder) && holder > 0 ? isAlive(holder) : ageMs < UNWRITTEN_LOCK_GRACE_MS;
  if (!held) fs.rmSync(file, { force: true });
  return false;
}

/**
 * Runs `work` holding the appliance's exclusive lock file (`<stateDir>/<key>.lock`, created
 * with O_EXCL), so one appliance's commands never run concurrently however many `pacs-lb`
 * processes Terraform starts. Waits up to `timeoutMs` for another holder.
 */
export async function withApplianceLock<T>(stateDir: string, key: string, timeoutMs: number, work: () => Promise<T>): Promise<T> {
  fs.mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const owner = fs.statSync(stateDir).uid;
  if (typeof process.getuid === 'function' && owner !== process.getuid()) {
    throw new CliError(EXIT.usage, `${stateDir}: the lock folder belongs to another user (uid ${owner}). Set PACS_LB_STATE_DIR to a folder of your own.`);
  }
  const file = path.join(stateDir, `${key.replace(/[^A-Za-z0-9.-]/g, '_')}.lock`);
  const deadline = Date.now() + timeoutMs;
  while (!tryTake(file)) {
    if (Date.now() > deadline) {
      throw new CliError(EXIT.locked, `another pacs-lb command on ${key} held ${file} for over ${Math.round(timeoutMs / 1000)} s. Wait for it (raise --lock-timeout or PACS_LB_LOCK_TIMEOUT), or remove the file if no pacs-lb process is running.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25 + Math.random() * 50));
  }
  const release = () => fs.rmSync(file, { force: true });
  process.once('exit', release);
  try {
    return await work();
  } finally {
    process.removeListener('exit', release);
    release();
  }
}
