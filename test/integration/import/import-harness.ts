import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import * as prettier from 'prettier';
import { expect } from 'vitest';
import { createOutput } from '../../../lib/cli/output';
import { VirtualServiceSpec } from '../../../lib/spec/virtual-service-spec';
import { ApplianceApiClient } from '../../../lib/targets/loadbalancer-org/api-client';
import { ApplianceDouble } from '../../support/appliance-double';
import { awkwardTempDir, CliRun, readSpecs, runInProcess, SECRET } from '../cli/harness';

/** Where generated code is written: inside the repo, so that it imports lib/ and vitest transforms it. */
export const GENERATED = path.join(__dirname, 'generated');
/** How the generated code (in GENERATED) imports the library. */
export const LIBRARY_FROM_GENERATED = '../../../../lib';

/** Applies every VIP spec of a synthesized appliance folder, then reloads, as Terraform runs them; each must succeed. */
export async function deployFolder(applianceFolder: string, env: Record<string, string>): Promise<CliRun[]> {
  const applianceFile = path.join(applianceFolder, 'appliance.json');
  const runs: CliRun[] = [];
  for (const file of fs.readdirSync(path.join(applianceFolder, 'vips')).sort()) {
    runs.push(await runInProcess(['apply', '--spec-file', path.join(applianceFolder, 'vips', file), '--appliance-file', applianceFile], env));
  }
  runs.push(await runInProcess(['reload', '--appliance-file', applianceFile], env));
  for (const run of runs) expect(run.code, run.stderr).toBe(0);
  return runs;
}

/** Runs `pacs-lb import` with these arguments, writing the code to GENERATED/<name>.ts; returns the run and the code. */
export async function importInto(name: string, args: string[], env: Record<string, string>): Promise<{ run: CliRun; code: string; file: string }> {
  fs.mkdirSync(GENERATED, { recursive: true });
  const file = path.join(GENERATED, `${name}.ts`);
  fs.rmSync(file, { force: true });
  const run = await runInProcess(['import', ...args, '--output', file, '--library-import', LIBRARY_FROM_GENERATED], env);
  expect(run.code, run.stderr).toBe(0);
  return { run, code: fs.readFileSync(file, 'utf8'), file };
}

type StackClass = new (scope: Construct, id: string) => TerraformStack;

/** Synthesizes the stack class a generated file exports; returns the stack's output folder. */
export async function synthesizeGenerated(file: string, className = 'ImportedSiteStack'): Promise<string> {
  const module = (await import(file)) as Record<string, StackClass>;
  const outdir = awkwardTempDir('pacs-lb-imported');
  const app = new App({ outdir, context: { 'pacs-lb:cli': ['pacs-lb'] } });
  new module[className](app, 'imported');
  app.synth();
  return path.join(outdir, 'stacks', 'imported');
}

/** The VIP specs of a synthesized appliance, by name. */
export function specsByName(stackFolder: string, appliance: string): Record<string, VirtualServiceSpec> {
  return Object.fromEntries(readSpecs(stackFolder, appliance).map((s) => [s.name, s]));
}

/** Whether prettier (with --single-quote, its defaults otherwise) leaves the code as it is. */
export function isPrettierFormatted(code: string): Promise<boolean> {
  return prettier.check(code, { parser: 'typescript', singleQuote: true });
}

/** The lbcli client of an administrator at the appliance, for changes made by hand and for saving replies. */
export function adminClient(double: ApplianceDouble): ApplianceApiClient {
  const settings = { host: '127.0.0.1', port: double.port, caFile: double.caFile, insecure: false, connectTimeoutMs: 2000, requestTimeoutMs: 3000, requestDeadlineMs: 6000, retries: 0, retryDelayMs: 10 };
  return new ApplianceApiClient(settings, { apiKey: SECRET.apiKey, username: SECRET.username, password: SECRET.password }, createOutput({ stdout: () => undefined, stderr: () => undefined }, false));
}
