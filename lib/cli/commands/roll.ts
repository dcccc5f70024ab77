import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import { RealServerState } from '../../spec/real-server-state';
import { DumpedRealServer } from '../../targets/target-state';
import { matches, NAME_FORMAT } from '../../validation/formats';
import { CliError, EXIT } from '../exit-codes';
import { applianceKey, ConnectionOptions, openSession, resolveAppliance, Session, stateFolder } from '../session';
import { CliContext, requireConfig } from './context';

const run = promisify(execFile);

/** Options of `pacs-lb roll`. */
export interface RollOptions extends ConnectionOptions {
  /** The VIP whose real servers are rolled. */
  readonly vip: string;
  /** Real servers to roll, comma-separated, in order. @default - every real server of the VIP */
  readonly rip?: string;
  /** Never fewer than this many other servers of the VIP in rotation (online and healthy). @default 1 */
  readonly minInRotation?: string;
  /** Seconds to wait for a drained server's sessions to end before halting it. @default 600 */
  readonly drainTimeout?: string;
  /** Seconds to wait after a drain on a target that cannot report sessions. @default 60 */
  readonly drainWait?: string;
  /** Seconds to wait for the health check to pass before putting the server back. @default 300 */
  readonly healthTimeout?: string;
  /** Seconds the user command may run. @default 1800 */
  readonly commandTimeout?: string;
  /** Start again from the first server, forgetting a stopped roll's progress. */
  readonly restart?: boolean;
  /** Print the steps, change nothing. */
  readonly dryRun?: boolean;
}

/** Health words that mean the check passes (HAProxy reports a healthy weight-0 server as `drain`). */
const HEALTHY = new Set(['up', 'drain']);
const POLL_MS = 250;

/** Seconds from an option, checked: `<flag>: "x" is not ...`. */
function seconds(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new CliError(EXIT.usage, `${flag}: "${text}" is not a non-negative number. Give ${flag} a number of seconds.`);
  return value;
}

/** The user command for one server: `{vip}`, `{rip}` and `{address}` replaced inside each argument (no shell ever reads it). */
export function commandFor(argv: string[], vip: string, rip: DumpedRealServer): string[] {
  const values: Record<string, string> = { vip, rip: rip.name, address: rip.parameters.ip ?? '' };
  return argv.map((arg) => arg.replace(/\{(vip|rip|address)\}/g, (_m, key: string) => values[key]));
}

/** Where a stopped roll records the servers it finished, so running it again resumes. */
class RollRecord {
  private readonly file: string;
  constructor(folder: string, key: string, vip: string, private readonly servers: string[]) {
    this.file = path.join(folder, `${key.replace(/[^A-Za-z0-9.-]/g, '_')}.roll-${vip}.json`);
  }
  /** Servers finished by an earlier run of the same roll (same servers, same order). */
  public done(): string[] {
    if (!fs.existsSync(this.file)) return [];
    const record = JSON.parse(fs.readFileSync(this.file, 'utf8')) as { servers?: string[]; done?: string[] };
    return JSON.stringify(record.servers) === JSON.stringify(this.servers) ? (record.done ?? []) : [];
  }
  public save(done: string[]): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(`${this.file}.tmp`, JSON.stringify({ servers: this.servers, done }));
    fs.renameSync(`${this.file}.tmp`, this.file);
  }
  public clear(): void {
    fs.rmSync(this.file, { force: true });
  }
}

/** One roll of one VIP, holding the appliance's lock throughout. */
class Roll {
  constructor(private readonly session: Session, private readonly context: CliContext, private readonly options: RollOptions, private readonly command: string[]) {}

  private say(line: string): void {
    this.context.output.err(`roll ${this.options.vip}: ${line}`);
  }

  private async servers(): Promise<DumpedRealServer[]> {
    const vip = (await requireConfig(this.session.target, 'roll')).vips.find((v) => v.name === this.options.vip);
    if (!vip) throw new CliError(EXIT.refused, `${this.options.vip}: roll: the ${this.session.target.description} has no such VIP. Give a name "pacs-lb status" lists.`);
    return vip.realServers;
  }

