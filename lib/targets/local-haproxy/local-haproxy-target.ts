import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import { renderHaproxyConfig } from '../../render/haproxy/haproxy-config';
import { RealServerState } from '../../spec/real-server-state';
import { ApplianceSpec, VirtualServiceSpec } from '../../spec/virtual-service-spec';
import { haproxySocketCommand } from './haproxy-socket';
import { HaproxyProcessTable, parseShowProc } from './haproxy-processes';
import { parseShowStat, ServerStatus } from './server-status';
import { parseServerIds, parseShowTable, restoreCommands, StickEntry } from './stick-tables';
import { PersistenceType } from '../../spec/persistence-type';

const run = promisify(execFile);

/**
 * Where a {@link LocalHaproxyTarget} keeps its files and which HAProxy it runs.
 */
export interface LocalHaproxyTargetProps {
  /** Folder for haproxy.cfg, the pid file and the two sockets; created when missing. Keep its path short (socket paths are limited to 107 bytes). */
  readonly folder: string;
  /** The HAProxy executable. @default "haproxy" (from PATH) */
  readonly haproxyBinary?: string;
  /** Stand in for Layer 4 TCP VIPs with TCP proxies (servers then see HAProxy's address). @default true */
  readonly proxyLayer4?: boolean;
  /** Address to bind instead of a VIP's own, by VIP name, for VIP addresses this machine does not own. @default - each VIP's own address */
  readonly bindAddresses?: Record<string, string>;
}

/** What {@link LocalHaproxyTarget.apply} did. */
export type LocalApplyAction = 'started' | 'reloaded' | 'unchanged';

/** What {@link LocalHaproxyTarget.status} found. */
export interface LocalHaproxyStatus {
  /** Whether the master process answers. */
  readonly running: boolean;
  /** The master's process id, when running. */
  readonly masterPid?: number;
  /** Every real server of every VIP, as the current worker sees it; empty when not running. */
  readonly servers: ServerStatus[];
}

/**
 * The embedded default target: one HAProxy on this machine, in master-worker mode, carrying an
 * appliance's Layer 7 VIPs (and, by default, its Layer 4 TCP VIPs as TCP proxies).
 *
 * - `apply` renders haproxy.cfg into the folder, checks it with `haproxy -c`, then starts HAProxy
 *   or reloads it hitlessly (new workers take over the listening sockets; old workers finish
 *   the transfers they carry). Applying the same VIPs again changes nothing. Real servers set to
 *   halt also lose the sessions open in the current worker (not those still held by workers
 *   older than the last reload). Persistence entries (source IP, last successful) are carried
 *   into the new worker, so a reload neither moves clients nor lets a recovered server fail back.
 * - `stop` ends HAProxy and its workers; stopping a stopped target does nothing.
 * - `status` reports whether it runs and every server's state.
 *
 * It cannot stand in for Layer 4 DR or NAT: servers see HAProxy as the client, replies pass
 * back through it, and "every TCP port except" and UDP VIPs are left out. Internal to the
 * `pacs-lb` CLI and tests; not part of the jsii API.
 */
export class LocalHaproxyTarget {
  /** The configuration file HAProxy runs. */
  public readonly configFile: string;
  /** The master CLI socket (`show proc`, `reload`). */
  public readonly masterSocket: string;
  /** The current worker's runtime API socket (`show stat`, `set server`). */
  public readonly statsSocket: string;
  private readonly pidFile: string;
  private readonly binary: string;

  constructor(private readonly props: LocalHaproxyTargetProps) {
    const folder = path.resolve(props.folder);
    this.configFile = path.join(folder, 'haproxy.cfg');
    this.masterSocket = path.join(folder, 'master.sock');
    this.statsSocket = path.join(folder, 'admin.sock');
    this.pidFile = path.join(folder, 'haproxy.pid');
    this.binary = props.haproxyBinary ?? 'haproxy';
    if (Buffer.byteLength(this.masterSocket) > 107) throw new Error(`LocalHaproxyTarget: folder: "${folder}" is too long for a socket path. Use a folder path under 95 characters.`);
  }

  /** The configuration `apply` would write for these VIPs. */
  public render(appliance: ApplianceSpec, vips: VirtualServiceSpec[]): string {
    return renderHaproxyConfig(appliance, vips, {
      statsSocket: this.statsSocket,
      proxyLayer4: this.props.proxyLayer4 ?? true,
      bindAddresses: this.props.bindAddresses,
    });
  }

  /** Writes, checks and runs the VIPs' configuration: starts HAProxy, or reloads it without dropping a connection. */
  public async apply(appliance: ApplianceSpec, vips: VirtualServiceSpec[]): Promise<LocalApplyAction> {
    const config = this.render(appliance, vips);
    fs.mkdirSync(path.dirname(this.configFile), { recursive: true });
    const table = await this.processTable();
    const current = fs.existsSync(this.configFile) ? fs.readFileSync(this.configFile, 'utf8') : undefined;
    if (table && current === config) return 'unchanged';

    const candidate = `${this.configFile}.new`;
    fs.writeFileSync(candidate, config);
    await this.check(candidate);
    fs.renameSync(candidate, this.configFile);

    if (!table) {
      await this.start();
      return 'started';
    }
    await this.cutHaltedSessions(vips);
    const stuck = await this.stickEntries(vips);
    await this.reload(table);
    await this.restoreStickEntries(stuck);
    return 'reloaded';
  }

