import { execFile } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import { isAlive } from '../../contract/process-alive';
import { renderHaproxyConfig } from '../../render/haproxy/haproxy-config';
import { RealServerState } from '../../spec/real-server-state';
import { resolveVirtualService } from '../../spec/resolved-virtual-service';
import { ApplianceSpec, VirtualServiceSpec } from '../../spec/virtual-service-spec';
import { haproxySocketCommand, haproxySocketCommands } from './haproxy-socket';
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

/** The word before the configuration digest in HAProxy's `description` (as `show info` reports it). */
const DIGEST_PREFIX = 'pacs-lb-config-sha256:';

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
 *   the transfers they carry). It converges: the rendered file carries a digest of itself
 *   (global `description`), which the running worker reports in `show info`; `apply` reloads
 *   whenever the *running* digest differs from the wanted one (not when the file on disk
 *   differs), and checks the new worker reports the new digest. A step that failed half-way
 *   (file written, reload refused or interrupted) is thus repaired by the next `apply`, and
 *   applying the same VIPs to a HAProxy that runs them changes nothing.
 * - Server states survive a reload: before it, the current worker's `show servers state` is
 *   written to the server-state file the configuration names, which the new worker loads, so a
 *   server that is down stays down (no connections until its checks pass again).
 * - The runtime API is used one connection at a time, never one per VIP at once. Real servers set to
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
  /** Server states handed from one worker to the next at a reload. */
  public readonly serverStateFile: string;
  private readonly pidFile: string;
  private readonly binary: string;

  constructor(private readonly props: LocalHaproxyTargetProps) {
    const folder = path.resolve(props.folder);
    this.configFile = path.join(folder, 'haproxy.cfg');
    this.masterSocket = path.join(folder, 'master.sock');
    this.statsSocket = path.join(folder, 'admin.sock');
    this.pidFile = path.join(folder, 'haproxy.pid');
    this.serverStateFile = path.join(folder, 'server-state');
    this.binary = props.haproxyBinary ?? 'haproxy';
    if (Buffer.byteLength(this.masterSocket) > 107) throw new Error(`LocalHaproxyTarget: folder: "${folder}" is too long for a socket path. Use a folder path under 95 characters.`);
  }

  /** The configuration `apply` would write for these VIPs, with its digest in the global `description`. */
  public render(appliance: ApplianceSpec, vips: VirtualServiceSpec[]): string {
    return this.wanted(appliance, vips).config;
  }

  /**
   * Brings HAProxy to these VIPs: starts it, or reloads it without dropping a connection when
   * the configuration it runs is not the wanted one. Safe to repeat after any failure.
   */
  public async apply(appliance: ApplianceSpec, vips: VirtualServiceSpec[]): Promise<LocalApplyAction> {
    const { config, digest } = this.wanted(appliance, vips);
    fs.mkdirSync(path.dirname(this.configFile), { recursive: true });
    const table = await this.processTable();
    if (table && (await this.runningDigest()) === digest) {
      if (!fs.existsSync(this.configFile) || fs.readFileSync(this.configFile, 'utf8') !== config) this.writeWhole(this.configFile, config);
      return 'unchanged';
    }

    const candidate = `${this.configFile}.new`;
    fs.writeFileSync(candidate, config);
    // A fresh start begins with fresh server states (none older than the master); a reload gets the current ones below.
    if (!table || !fs.existsSync(this.serverStateFile)) fs.writeFileSync(this.serverStateFile, '');
    await this.check(candidate);
    fs.renameSync(candidate, this.configFile);

    if (!table) {
      await this.start(digest);
      return 'started';
    }
    await this.cutHaltedSessions(vips);
    const stuck = await this.stickEntries(vips);
    this.writeWhole(this.serverStateFile, await this.runtimeCommand('show servers state'));
    await this.reload(table, digest);
    await this.restoreStickEntries(stuck);
    return 'reloaded';
  }

  /** The digest of the configuration the current worker runs (from `show info`), or undefined when it reports none. */
  public async runningDigest(): Promise<string | undefined> {
    const info = await this.runtimeCommand('show info').catch(() => '');
    const line = info.split('\n').find((l) => l.startsWith('description: '));
    const value = line?.slice('description: '.length).trim() ?? '';
    return value.startsWith(DIGEST_PREFIX) ? value.slice(DIGEST_PREFIX.length) : undefined;
  }

  /** The wanted configuration and its digest (taken over the file without its description line). */
  private wanted(appliance: ApplianceSpec, vips: VirtualServiceSpec[]): { config: string; digest: string } {
    const options = { statsSocket: this.statsSocket, proxyLayer4: this.props.proxyLayer4 ?? true, bindAddresses: this.props.bindAddresses, serverStateFile: this.serverStateFile };
    const resolved = vips.map(resolveVirtualService);
    const digest = createHash('sha256').update(renderHaproxyConfig(appliance, resolved, options)).digest('hex');
    return { config: renderHaproxyConfig(appliance, resolved, { ...options, description: `${DIGEST_PREFIX}${digest}` }), digest };
  }

  /** Writes a file whole (a reader never sees half of it). */
  private writeWhole(file: string, text: string): void {
    fs.writeFileSync(`${file}.tmp`, text);
    fs.renameSync(`${file}.tmp`, file);
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

  /**
   * Sessions a real server has open in every worker, old ones included (a drained server's
   * sessions live on in the worker that was current before the drain's reload). 0 when HAProxy
   * does not run. Asks each worker in turn through the master CLI (`@!<pid> show stat`).
   */
  public async openSessions(vip: string, server: string): Promise<number> {
    const table = await this.processTable();
    let sessions = 0;
    for (const worker of table?.processes.filter((p) => p.role === 'worker') ?? []) {
      const stat = await haproxySocketCommand(this.masterSocket, `@!${worker.pid} show stat`).catch(() => '');
      sessions += parseShowStat(stat).find((s) => s.vip === vip && s.server === server)?.sessions ?? 0;
    }
    return sessions;
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

  private async start(digest: string): Promise<void> {
    fs.rmSync(this.masterSocket, { force: true });
    try {
      await run(this.binary, ['-W', '-D', '-f', this.configFile, '-p', this.pidFile, '-S', `${this.masterSocket},mode,600`]);
    } catch (error) {
      throw new Error(`LocalHaproxyTarget: HAProxy did not start: ${((error as { stderr?: string }).stderr ?? String(error)).trim()}`);
    }
    await this.waitFor(async (table) => table.processes.some((p) => p.role === 'worker' && !p.old), 'HAProxy to start its worker');
    await this.waitForDigest(digest);
  }

  /** Asks the master to reload and waits until a new worker runs the wanted configuration; old workers keep their connections. */
  private async reload(before: HaproxyProcessTable, digest: string): Promise<void> {
    await haproxySocketCommand(this.masterSocket, 'reload').catch(() => '');
    const after = await this.waitFor(async (table) => table.masterReloads > before.masterReloads && table.processes.some((p) => p.role === 'worker' && !p.old), 'HAProxy to reload');
    if (after.failedReloads > before.failedReloads) throw new Error(`LocalHaproxyTarget: HAProxy refused the new configuration at reload; the old one still runs. Check ${this.configFile}.`);
    await this.waitForDigest(digest);
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
    const answers = await haproxySocketCommands(this.statsSocket, sticky.map((vip) => `show table ${vip.name}`));
    return sticky.flatMap((vip, i) => parseShowTable(vip.name, answers[i]));
  }

  /** Writes persistence entries into the new worker, for servers it still has. */
  private async restoreStickEntries(entries: StickEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const ids = parseServerIds(await this.runtimeCommand('show servers state'));
    await haproxySocketCommands(this.statsSocket, restoreCommands(entries, ids));
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

  /** Waits until the runtime API socket answers from a worker that runs the configuration with this digest. */
  private async waitForDigest(digest: string): Promise<void> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      if ((await this.runningDigest()) === digest) return;
      if (Date.now() > deadline) throw new Error(`LocalHaproxyTarget: the runtime API socket ${this.statsSocket} does not answer from a worker running ${this.configFile}; the next apply tries again.`);
      await sleep(50);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
