/**
 * The real engines for the end-to-end tests: every Terraform or OpenTofu on the PATH that is
 * recent enough, OpenTofu built from the Go module proxy only when none is (or when asked), and
 * the null provider stand-in for all of them; prepared once by scripts/engine/build-engine.sh
 * and cached outside the repository (see docs/engine.md). A warm cache answers in a second; a
 * cold one takes minutes, so CI runs the script before the tests.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Which engine a binary is. */
export type EngineKind = 'terraform' | 'opentofu';

/** One engine the end-to-end tests run against. */
export interface Engine {
  /** Terraform or OpenTofu. */
  readonly kind: EngineKind;
  /** Its version, e.g. `1.11.4`. */
  readonly version: string;
  /** The binary. */
  readonly binary: string;
  /** `Terraform 1.11.4` or `OpenTofu 1.12.6`: for test titles and messages. */
  readonly label: string;
  /** The registry host the engine resolves `hashicorp/null` to; its lock file names it. */
  readonly registryHost: string;
  /** CLI configuration that installs hashicorp/null from a local filesystem mirror only. */
  readonly cliConfigFile: string;
}

/** Output of one engine (or cdktf CLI) run. */
export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const BUILD_SCRIPT = join(__dirname, '..', '..', 'scripts', 'engine', 'build-engine.sh');

/** Long enough for a cold OpenTofu build on two shared cores; a warm cache answers in seconds. */
export const ENGINE_BUILD_TIMEOUT_MS = 30 * 60_000;

const KINDS: Record<string, { label: string; registryHost: string }> = {
  terraform: { label: 'Terraform', registryHost: 'registry.terraform.io' },
  opentofu: { label: 'OpenTofu', registryHost: 'registry.opentofu.org' },
};

/** Parses build-engine.sh's output into engines; throws when it names none. */
export function parseEngines(stdout: string): Engine[] {
  const lines = stdout.split('\n').filter((line) => line.includes('='));
  const value = (line: string) => line.slice(line.indexOf('=') + 1);
  const cliConfigFile = lines.filter((line) => line.startsWith('PACS_LB_TF_CLI_CONFIG=')).map(value)[0];
  const engines = lines
    .filter((line) => line.startsWith('PACS_LB_ENGINE='))
    .map((line) => {
      const [kind, version, ...path] = value(line).split(' ');
      const known = KINDS[kind];
      if (!known || !version || path.length === 0) throw new Error(`build-engine.sh printed an engine line it should not: ${line}`);
      return { kind: kind as EngineKind, version, binary: path.join(' '), label: `${known.label} ${version}`, registryHost: known.registryHost, cliConfigFile };
    });
  if (!cliConfigFile || engines.length === 0) {
    throw new Error(`build-engine.sh printed no engine or no CLI configuration:\n${stdout}`);
  }
  return engines;
}

let prepared: Engine[] | undefined;

/**
 * Every engine present, prepared (built if the cache lacks it) on the first call. Called while
 * test files are collected, so that each end-to-end suite runs once per engine
 * (`describe.each(availableEngines())`).
 */
export function availableEngines(): Engine[] {
  if (!prepared) {
    const run = spawnSync('bash', [BUILD_SCRIPT], { encoding: 'utf8', timeout: ENGINE_BUILD_TIMEOUT_MS });
    if (run.status !== 0) {
      throw new Error(`build-engine.sh failed (status ${run.status}):\n${run.stderr}`);
    }
    prepared = parseEngines(run.stdout);
  }
  return prepared;
}

/**
 * The environment for the engine and for the cdktf CLI: our CLI configuration (the machine's
 * TF_CLI_CONFIG_FILE is replaced), the engine under test as cdktf's engine binary, no update checks, no
 * shared plugin cache, no colour.
 */
export function engineEnv(engine: Engine, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TF_CLI_CONFIG_FILE: engine.cliConfigFile,
    TOFU_CLI_CONFIG_FILE: engine.cliConfigFile,
    TERRAFORM_BINARY_NAME: engine.binary,
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    CDKTF_DISABLE_PLUGIN_CACHE_ENV: '1',
    NO_COLOR: '1',
    ...extra,
  };
  delete env.TF_PLUGIN_CACHE_DIR;
  return env;
}

/**
 * Runs `file <args>` in `dir` with the engine's environment and resolves to what it printed.
 * Asynchronous, so servers in the test process (the appliance double) keep answering.
 */
export function runWithEngine(engine: Engine, file: string, args: readonly string[], dir: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: dir, env: engineEnv(engine, extraEnv), stdio: ['ignore', 'pipe', 'pipe'], timeout: 10 * 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The result, or an error carrying the command's output unless it exited 0. */
export async function succeeded(command: string, running: Promise<RunResult>): Promise<RunResult> {
  const result = await running;
  if (result.status !== 0) {
    throw new Error(`${command} failed (status ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

/** Runs the engine (`terraform <args>` or `tofu <args>`) in `dir` without colour and returns what it printed. */
export function runEngine(engine: Engine, dir: string, args: readonly string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return runWithEngine(engine, engine.binary, [...args, '-no-color'], dir, extraEnv);
}

/** Like `runEngine`, but throws with the engine's output unless it exits 0. */
export function engineOk(engine: Engine, dir: string, args: readonly string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return succeeded(`${engine.label} ${args.join(' ')}`, runEngine(engine, dir, args, extraEnv));
}
