import * as fs from 'fs';
import * as path from 'path';
import { RealServerState } from '../../spec/real-server-state';
import { ApplianceSpec, VirtualServiceSpec } from '../../spec/virtual-service-spec';
import { LocalHaproxyTarget } from './local-haproxy-target';
import { ServerStatus } from './server-status';
import { DumpedConfig, DumpedVip } from '../target-state';
import { CliError, EXIT } from '../../contract/exit-codes';
import { formatRange } from '../../spec/ports';
import { ProvisionTarget } from '../provision-target';
import { TargetChange } from '../target-change';
import { specChanges } from './spec-changes';
import { deployedState, stateOwner, withState } from '../operator-state';
import { sortByDeclaredOrder } from '../../synth/synth-folder';

/** What HAProxy does with any change: one hitless reload (it carries both layers here). */
const RELOAD: TargetChange = { action: 'reload-haproxy' };

/** HAProxy's status word as the health `status` prints: up, down, or HAProxy's own word (maint, drain). */
function healthOf(server: ServerStatus | undefined): string | undefined {
  if (!server) return undefined;
  if (server.status.startsWith('UP') || server.status === 'no check') return 'up';
  if (server.status.startsWith('DOWN')) return 'down';
  return server.status.toLowerCase();
}

/** A stored VIP spec as the target reports it: address, ports and weights, states and HAProxy's health. */
function dumpedVip(vip: VirtualServiceSpec, servers: ServerStatus[]): DumpedVip {
  return {
    name: vip.name,
    layer: vip.layer,
    parameters: { vip: vip.name, ip: vip.address, ports: vip.ports.ranges.map(formatRange).join(',') },
    realServers: vip.realServers.map((rip) => ({
      name: rip.name,
      parameters: { ip: rip.address, weight: String(rip.weight), ...(rip.port === undefined ? {} : { port: String(rip.port) }) },
      state: rip.state,
      stateOwner: stateOwner(rip),
      health: healthOf(servers.find((s) => s.vip === vip.name && s.server === rip.name)),
    })),
  };
}

/**
 * The local HAProxy target ({@link LocalHaproxyTarget}) as a {@link ProvisionTarget}: what the
 * appliance would hold is the VIP specs applied so far, kept in `<folder>/vips/<name>.json`.
 * `apply` stores a spec (reporting the changes {@link specChanges} finds between the stored and
 * the new spec); `reload` runs HAProxy with every stored spec (start, or a hitless
 * reload) and stops it when none is left; `delete` removes specs and reloads at once; a state
 * change updates the stored spec and, when HAProxy runs, reloads it (halt cuts sessions first).
 * No credentials: the files and HAProxy are the user's own.
 */
export class LocalHaproxyProvisionTarget implements ProvisionTarget {
  private readonly haproxy: LocalHaproxyTarget;
  private readonly folder: string;
  private readonly vipsFolder: string;
  private writes = 0;

  /**
   * @param appliance an appliance spec whose target is the local HAProxy (validated: folder set).
   * @param vipOrder the VIP names in the app's declaration order (VIP 1 first), as synth recorded
   *   them; HAProxy's configuration numbers the stored VIPs by it (those it does not name last, by name).
   */
  constructor(
    private readonly appliance: ApplianceSpec,
    private readonly vipOrder: string[] = [],
  ) {
    this.folder = appliance.target?.folder ?? '';
    this.vipsFolder = path.join(this.folder, 'vips');
    this.haproxy = new LocalHaproxyTarget({ folder: this.folder, haproxyBinary: appliance.target?.haproxyBinary });
  }

  /** See {@link ProvisionTarget.description}. */
  public get description(): string {
    return `local HAProxy in ${this.folder}`;
  }

  /** Spec files written and HAProxy runs (start, reload, stop) so far. */
  public get requestsSent(): number {
    return this.writes;
  }

  /** The stored VIP specs, with each real server's health as the running HAProxy sees it. */
  public async readConfig(): Promise<DumpedConfig> {
    const servers = (await this.haproxy.status()).servers;
    return { vips: this.storedSpecs().map((vip) => dumpedVip(vip, servers)) };
  }

