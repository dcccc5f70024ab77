/**
 * The real engine for the end-to-end tests: OpenTofu and the null provider stand-in, built
 * once by scripts/engine/build-engine.sh and cached outside the repository (see docs/engine.md).
 * A warm cache makes `buildEngine()` take a second or two; a cold one takes minutes, so CI
 * runs the script before the tests.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll } from 'vitest';

/** Paths of a built engine. */
export interface Engine {
  /** The OpenTofu binary. */
  readonly tofu: string;
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

/** Long enough for a cold build on two shared cores; a warm cache answers in seconds. */
export const ENGINE_BUILD_TIMEOUT_MS = 30 * 60_000;

/** Builds the engine if the cache lacks it and returns its paths. */
export function buildEngine(): Engine {
  const run = spawnSync('bash', [BUILD_SCRIPT], { encoding: 'utf8', timeout: ENGINE_BUILD_TIMEOUT_MS });
  if (run.status !== 0) {
    throw new Error(`build-engine.sh failed (status ${run.status}):\n${run.stderr}`);
  }
  const paths = new Map(
    run.stdout
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const),
  );
  const tofu = paths.get('PACS_LB_TOFU');
  const cliConfigFile = paths.get('PACS_LB_TF_CLI_CONFIG');
  if (!tofu || !cliConfigFile) {
    throw new Error(`build-engine.sh printed no engine paths:\n${run.stdout}`);
  }
  return { tofu, cliConfigFile };
}

/**
 * The environment for the engine and for the cdktf CLI: our CLI configuration (the machine's
 * TF_CLI_CONFIG_FILE is replaced), OpenTofu as cdktf's engine binary, no update checks, no
 * shared plugin cache, no colour.
 */
export function engineEnv(engine: Engine, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TF_CLI_CONFIG_FILE: engine.cliConfigFile,
    TOFU_CLI_CONFIG_FILE: engine.cliConfigFile,
    TERRAFORM_BINARY_NAME: engine.tofu,
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
 * Builds the engine (cached) before the tests of the calling `describe` block and returns a
 * getter for it.
 */
export function useEngine(): () => Engine {
  let engine: Engine | undefined;
  beforeAll(() => {
    engine = buildEngine();
  }, ENGINE_BUILD_TIMEOUT_MS);
  return () => {
    if (!engine) {
      throw new Error('The engine is not built yet. Call engine() inside a test, not at collection time.');
    }
    return engine;
  };
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

/** Runs `tofu <args>` in `dir` without colour and returns what it printed. */
export function runTofu(engine: Engine, dir: string, args: readonly string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return runWithEngine(engine, engine.tofu, [...args, '-no-color'], dir, extraEnv);
}

/** Like `runTofu`, but throws with the engine's output unless it exits 0. */
export function tofuOk(engine: Engine, dir: string, args: readonly string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return succeeded(`tofu ${args.join(' ')}`, runTofu(engine, dir, args, extraEnv));
}
