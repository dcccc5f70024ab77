import { ApplianceTargetKind } from '../spec/appliance-target-kind';
import { DEFAULT_API_PORT } from '../spec/defaults';
import * as fs from 'fs';
import { ApplianceSpec, SPEC_SCHEMA_VERSION } from '../spec/virtual-service-spec';
import { OfflineConnection } from '../targets/loadbalancer-org/offline-connection';
import { DumpedConfig } from '../targets/target-state';
import { ApplianceApiClient, ConnectionSettings } from '../targets/loadbalancer-org/api-client';
import { ApplianceApiTarget } from '../targets/loadbalancer-org/appliance-api-target';
import { readCredentials, secretValues } from './credentials';
import { ENV } from '../contract/environment';
import { isPortNumber, PORT_NUMBERS } from '../net/port-number';
import { CliError, EXIT } from '../contract/exit-codes';
import { readApplianceSpec } from './inputs';
import { LocalHaproxyProvisionTarget } from '../targets/local-haproxy/local-haproxy-provision-target';
import { synthesizedVipOrder } from '../synth/synth-folder';
import { defaultStateDir, withApplianceLock } from './lock';
import { applianceVocabularyProblems } from '../render/loadbalancer-org/appliance-vocabulary';
import { CliOutput } from './output';
import { PendingReloads } from './pending-reloads';
import { ProvisionTarget } from '../targets/provision-target';

type Environment = Record<string, string | undefined>;

/**
 * The default time limits (docs/cli.md, "Time limits"). A hung appliance fails one request
 * within `requestDeadlineMs` (55 s: a 25 s try, a 1 s wait, a second try cut to fit), so a
 * command that holds the appliance's lock gives it up within a minute; with Terraform's default
 * parallelism of 10, the last of 10 queued provisioners waits at most 9 × 55 s ≈ 8.3 min, under
 * the 600 s lock wait.
 */
export const TIME_LIMITS = {
  /** TCP and TLS handshake. */
  connectTimeoutMs: 5_000,
  /** One try of a request. */
  requestTimeoutMs: 25_000,
  /** One request in all, retries included. */
  requestDeadlineMs: 55_000,
  /** Retries after a network error, a timeout or a 5xx answer. */
  retries: 2,
  /** Wait before the first retry, doubled at each further one. */
  retryDelayMs: 1_000,
  /** Seconds to wait for another command on the same appliance. */
  lockTimeoutSeconds: 600,
} as const;


/** The options every command that talks to the appliance accepts. */
export interface ConnectionOptions {
  /** appliance.json written at synth. */
  readonly applianceFile?: string;
  /** Management address, instead of an appliance file. */
  readonly host?: string;
  /** API port with --host. */
  readonly apiPort?: string;
  /** CA file. */
  readonly caFile?: string;
  /** Skip certificate verification. */
  readonly insecure?: boolean;
  /** Seconds to wait for the appliance's lock. */
  readonly lockTimeout?: string;
  /** Plan against an empty appliance, offline, without credentials (with --dry-run only). */
  readonly offline?: boolean;
  /** Plan against a state saved by `pacs-lb status --json`, offline, without credentials (with --dry-run only). */
  readonly savedState?: string;
}

/** A number setting: the option (`flag`) if given, else the environment variable, else the default. */
function numberSetting(flag: string | undefined, option: string | undefined, env: Environment, variable: string, fallback: number): number {
  const fromOption = option !== undefined;
  const text = option ?? env[variable];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) {
    const source = fromOption ? flag : variable;
    throw new CliError(EXIT.usage, `${source}: "${text}" is not a non-negative number. Give ${source} a number${flag && !fromOption ? ` (or use ${flag})` : ''}.`);
  }
  return value;
}

/** The appliance's primary address and API port, or the PACS_LB_CONNECT_TO override (`host:port`, `[v6]:port`). */
function connectTo(appliance: ApplianceSpec, env: Environment): { host: string; port: number } {
  const override = env[ENV.connectTo];
  if (!override) return { host: appliance.managementAddresses[0], port: appliance.apiPort };
  const match = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(override);
  if (!match) throw new CliError(EXIT.usage, `${ENV.connectTo}: "${override}" is not host:port. Write it like 127.0.0.1:9443 or [::1]:9443.`);
  return { host: match[1], port: Number(match[2]) };
}

/** Where the commands go, resolved from the options and the environment. */
export interface Session {
  /** The target. */
  readonly target: ProvisionTarget;
  /** The appliance's name in the project (or its address, with --host). */
  readonly applianceName: string;
  /** Runs work holding this appliance's lock. */
  locked<T>(work: () => Promise<T>): Promise<T>;
  /** The layers changed since the appliance's last reload (use while holding the lock). */
  readonly pendingReloads: PendingReloads;
}

/**
 * The appliance to talk to: from --appliance-file / PACS_LB_APPLIANCE; with --host, at that
 * address instead (the synthesized appliance spec, if one is given, keeps its name, check
 * scripts and vocabulary; else a bare one, named `nameHint`, e.g. the VIP spec's appliance).
 */
