import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import * as prettier from 'prettier';
import { expect } from 'vitest';
import { createOutput } from '../../../lib/cli/output';
import { VirtualServiceSpec } from '../../../lib/spec/virtual-service-spec';
import { ApplianceApiClient } from '../../../lib/targets/loadbalancer-org/api-client';
import { CentricityPacsSiteStack } from '../../../examples/centricity-pacs/site';
import { ApplianceDouble } from '../../support/appliance-double';
import { ReplyDialect } from '../../support/appliance-reply-dialects';
import { awkwardTempDir, CliRun, cliEnvironment, readSpecs, runInProcess, SECRET, startDouble, synthesize } from '../cli/harness';

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

/** The example site (examples/centricity-pacs) synthesized with `pacs-lb` as the CLI; returns its stack folder. */
export function synthesizeExampleStack(): string {
  return synthesize(['pacs-lb'], (app) => {
    new CentricityPacsSiteStack(app, 'centricity-pacs');
    return 'centricity-pacs';
  });
}

/** The example's appliance folder (appliance.json, vips/) in its stack folder. */
export const exampleApplianceFolder = (stack: string): string => path.join(stack, 'pacs-lb', 'lb-pacs');

/** A contract double speaking `dialect` with the example deployed on it, and the CLI environment that reaches it. */
export async function exampleOnDouble(stack: string, dialect: ReplyDialect): Promise<{ double: ApplianceDouble; env: Record<string, string> }> {
  const double = await startDouble(0, { dialect });
  const env = cliEnvironment(double, awkwardTempDir('pacs-lb-state'), { PACS_LB_CONNECT_TO: `127.0.0.1:${double.port}` });
  await deployFolder(exampleApplianceFolder(stack), env);
  return { double, env };
}