  /** Stops HAProxy: the master and every worker end at once. Does nothing when it is not running. */
  public async stop(): Promise<void> {
    const pids = (await this.processTable())?.processes.map((p) => p.pid) ?? this.masterFromPidFile();
    if (pids.length > 0) {
      process.kill(pids[0], 'SIGTERM');
      const deadline = Date.now() + 10_000;
      while (pids.some(isAlive)) {
        if (Date.now() > deadline) pids.filter(isAlive).forEach((pid) => process.kill(pid, 'SIGKILL'));
        await sleep(50);
      }
    }
    for (const file of [this.pidFile, this.masterSocket, this.statsSocket]) fs.rmSync(file, { force: true });
  }

  /** Whether HAProxy runs, and the state of every real server. */
  public async status(): Promise<LocalHaproxyStatus> {
    const table = await this.processTable();
    if (!table) return { running: false, servers: [] };
    const masterPid = table.processes.find((p) => p.role === 'master')?.pid;
    const servers = parseShowStat(await haproxySocketCommand(this.statsSocket, 'show stat'));
    return { running: true, masterPid, servers };
  }

  /** Sends one command to the current worker's runtime API, e.g. `set server VIP/RIP state drain`. */
  public async runtimeCommand(command: string): Promise<string> {
    return haproxySocketCommand(this.statsSocket, command);
  }

  private async check(file: string): Promise<void> {
    try {
      await run(this.binary, ['-c', '-q', '-f', file]);
    } catch (error) {
      const output = (error as { stderr?: string; stdout?: string }).stderr || (error as Error).message;
      throw new Error(`LocalHaproxyTarget: haproxy -c refused the rendered configuration (${file}): ${output.trim()}`);
    }
  }

  private async start(): Promise<void> {
    fs.rmSync(this.masterSocket, { force: true });
    try {
      await run(this.binary, ['-W', '-D', '-f', this.configFile, '-p', this.pidFile, '-S', `${this.masterSocket},mode,600`]);
    } catch (error) {
      throw new Error(`LocalHaproxyTarget: HAProxy did not start: ${((error as { stderr?: string }).stderr ?? String(error)).trim()}`);
    }
    await this.waitFor(async (table) => table.processes.some((p) => p.role === 'worker' && !p.old), 'HAProxy to start its worker');
    await this.waitForStatsSocket();
  }

  /** Asks the master to reload and waits until a new worker runs; old workers keep their connections. */
  private async reload(before: HaproxyProcessTable): Promise<void> {
    await haproxySocketCommand(this.masterSocket, 'reload').catch(() => '');
    const after = await this.waitFor(async (table) => table.masterReloads > before.masterReloads && table.processes.some((p) => p.role === 'worker' && !p.old), 'HAProxy to reload');
    if (after.failedReloads > before.failedReloads) throw new Error(`LocalHaproxyTarget: HAProxy refused the new configuration at reload; the old one still runs. Check ${this.configFile}.`);
    await this.waitForStatsSocket();
  }

  /**
   * Halt cuts connections: before the reload, the current worker puts halted servers in
   * maintenance and closes their sessions (once a reload has stopped a worker's proxies, it no
   * longer takes commands for them). A server the worker does not know yet has no sessions.
   */
  private async cutHaltedSessions(vips: VirtualServiceSpec[]): Promise<void> {
    const halted = vips.flatMap((vip) => vip.realServers.filter((s) => s.state === RealServerState.HALT).map((s) => `${vip.name}/${s.name}`));
    for (const server of halted) {
      await this.runtimeCommand(`set server ${server} state maint`);
      await this.runtimeCommand(`shutdown sessions server ${server}`);
    }
  }

  /** The persistence entries of the VIPs that stick, as the current worker holds them. */
  private async stickEntries(vips: VirtualServiceSpec[]): Promise<StickEntry[]> {
    const sticky = vips.filter((vip) => [PersistenceType.SOURCE_IP, PersistenceType.LAST_SUCCESSFUL].includes(vip.persistence.kind));
    const tables = await Promise.all(sticky.map(async (vip) => parseShowTable(vip.name, await this.runtimeCommand(`show table ${vip.name}`))));
    return tables.flat();
  }

  /** Writes persistence entries into the new worker, for servers it still has. */
  private async restoreStickEntries(entries: StickEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const ids = parseServerIds(await this.runtimeCommand('show servers state'));
    for (const command of restoreCommands(entries, ids)) await this.runtimeCommand(command);
  }

  /** The master's pid from the pid file, when that process still runs this target's configuration (the master CLI did not answer). */
  private masterFromPidFile(): number[] {
    if (!fs.existsSync(this.pidFile)) return [];
    const pid = Number(fs.readFileSync(this.pidFile, 'utf8').trim());
    const commandLine = fs.existsSync(`/proc/${pid}/cmdline`) ? fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8') : '';
    return Number.isInteger(pid) && pid > 0 && commandLine.includes(this.configFile) ? [pid] : [];
  }

  /** The master's process table, or undefined when no master answers. */
  private async processTable(): Promise<HaproxyProcessTable | undefined> {
    if (!fs.existsSync(this.masterSocket)) return undefined;
    try {
      const table = parseShowProc(await haproxySocketCommand(this.masterSocket, 'show proc'));
      return table.processes.some((p) => p.role === 'master') ? table : undefined;
    } catch {
      return undefined;
    }
  }

  private async waitFor(ready: (table: HaproxyProcessTable) => Promise<boolean>, what: string): Promise<HaproxyProcessTable> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const table = await this.processTable();
      if (table && (await ready(table))) return table;
      if (Date.now() > deadline) throw new Error(`LocalHaproxyTarget: timed out waiting for ${what}.`);
      await sleep(50);
    }
  }

  private async waitForStatsSocket(): Promise<void> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const answer = await haproxySocketCommand(this.statsSocket, 'show info').catch(() => '');
      if (answer.includes('Pid:')) return;
      if (Date.now() > deadline) throw new Error(`LocalHaproxyTarget: the runtime API socket ${this.statsSocket} does not answer.`);
      await sleep(50);
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