export function resolveAppliance(options: ConnectionOptions, env: Environment, nameHint?: string): ApplianceSpec {
  if (options.host) {
    const port = Number(options.apiPort ?? DEFAULT_API_PORT);
    if (!isPortNumber(port)) throw new CliError(EXIT.usage, `--api-port: "${options.apiPort}" is not a TCP port. Give ${PORT_NUMBERS.min}-${PORT_NUMBERS.max}.`);
    const synthesized = options.applianceFile !== undefined || env[ENV.appliance] ? readApplianceSpec(options.applianceFile, env) : undefined;
    const base = synthesized ?? { schemaVersion: SPEC_SCHEMA_VERSION, name: nameHint ?? options.host, subnets: [] };
    return { ...base, managementAddresses: [options.host], apiPort: port };
  }
  return readApplianceSpec(options.applianceFile, env);
}

/** The state an offline dry run plans against: empty, or the one `--saved-state` names. */
function offlineState(options: ConnectionOptions): OfflineConnection {
  if (options.savedState === undefined) return new OfflineConnection({ vips: [] }, 'empty appliance');
  let state: unknown;
  try {
    state = JSON.parse(fs.readFileSync(options.savedState, 'utf8'));
  } catch (e) {
    throw new CliError(EXIT.usage, `--saved-state ${options.savedState}: cannot read it as JSON (${(e as NodeJS.ErrnoException).code ?? (e as Error).message.split('\n')[0]}). Give --saved-state the output of "pacs-lb status --json".`);
  }
  const vips = (state as DumpedConfig | null)?.vips;
  if (!Array.isArray(vips) || !vips.every((v) => typeof v?.name === 'string' && Array.isArray(v.realServers))) {
    throw new CliError(EXIT.usage, `--saved-state ${options.savedState}: not a saved appliance state. Give --saved-state the output of "pacs-lb status --json".`);
  }
  return new OfflineConnection(state as DumpedConfig, `saved state ${options.savedState}`);
}

/** The appliance's REST API at its primary management address, with the user's credentials. */
function applianceApiTarget(appliance: ApplianceSpec, options: ConnectionOptions, env: Environment, output: CliOutput): ProvisionTarget {
  const problems = applianceVocabularyProblems(appliance).map((p) => `${appliance.name}: ${p}`);
  if (problems.length > 0) throw new CliError(EXIT.invalid, problems.join('\n'));
  const credentials = readCredentials(env);
  output.addSecrets(secretValues(credentials));
  const caFile = options.caFile ?? (env[ENV.caFile] || undefined);
  if (options.insecure) output.err('WARNING: --insecure: the appliance\'s certificate is NOT verified; anyone on the path can read the API key. Give --ca-file instead.');
  const settings: ConnectionSettings = {
    ...connectTo(appliance, env),
    caFile,
    insecure: options.insecure === true,
    connectTimeoutMs: numberSetting(undefined, undefined, env, ENV.connectTimeout, TIME_LIMITS.connectTimeoutMs),
    requestTimeoutMs: numberSetting(undefined, undefined, env, ENV.requestTimeout, TIME_LIMITS.requestTimeoutMs),
    requestDeadlineMs: numberSetting(undefined, undefined, env, ENV.requestDeadline, TIME_LIMITS.requestDeadlineMs),
    retries: numberSetting(undefined, undefined, env, ENV.retries, TIME_LIMITS.retries),
    retryDelayMs: numberSetting(undefined, undefined, env, ENV.retryDelay, TIME_LIMITS.retryDelayMs),
  };
  return new ApplianceApiTarget(new ApplianceApiClient(settings, credentials, output), (line) => output.err(line), appliance);
}

/** The name of an appliance's files in the state folder (lock, pending reloads, roll progress). */
export function applianceKey(appliance: ApplianceSpec): string {
  return `${appliance.managementAddresses[0]}_${appliance.apiPort}`;
}

/** The state folder: lock files and progress records. */
export function stateFolder(env: Environment): string {
  return env[ENV.stateDir] || defaultStateDir();
}

/**
 * Opens a session with the appliance's target: its REST API at the primary management address
 * (an HA pair is configured through its primary, which replicates to the peer), or the local
 * HAProxy the appliance spec names (no credentials needed). Either way, under the appliance's lock.
 */
export function openSession(appliance: ApplianceSpec, options: ConnectionOptions, env: Environment, output: CliOutput): Session {
  const stateDir = stateFolder(env);
  const key = applianceKey(appliance);
  if (options.offline || options.savedState !== undefined) {
    // Offline: no network, no credentials, no lock; the dry run changes nothing.
    const target = new ApplianceApiTarget(offlineState(options), (line) => output.err(line), appliance);
    return { target, applianceName: appliance.name, locked: (work) => work(), pendingReloads: new PendingReloads(stateDir, key) };
  }
  const target = appliance.target?.kind === ApplianceTargetKind.LOCAL_HAPROXY ? new LocalHaproxyProvisionTarget(appliance, synthesizedVipOrder(process.cwd(), appliance.name)) : applianceApiTarget(appliance, options, env, output);
  const lockTimeoutMs = numberSetting('--lock-timeout', options.lockTimeout, env, ENV.lockTimeout, TIME_LIMITS.lockTimeoutSeconds) * 1000;
  return {
    target,
    applianceName: appliance.name,
    locked: (work) => withApplianceLock(stateDir, key, lockTimeoutMs, work),
    pendingReloads: new PendingReloads(stateDir, key),
  };
}
