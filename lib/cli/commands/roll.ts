import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import { CentricityComponentKey, CENTRICITY_VIP_SET } from '../../centricity/centricity-vip-set';
import { RealServerState } from '../../spec/real-server-state';
import { DumpedRealServer } from '../../targets/target-state';
import { matches, NAME_FORMAT } from '../../validation/formats';
import { CliError, EXIT } from '../../contract/exit-codes';
import { applianceKey, ConnectionOptions, openSession, resolveAppliance, Session, stateFolder } from '../session';
import { CliContext, requireConfig } from './context';

const run = promisify(execFile);

/** Options of `pacs-lb roll`. */
export interface RollOptions extends ConnectionOptions {
  /** The VIPs whose real servers are rolled, comma-separated (a server in several is rolled in all of them at once). */
  readonly vip?: string;
  /** Instead of --vip: a component of the Centricity PACS preset (`enterpriseArchive`, `das`, ...): its VIPs the target has. */
  readonly component?: string;
  /** Real servers to roll, comma-separated, in order. @default - every real server of the VIPs */
  readonly rip?: string;
  /** Never fewer than this many other servers of each VIP in rotation (online and healthy). @default 1 */
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

/** One real server to roll: its name and the VIPs (of the roll) that have it. */
interface RollUnit {
  readonly name: string;
  readonly vips: string[];
  /** The server as the first of those VIPs reports it (for the command's `{address}`). */
  readonly server: DumpedRealServer;
}

/** One roll, holding the appliance's lock throughout. */
class Roll {
  constructor(private readonly session: Session, private readonly context: CliContext, private readonly options: RollOptions, private readonly label: string, private readonly command: string[]) {}

  private say(line: string): void {
    this.context.output.err(`roll ${this.label}: ${line}`);
  }

  private async servers(vip: string): Promise<DumpedRealServer[]> {
    return (await requireConfig(this.session.target, 'roll')).vips.find((v) => v.name === vip)?.realServers ?? [];
  }

  /** Refuses to take the server out when, in one of its VIPs, fewer than the floor of other servers would stay in rotation. */
  private async checkCapacity(unit: RollUnit, floor: number): Promise<void> {
    for (const vip of unit.vips) {
      const inRotation = (await this.servers(vip)).filter((r) => r.name !== unit.name && (r.state ?? 'online') === 'online' && HEALTHY.has(r.health ?? 'up'));
      if (inRotation.length < floor) {
        throw new CliError(EXIT.refused, `${vip}: roll: taking ${unit.name} out would leave ${inRotation.length} server(s) in rotation (${inRotation.map((r) => r.name).join(', ') || 'none'}); --min-in-rotation is ${floor}. Bring servers back ("pacs-lb status" shows them), or lower --min-in-rotation. Run the same roll again to resume.`);
      }
    }
  }

  private async setState(unit: RollUnit, state: RealServerState): Promise<void> {
    for (const vip of unit.vips) await this.session.target.setRealServerState(vip, unit.name, state, false);
  }

  private async openSessions(unit: RollUnit): Promise<number> {
    let open = 0;
    for (const vip of unit.vips) open += (await this.session.target.openSessions?.(vip, unit.name)) ?? 0;
    return open;
  }

  /** Waits for the drained server's sessions to end; halts it at the time limit. Returns whether it was halted. */
  private async waitForSessions(unit: RollUnit, timeoutS: number, fixedWaitS: number): Promise<boolean> {
    const target = this.session.target;
    if (!target.openSessions) {
      this.say(`${unit.name}: the ${target.description} cannot report sessions; waiting the drain time, ${fixedWaitS} s (--drain-wait)`);
      await sleep(fixedWaitS * 1000);
      return false;
    }
    const deadline = Date.now() + timeoutS * 1000;
    let open = await this.openSessions(unit);
    while (open > 0 && Date.now() < deadline) {
      await sleep(POLL_MS);
      open = await this.openSessions(unit);
    }
    if (open === 0) {
      this.say(`${unit.name}: sessions ended`);
      return false;
    }
    this.context.output.err(`WARNING: roll ${this.label}: ${unit.name} still has ${open} session(s) after ${timeoutS} s (--drain-timeout); halting it, which cuts them.`);
    await this.setState(unit, RealServerState.HALT);
    return true;
  }

