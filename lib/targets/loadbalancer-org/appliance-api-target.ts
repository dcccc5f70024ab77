import { RealServerState } from '../../spec/real-server-state';
import { CliError, EXIT } from '../../contract/exit-codes';
import { ApplianceSpec, VirtualServiceSpec } from '../../spec/virtual-service-spec';
import { ProvisionTarget } from '../provision-target';
import { DumpedConfig, DumpedVip } from '../target-state';
import { CommandResult } from './api-client';
import { READ_COMMANDS, readDumpConfigReply, readVirtualListReply } from './appliance-reply';
import { reloadCommands, stateCommand } from '../../render/loadbalancer-org/appliance-commands';
import { checkScriptProblems } from '../../render/loadbalancer-org/check-script-rules';
import { LbcliCommand } from '../../render/loadbalancer-org/lbcli-command';
import { deleteVipCommands, planVirtualService } from './reconcile';
import { runCommands } from './run-commands';
import { writeOnlyCommands, writeOnlyStateCommands } from './write-only';

/** What the target talks to: the REST API v2 client, or a saved state for offline dry runs. */
export interface ApplianceConnection {
  /** Where requests go, for messages. */
  readonly endpoint: string;
  /** Requests sent so far. */
  readonly requestsSent: number;
  /** Runs commands in one request; one result per command that ran. */
  send(commands: LbcliCommand[]): Promise<CommandResult[]>;
  /** Runs read commands in one request; the reply as parsed JSON (undefined when not JSON). */
  read(commands: LbcliCommand[]): Promise<unknown>;
}

/** How the configuration is read: the first read that was understood, or none (write-only). */
type ReadMethod = 'dumpconfig' | 'virtual' | 'none';

const READERS: { method: ReadMethod; commands: LbcliCommand[]; parse: (body: unknown) => DumpedConfig | undefined }[] = [
  { method: 'dumpconfig', commands: READ_COMMANDS.dumpconfig, parse: readDumpConfigReply },
  { method: 'virtual', commands: READ_COMMANDS.virtualByLayer, parse: readVirtualListReply },
];

/**
 * The Loadbalancer.org appliance as a {@link ProvisionTarget}, through its REST API v2. It
 * reads the configuration with `list --function dumpconfig`, else `list --function virtual`
 * per layer; when neither reply is understood it says so once and works write-only: `add-*`,
 * then `edit-*` where the appliance answers `exists` (the documented idempotent path, which
 * converges without any read).
 */
export class ApplianceApiTarget implements ProvisionTarget {
  private method?: ReadMethod;

  /**
   * @param connection the API client (or an offline stand-in)
   * @param warn prints a warning line (stderr)
   * @param appliance the appliance's spec: its words (lbcliOverrides) and declared check scripts
   */
  constructor(
    private readonly connection: ApplianceConnection,
    private readonly warn: (line: string) => void,
    private readonly appliance: ApplianceSpec,
  ) {}

  /** See {@link ProvisionTarget.description}. */
  public get description(): string {
    return `appliance ${this.connection.endpoint}`;
  }

  /** See {@link ProvisionTarget.requestsSent}. */
  public get requestsSent(): number {
    return this.connection.requestsSent;
  }

  /** The configuration, from the first read whose reply is understood; undefined when none is. */
  public async readConfig(): Promise<DumpedConfig | undefined> {
    for (const reader of READERS) {
      if (this.method !== undefined && this.method !== reader.method) continue;
      const config = reader.parse(await this.connection.read(reader.commands));
      if (config) {
        this.method = reader.method;
        return config;
      }
    }
    if (this.method === undefined) {
      this.warn(`${this.description}: its configuration could not be read (neither "list --function dumpconfig" nor "list --function virtual" answered in a shape pacs-lb understands; --debug shows the replies). Working write-only: add-*, then edit-* where it exists. In this mode real servers removed from the app are not deleted, and diff and status cannot compare.`);
    }
    this.method = 'none';
    return undefined;
  }

  /** Reads the configuration, then sends only the writes that differ, in one request; write-only when it cannot be read. */
  public async applyVirtualService(vip: VirtualServiceSpec, dryRun: boolean): Promise<LbcliCommand[]> {
    const problems = checkScriptProblems(vip, this.appliance);
    if (problems.length > 0) throw new CliError(EXIT.invalid, problems.join('\n'));
    const config = await this.readConfig();
    if (config) return this.write(planVirtualService(vip, config, this.appliance), dryRun);
    const adds = writeOnlyCommands(vip, this.appliance);
    if (dryRun) return adds;
    const answers = await runCommands(this, adds);
    const states = writeOnlyStateCommands(vip, adds, answers);
    if (states.length > 0) await runCommands(this, states);
    return [...adds, ...states];
  }

  /** delete-vip of each, then the reload of each layer a deleted VIP was on (a delete takes effect at its layer's reload). */
  public deleteVirtualServices(vips: DumpedVip[], dryRun: boolean): Promise<LbcliCommand[]> {
    const layers = vips.flatMap((v) => (v.layer === undefined ? [4, 7] : [v.layer]));
    return this.write([...vips.flatMap((v) => deleteVipCommands(v.name, v.layer)), ...reloadCommands(layers)], dryRun);
  }

  /** drain / halt / online. */
  public setRealServerState(vip: string, rip: string, state: RealServerState, dryRun: boolean): Promise<LbcliCommand[]> {
    return this.write([stateCommand(state, vip, rip)], dryRun);
  }

  /** reload-ldirectord for Layer 4, reload-haproxy for Layer 7, each once. */
  public reload(layers: number[], dryRun: boolean): Promise<LbcliCommand[]> {
    return this.write(reloadCommands(layers), dryRun);
  }

  private async write(commands: LbcliCommand[], dryRun: boolean): Promise<LbcliCommand[]> {
    if (!dryRun && commands.length > 0) await runCommands(this, commands);
    return commands;
  }

  /** Sends commands as one request (used by runCommands). */
  public send(commands: LbcliCommand[]): Promise<CommandResult[]> {
    return this.connection.send(commands);
  }
}