  private async server(name: string): Promise<DumpedRealServer | undefined> {
    return (await this.servers()).find((r) => r.name === name);
  }

  /** Refuses to take `name` out when fewer than the floor of other servers would stay in rotation. */
  private async checkCapacity(name: string, floor: number): Promise<void> {
    const others = (await this.servers()).filter((r) => r.name !== name);
    const inRotation = others.filter((r) => (r.state ?? 'online') === 'online' && HEALTHY.has(r.health ?? 'up'));
    if (inRotation.length < floor) {
      throw new CliError(EXIT.refused, `${this.options.vip}: roll: taking ${name} out would leave ${inRotation.length} server(s) in rotation (${inRotation.map((r) => r.name).join(', ') || 'none'}); --min-in-rotation is ${floor}. Bring servers back ("pacs-lb status" shows them), or lower --min-in-rotation. Run the same roll again to resume.`);
    }
  }

  private async setState(name: string, state: RealServerState): Promise<void> {
    await this.session.target.setRealServerState(this.options.vip, name, state, false);
  }

  /** Waits for the drained server's sessions to end; halts it at the time limit. Returns whether it was halted. */
  private async waitForSessions(name: string, timeoutS: number, fixedWaitS: number): Promise<boolean> {
    const target = this.session.target;
    if (!target.openSessions) {
      this.say(`${name}: the ${target.description} cannot report sessions; waiting the drain time, ${fixedWaitS} s (--drain-wait)`);
      await sleep(fixedWaitS * 1000);
      return false;
    }
    const deadline = Date.now() + timeoutS * 1000;
    let open = await target.openSessions(this.options.vip, name);
    while (open > 0 && Date.now() < deadline) {
      await sleep(POLL_MS);
      open = await target.openSessions(this.options.vip, name);
    }
    if (open === 0) {
      this.say(`${name}: sessions ended`);
      return false;
    }
    this.context.output.err(`WARNING: roll ${this.options.vip}: ${name} still has ${open} session(s) after ${timeoutS} s (--drain-timeout); halting it, which cuts them.`);
    await this.setState(name, RealServerState.HALT);
    return true;
  }

  private async runCommand(server: DumpedRealServer, timeoutS: number): Promise<void> {
    const argv = commandFor(this.command, this.options.vip, server);
    this.say(`${server.name}: running ${JSON.stringify(argv)}`);
    try {
      const { stdout, stderr } = await run(argv[0], argv.slice(1), { timeout: timeoutS * 1000 });
      for (const line of `${stdout}${stderr}`.split('\n').filter((l) => l.trim() !== '')) this.context.output.err(`  ${line}`);
    } catch (error) {
      const e = error as { code?: number | string; signal?: string; stderr?: string };
      const why = e.signal ? `was stopped by ${e.signal}${e.signal === 'SIGTERM' ? ` (--command-timeout ${timeoutS} s)` : ''}` : `exited with ${e.code}`;
      throw new CliError(EXIT.refused, `${this.options.vip}: roll: the command for ${server.name} ${why}${e.stderr ? `: ${e.stderr.trim().split('\n').pop()}` : ''}. ${server.name} stays out of rotation; fix it, then run the same roll again to resume.`);
    }
  }

  private async waitForHealth(name: string, timeoutS: number): Promise<void> {
    const deadline = Date.now() + timeoutS * 1000;
    let health: string | undefined;
    for (;;) {
      health = (await this.server(name))?.health;
      if (health !== undefined && HEALTHY.has(health)) break;
      if (Date.now() > deadline) {
        throw new CliError(EXIT.refused, `${this.options.vip}: roll: ${name}'s health check does not pass after ${timeoutS} s (health: ${health ?? 'unknown'}; --health-timeout). It stays out of rotation; fix it, then run the same roll again to resume.`);
      }
      await sleep(POLL_MS);
    }
    this.say(`${name}: health check passes`);
  }