  private async runCommand(unit: RollUnit, timeoutS: number): Promise<void> {
    const argv = commandFor(this.command, unit.vips.join(','), unit.server);
    this.say(`${unit.name}: running ${JSON.stringify(argv)}`);
    try {
      const { stdout, stderr } = await run(argv[0], argv.slice(1), { timeout: timeoutS * 1000 });
      for (const line of `${stdout}${stderr}`.split('\n').filter((l) => l.trim() !== '')) this.context.output.err(`  ${line}`);
    } catch (error) {
      const e = error as { code?: number | string; signal?: string; stderr?: string };
      const why = e.signal ? `was stopped by ${e.signal}${e.signal === 'SIGTERM' ? ` (--command-timeout ${timeoutS} s)` : ''}` : `exited with ${e.code}`;
      throw new CliError(EXIT.refused, `${this.label}: roll: the command for ${unit.name} ${why}${e.stderr ? `: ${e.stderr.trim().split('\n').pop()}` : ''}. ${unit.name} stays out of rotation; fix it, then run the same roll again to resume.`);
    }
  }

  private async waitForHealth(unit: RollUnit, timeoutS: number): Promise<void> {
    const deadline = Date.now() + timeoutS * 1000;
    for (const vip of unit.vips) {
      for (;;) {
        const health = (await this.servers(vip)).find((r) => r.name === unit.name)?.health;
        if (health === undefined) {
          this.context.output.err(`WARNING: roll ${this.label}: the ${this.session.target.description} does not report ${unit.name}'s health in ${vip}; putting it back without waiting for its check.`);
          break;
        }
        if (HEALTHY.has(health)) break;
        if (Date.now() > deadline) {
          throw new CliError(EXIT.refused, `${vip}: roll: ${unit.name}'s health check does not pass after ${timeoutS} s (health: ${health ?? 'unknown'}; --health-timeout). It stays out of rotation; fix it, then run the same roll again to resume.`);
        }
        await sleep(POLL_MS);
      }
    }
    this.say(`${unit.name}: health check passes`);
  }

