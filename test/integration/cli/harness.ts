import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { runCli } from '../../../lib/cli/program';
import { realServerCommand, vipCommand } from '../../../lib/render/loadbalancer-org/appliance-commands';
import { VirtualServiceSpec } from '../../../lib/spec/virtual-service-spec';
import { ApplianceDouble, ApplianceDoubleOptions, Command } from '../../support/appliance-double';

/** Sentinel credentials: tests grep every output for them. */
export const SECRET = { apiKey: 'SENTINEL-KEY-7f3a9c', username: 'sentinel-user-41b2', password: 'SENTINEL-PASS-c0d3' };

/** Starts a double that requires the sentinel credentials. */
export function startDouble(latencyMs = 0, options: Partial<ApplianceDoubleOptions> = {}): Promise<ApplianceDouble> {
  return ApplianceDouble.start({ apiKey: SECRET.apiKey, username: SECRET.username, password: SECRET.password, latencyMs, ...options });
}

function withoutAction(command: Command): Command {
  const { action: _a, ...rest } = command;
  return rest;
}

/** The appliance configuration the reference VIP set means: every VIP's add-vip and add-rip parameters. */
export function expectedConfig(specs: VirtualServiceSpec[]): unknown {
  return specs.map((spec) => ({
    ...withoutAction(vipCommand('add-vip', spec)),
    rips: spec.realServers.map((r) => ({ ...withoutAction(realServerCommand('add-rip', spec, r.name)), state: r.state, health: r.state === 'online' ? 'up' : r.state })),
  }));
}

/** The VIP specs synthesized for an appliance. */
export function readSpecs(stackFolder: string, appliance: string): VirtualServiceSpec[] {
  const folder = path.join(stackFolder, 'pacs-lb', appliance, 'vips');
  return fs.readdirSync(folder).map((f) => JSON.parse(fs.readFileSync(path.join(folder, f), 'utf8')) as VirtualServiceSpec);
}


/** Removes a folder when the test process ends. */
function removeAtExit(folder: string): string {
  process.once('exit', () => fs.rmSync(folder, { recursive: true, force: true }));
  return folder;
}

/** A temporary folder whose path holds spaces and both quote characters; removed at exit. */
export function awkwardTempDir(prefix: string): string {
  return removeAtExit(fs.mkdtempSync(path.join(os.tmpdir(), `${prefix} with space 'single' "double"-`)));
}

/** The environment a user (or Terraform) gives the CLI for the double: credentials, CA, fast retries. */
export function cliEnvironment(double: ApplianceDouble, stateDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PACS_LB_API_KEY: SECRET.apiKey,
    PACS_LB_USERNAME: SECRET.username,
    PACS_LB_PASSWORD: SECRET.password,
    PACS_LB_CA_FILE: double.caFile,
    PACS_LB_STATE_DIR: stateDir,
    PACS_LB_RETRIES: '2',
    PACS_LB_RETRY_DELAY_MS: '20',
    PACS_LB_CONNECT_TIMEOUT_MS: '2000',
    PACS_LB_REQUEST_TIMEOUT_MS: '3000',
    ...extra,
  };
}

/** What one CLI run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `pacs-lb` in this process (same code as the binary), capturing its output. */
export async function runInProcess(args: string[], env: Record<string, string | undefined>): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, env, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const REPO = path.resolve(__dirname, '../../..');

/**
 * The CLI compiled from lib/ into a folder whose path has spaces and quotes (inside the repo's
 * node_modules/.cache, so `commander` resolves), and the argv that starts it: what a user sets
 * as the `pacs-lb:cli` context. Compiled fresh, so stale lib/*.js never runs.
 */
export function compileCli(): string[] {
  const cache = path.join(REPO, 'node_modules', '.cache');
  fs.mkdirSync(cache, { recursive: true });
  const outDir = removeAtExit(fs.mkdtempSync(path.join(cache, `pacs-lb cli 'q' "dq"-`)));
  execFileSync(path.join(REPO, 'node_modules', '.bin', 'tsc'), ['-p', path.join(REPO, 'tsconfig.json'), '--outDir', outDir, '--incremental', 'false', '--declaration', 'false', '--tsBuildInfoFile', 'null'], { stdio: 'pipe' });
  return [process.execPath, path.join(outDir, 'cli', 'main.js')];
}

/** Synthesizes an app into a fresh output folder and returns the stack's folder. */
export function synthesize(cli: string[], build: (app: App) => string): string {
  const outdir = awkwardTempDir('pacs-lb-synth');
  const app = new App({ outdir, context: { 'pacs-lb:cli': cli } });
  const stackName = build(app);
  app.synth();
  return path.join(outdir, 'stacks', stackName);
}