  /** Drain, wait, command, health, online: one server. */
  public async one(server: DumpedRealServer, step: string): Promise<void> {
    const o = this.options;
    await this.checkCapacity(server.name, seconds('--min-in-rotation', o.minInRotation, 1));
    this.say(`${server.name} ${step}: drain`);
    await this.setState(server.name, RealServerState.DRAIN);
    const halted = await this.waitForSessions(server.name, seconds('--drain-timeout', o.drainTimeout, 600), seconds('--drain-wait', o.drainWait, 60));
    if (this.command.length > 0) await this.runCommand(server, seconds('--command-timeout', o.commandTimeout, 1800));
    // A halted server is not checked (maintenance): it goes back first, and must then pass.
    if (halted) await this.setState(server.name, RealServerState.ONLINE);
    await this.waitForHealth(server.name, seconds('--health-timeout', o.healthTimeout, 300));
    if (!halted) await this.setState(server.name, RealServerState.ONLINE);
    this.say(`${server.name} ${step}: online`);
  }
}

/**
 * `pacs-lb roll --vip V [--rip A,B] [-- command args...]`: rolling maintenance of a VIP's real
 * servers, one at a time: drain, wait until its sessions end (halt at --drain-timeout, with a
 * warning; a target that cannot report sessions waits --drain-wait), run the optional command
 * (argv, never a shell; `{vip}`, `{rip}`, `{address}` are replaced), wait until the health
 * check passes, put it back online. Never takes a server out when fewer than
 * --min-in-rotation others are in rotation; stops at the first failure, leaving that server
 * out; running the same roll again resumes after the servers already done.
 */
export async function roll(command: string[], options: RollOptions, context: CliContext): Promise<number> {
  if (!matches(NAME_FORMAT, options.vip)) throw new CliError(EXIT.usage, `--vip: "${options.vip}" is not a valid name. Use ${NAME_FORMAT.describe}.`);
  const wanted = options.rip?.split(',').map((n) => n.trim()).filter(Boolean);
  const appliance = resolveAppliance(options, context.env);
  const session = openSession(appliance, options, context.env, context.output);
  return session.locked(async () => {
    const rollOne = new Roll(session, context, options, command);
    const servers = (await requireConfig(session.target, 'roll')).vips.find((v) => v.name === options.vip)?.realServers;
    if (!servers) throw new CliError(EXIT.refused, `${options.vip}: roll: the ${session.target.description} has no such VIP. Give a name "pacs-lb status" lists.`);
    const unknown = (wanted ?? []).filter((name) => !servers.some((r) => r.name === name));
    if (unknown.length > 0) throw new CliError(EXIT.usage, `${options.vip}: --rip: ${unknown.map((n) => `"${n}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a real server of it. Give names "pacs-lb status" lists.`);
    const chosen = wanted ? wanted.map((name) => servers.find((r) => r.name === name)!) : servers;
    const record = new RollRecord(stateFolder(context.env), applianceKey(appliance), options.vip, chosen.map((r) => r.name));
    const done = options.restart ? [] : record.done();
    if (done.length > 0) context.output.err(`roll ${options.vip}: resuming; already done: ${done.join(', ')} (--restart starts over)`);
    const todo = chosen.filter((r) => !done.includes(r.name));
    const first = done.length + 1;
    if (options.dryRun) {
      todo.forEach((r, i) => context.output.out(`roll ${options.vip}: ${r.name} (${first + i}/${chosen.length}): drain, wait for sessions, ${command.length > 0 ? `run ${JSON.stringify(commandFor(command, options.vip, r))}, ` : ''}wait for health, online`));
      return EXIT.ok;
    }
    for (const [i, server] of todo.entries()) {
      await rollOne.one(server, `(${first + i}/${chosen.length})`);
      done.push(server.name);
      record.save(done);
    }
    record.clear();
    context.output.err(`roll ${options.vip}: done, ${chosen.length} server(s)`);
    return EXIT.ok;
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