  /** Drain, wait, command, health, online: one server, in every VIP of the roll that has it. */
  public async one(unit: RollUnit, step: string): Promise<void> {
    const o = this.options;
    await this.checkCapacity(unit, seconds('--min-in-rotation', o.minInRotation, 1));
    this.say(`${unit.name} ${step}: drain`);
    await this.setState(unit, RealServerState.DRAIN);
    const halted = await this.waitForSessions(unit, seconds('--drain-timeout', o.drainTimeout, 600), seconds('--drain-wait', o.drainWait, 60));
    if (this.command.length > 0) await this.runCommand(unit, seconds('--command-timeout', o.commandTimeout, 1800));
    // A halted server is not checked (maintenance): it goes back first, and must then pass.
    if (halted) await this.setState(unit, RealServerState.ONLINE);
    await this.waitForHealth(unit, seconds('--health-timeout', o.healthTimeout, 300));
    if (!halted) await this.setState(unit, RealServerState.ONLINE);
    this.say(`${unit.name} ${step}: online`);
  }
}

/** The VIPs a roll covers: --vip's list, or the preset component's VIPs the target has; checked. */
function rollVips(options: RollOptions, have: string[]): string[] {
  if ((options.vip === undefined) === (options.component === undefined)) throw new CliError(EXIT.usage, 'roll: give either --vip <names> or --component <component>. See "pacs-lb roll --help".');
  if (options.component !== undefined) {
    const keys = [...new Set(CENTRICITY_VIP_SET.map((row) => row.component))];
    if (!keys.includes(options.component as CentricityComponentKey)) throw new CliError(EXIT.usage, `--component: "${options.component}" is not a component of the Centricity PACS preset. Give one of ${keys.join(', ')}.`);
    const vips = CENTRICITY_VIP_SET.filter((row) => row.component === options.component).map((row) => row.name).filter((name) => have.includes(name));
    if (vips.length === 0) throw new CliError(EXIT.refused, `--component ${options.component}: the target has none of its VIPs. Check "pacs-lb status".`);
    return vips;
  }
  const vips = (options.vip ?? '').split(',').map((n) => n.trim()).filter(Boolean);
  const invalid = vips.filter((v) => !matches(NAME_FORMAT, v));
  if (vips.length === 0 || invalid.length > 0) throw new CliError(EXIT.usage, `--vip: "${options.vip}" is not a list of valid names. Use ${NAME_FORMAT.describe}, separated by commas.`);
  const missing = vips.filter((v) => !have.includes(v));
  if (missing.length > 0) throw new CliError(EXIT.refused, `${missing.join(', ')}: roll: the target has no such VIP. Give names "pacs-lb status" lists.`);
  return vips;
}

/**
 * `pacs-lb roll --vip V[,W] | --component C [--rip A,B] [-- command args...]`: rolling
 * maintenance of real servers, one at a time (a server in several of the VIPs, as a preset
 * component's servers are, is taken out of all of them at once): drain, wait until its sessions end (halt at --drain-timeout, with a
 * warning; a target that cannot report sessions waits --drain-wait), run the optional command
 * (argv, never a shell; `{vip}`, `{rip}`, `{address}` are replaced), wait until the health
 * check passes, put it back online. Never takes a server out when fewer than
 * --min-in-rotation others are in rotation; stops at the first failure, leaving that server
 * out; running the same roll again resumes after the servers already done.
 */
export async function roll(command: string[], options: RollOptions, context: CliContext): Promise<number> {
  const wanted = options.rip?.split(',').map((n) => n.trim()).filter(Boolean);
  const appliance = resolveAppliance(options, context.env);
  const session = openSession(appliance, options, context.env, context.output);
  return session.locked(async () => {
    const config = await requireConfig(session.target, 'roll');
    const vips = rollVips(options, config.vips.map((v) => v.name));
    const label = options.component ?? vips.join(',');
    const units: RollUnit[] = [];
    for (const vip of vips) {
      for (const server of config.vips.find((v) => v.name === vip)?.realServers ?? []) {
        const unit = units.find((u) => u.name === server.name);
        if (unit) unit.vips.push(vip);
        else units.push({ name: server.name, vips: [vip], server });
      }
    }
    const unknown = (wanted ?? []).filter((name) => !units.some((u) => u.name === name));
    if (unknown.length > 0) throw new CliError(EXIT.usage, `${label}: --rip: ${unknown.map((n) => `"${n}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a real server of it. Give names "pacs-lb status" lists.`);
    const chosen = wanted ? wanted.map((name) => units.find((u) => u.name === name)!) : units;
    const record = new RollRecord(stateFolder(context.env), applianceKey(appliance), [...vips].sort().join(','), chosen.map((u) => u.name));
    const done = options.restart ? [] : record.done();
    if (done.length > 0) context.output.err(`roll ${label}: resuming; already done: ${done.join(', ')} (--restart starts over)`);
    const todo = chosen.filter((u) => !done.includes(u.name));
    const first = done.length + 1;
    if (options.dryRun) {
      todo.forEach((u, i) => context.output.out(`roll ${label}: ${u.name} (${first + i}/${chosen.length}): drain${u.vips.length > 1 ? ` in ${u.vips.join(', ')}` : ''}, wait for sessions, ${command.length > 0 ? `run ${JSON.stringify(commandFor(command, u.vips.join(','), u.server))}, ` : ''}wait for health, online`));
      return EXIT.ok;
    }
    const rolling = new Roll(session, context, options, label, command);
    for (const [i, unit] of todo.entries()) {
      await rolling.one(unit, `(${first + i}/${chosen.length})`);
      done.push(unit.name);
      record.save(done);
    }
    record.clear();
    context.output.err(`roll ${label}: done, ${chosen.length} server(s)`);
    return EXIT.ok;
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