  /**
   * Stores the spec when it differs from the stored one; reports the changes the difference
   * means. A real server whose state the code does not own keeps the stored state (an
   * operator's); the stored spec records who owns each state (`stateManaged`).
   */
  public async applyVirtualService(desired: VirtualServiceSpec, dryRun: boolean): Promise<TargetChange[]> {
    const stored = this.storedSpecs().find((v) => v.name === desired.name);
    const storedStates = new Map((stored?.realServers ?? []).map((r) => [r.name, r.state]));
    const vip = { ...desired, realServers: desired.realServers.map((r) => withState(r, deployedState(r, storedStates.get(r.name)), stateOwner(r))) };
    const commands = specChanges(vip, stored);
    const file = this.specFile(vip.name);
    const text = `${JSON.stringify(vip, null, 2)}\n`;
    if (!dryRun && (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text)) this.store(file, text);
    return commands;
  }

  /** Removes the VIPs' specs, then reloads (or stops HAProxy when no VIP is left). */
  public async deleteVirtualServices(vips: DumpedVip[], dryRun: boolean): Promise<TargetChange[]> {
    const commands: TargetChange[] = [...vips.map((v) => ({ action: 'delete-vip', vip: v.name })), RELOAD];
    if (dryRun) return commands;
    for (const vip of vips) fs.rmSync(this.specFile(vip.name), { force: true });
    await this.runHaproxy();
    return commands;
  }

  /**
   * Sets the state in the stored spec, keeping who owns it (an operator's state stays the
   * operator's; a state the code owns is restored by the next deploy); a running HAProxy takes
   * it at once through a hitless reload.
   */
  public async setRealServerState(vipName: string, rip: string, state: RealServerState, dryRun: boolean): Promise<TargetChange[]> {
    const vip = this.storedSpecs().find((v) => v.name === vipName);
    if (!vip?.realServers.some((r) => r.name === rip)) {
      throw new CliError(EXIT.refused, `${vipName} ${rip}: the ${this.description} has no such VIP and real server. Give names "pacs-lb status" lists.`);
    }
    const commands: TargetChange[] = [{ action: state, vip: vipName, rip }];
    if (dryRun) return commands;
    const changed = { ...vip, realServers: vip.realServers.map((r) => (r.name === rip ? withState(r, state, stateOwner(r)) : r)) };
    this.store(this.specFile(vipName), `${JSON.stringify(changed, null, 2)}\n`);
    if ((await this.haproxy.status()).running) await this.runHaproxy();
    return commands;
  }

  /**
   * Runs HAProxy with every stored spec: starts or reloads it, or stops it when none is left.
   * One HAProxy carries both layers here, so any layer given means one run; none means none.
   */
  public async reload(layers: number[], dryRun: boolean): Promise<TargetChange[]> {
    if (layers.length === 0) return [];
    if (!dryRun) await this.runHaproxy();
    return [RELOAD];
  }

  /** See {@link ProvisionTarget.openSessions}: over every HAProxy worker, old ones included. */
  public async openSessions(vip: string, rip: string): Promise<number> {
    return this.haproxy.openSessions(vip, rip);
  }

  private async runHaproxy(): Promise<void> {
    const vips = this.storedSpecs();
    this.writes++;
    try {
      if (vips.length === 0) await this.haproxy.stop();
      else await this.haproxy.apply(this.appliance, vips);
    } catch (error) {
      throw new CliError(EXIT.refused, `${this.description}: ${(error as Error).message.replace(/\.$/, '')}. Fix the cause, then run again.`);
    }
  }

  /** The stored specs, in the app's declaration order. */
  private storedSpecs(): VirtualServiceSpec[] {
    if (!fs.existsSync(this.vipsFolder)) return [];
    const specs = fs
      .readdirSync(this.vipsFolder)
      .filter((file) => file.endsWith('.json'))
      .map((file) => JSON.parse(fs.readFileSync(path.join(this.vipsFolder, file), 'utf8')) as VirtualServiceSpec);
    return sortByDeclaredOrder(specs, this.vipOrder);
  }

  private specFile(name: string): string {
    return path.join(this.vipsFolder, `${name}.json`);
  }

  /** Writes a spec file whole (a reader never sees half of it). */
  private store(file: string, text: string): void {
    fs.mkdirSync(this.vipsFolder, { recursive: true });
    fs.writeFileSync(`${file}.new`, text);
    fs.renameSync(`${file}.new`, file);
    this.writes++;
  }
}
