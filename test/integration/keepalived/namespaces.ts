/**
 * Network namespaces for live Layer 4 tests: each test file creates its own, with names unique
 * to the process, and deletes them (and every process started in them) when it ends.
 */
import { spawnSync } from 'child_process';

/** A set of network namespaces created by one test file. */
export class Namespaces {
  private readonly created: string[] = [];

  constructor(private readonly prefix: string) {}

  /** Creates a namespace, brings its loopback up, and returns its name. */
  public add(role: string): string {
    const name = `${this.prefix}-${role}-${process.pid}`;
    run('ip', ['netns', 'add', name]);
    this.created.push(name);
    run('ip', ['-n', name, 'link', 'set', 'lo', 'up']);
    return name;
  }

  /** Deletes every namespace created here (processes still inside must be stopped first). */
  public deleteAll(): void {
    for (const name of this.created.splice(0)) spawnSync('ip', ['netns', 'del', name]);
  }
}

/** Runs a command to the end; throws with its output when it fails. */
export function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

/** Runs a command inside a namespace; returns its exit status and output. */
export function inNamespace(namespace: string, command: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync('ip', ['netns', 'exec', namespace, command, ...args], { encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The IPv4 addresses on an interface of a namespace, e.g. `['192.0.2.5/24', '192.0.2.100/32']`. */
export function addresses(namespace: string, device: string): string[] {
  const out = spawnSync('ip', ['-n', namespace, '-4', '-o', 'addr', 'show', 'dev', device], { encoding: 'utf8' }).stdout ?? '';
  return [...out.matchAll(/inet (\S+)/g)].map((m) => m[1]);
}

/** Polls `condition` every 100 ms until it holds; returns the milliseconds waited, or throws after `timeoutMs`. */
export async function waitFor(what: string, condition: () => boolean, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Date.now() - started;
}
