/**
 * `cdktf synth/diff/deploy/destroy` for real: the cdktf CLI drives each engine present
 * (Terraform and/or OpenTofu, see scripts/engine/build-engine.sh), whose null resources run the `pacs-lb` CLI (compiled from
 * lib/) against the Loadbalancer.org appliance CONTRACT DOUBLE (test/support/appliance-double.ts).
 * The app is test/e2e/fixtures/pacs-app: the example site or the small test site. (Deploying to
 * the local HAProxy target is test/e2e/new-project.test.ts, from a separate project.)
 */
import * as fs from 'node:fs';
import { join } from 'node:path';
import { App } from 'cdktf';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CentricityPacsSiteStack } from '../../examples/centricity-pacs/site';
import { realServerCommand, vipCommand } from '../../lib/render/loadbalancer-org/appliance-commands';
import { VirtualServiceSpec } from '../../lib/spec/virtual-service-spec';
import { ApplianceDouble, Command } from '../support/appliance-double';
import { availableEngines, engineOk, RunResult, runWithEngine, succeeded } from '../support/engine';
import { awkwardTempDir, cliEnvironment, compileCli, SECRET, startDouble } from '../integration/cli/harness';
import { TEST_SITE_STACK } from '../integration/cli/test-site';

const APP_DIR = join(__dirname, 'fixtures', 'pacs-app');
const CDKTF = join(__dirname, '..', '..', 'node_modules', '.bin', 'cdktf');
const EXAMPLE_STACK = 'centricity-pacs';
const EXAMPLE_APPLIANCE = 'lb-pacs';

/** Lets the engine install the null provider from the mirror only (see docs/engine.md). */
const NO_REGISTRY = '--skip-provider-lock';

function withoutAction(command: Command): Command {
  const { action: _action, ...rest } = command;
  return rest;
}

/** The appliance configuration a set of VIP specs means: each VIP's add-vip and add-rip parameters. */
function expectedConfig(specs: VirtualServiceSpec[]): Record<string, unknown>[] {
  return specs.map((spec) => ({
    ...withoutAction(vipCommand('add-vip', spec)),
    rips: spec.realServers.map((r) => ({ ...withoutAction(realServerCommand('add-rip', spec, r.name)), state: r.state, health: r.state === 'online' ? 'up' : r.state })),
  }));
}

/** The VIP specs synthesized into a stack folder for an appliance. */
function synthesizedSpecs(stackDir: string, appliance: string): VirtualServiceSpec[] {
  const folder = join(stackDir, 'pacs-lb', appliance, 'vips');
  return fs.readdirSync(folder).map((file) => JSON.parse(fs.readFileSync(join(folder, file), 'utf8')) as VirtualServiceSpec);
}

/** The address of the null resource whose construct path ends with `pathSuffix`. */
function resourceAddress(stackDir: string, pathSuffix: string): string {
  const config = JSON.parse(fs.readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8'));
  const names = Object.entries(config.resource.null_resource as Record<string, { '//': { metadata: { path: string } } }>)
    .filter(([, resource]) => resource['//'].metadata.path.endsWith(pathSuffix))
    .map(([name]) => `null_resource.${name}`);
  if (names.length !== 1) throw new Error(`${pathSuffix}: expected one resource, found ${names.length}`);
  return names[0];
}

const byName = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a.vip).localeCompare(String(b.vip));

/** One synthesized app: where cdktf writes, where the state lives, and the environment it runs with. */
interface AppRun {
  readonly output: string;
  readonly stateFile: string;
  readonly env: NodeJS.ProcessEnv;
}

describe.each(availableEngines())('cdktf deploy, diff and destroy with $label against the appliance contract double', (engine) => {
  let cli: string[];
  let double: ApplianceDouble;

  beforeAll(async () => {
    cli = compileCli();
    double = await startDouble();
  }, 5 * 60_000);
  afterAll(async () => {
    await double.stop();
  });
  beforeEach(() => {
    double.vips.clear();
    double.clearRecords();
  });

  /** A fresh output and state folder, and the environment a user gives cdktf for this site. */
  function appRun(site: 'example' | 'test-site', extra: NodeJS.ProcessEnv = {}): AppRun {
    const stateDir = awkwardTempDir('pacs-lb-e2e-state');
    return {
      output: awkwardTempDir('pacs-lb-e2e-out'),
      stateFile: join(stateDir, 'terraform.tfstate'),
      env: {
        ...cliEnvironment(double, awkwardTempDir('pacs-lb-e2e-locks')),
        E2E_SITE: site,
        E2E_API_PORT: String(double.port),
        E2E_PACS_LB_CLI: JSON.stringify(cli),
        E2E_STATE_DIR: stateDir,
        CI: 'true',
        ...extra,
      },
    };
  }

  function cdktf(run: AppRun, args: readonly string[], extra: NodeJS.ProcessEnv = {}): Promise<RunResult> {
    return succeeded(`cdktf ${args.join(' ')}`, runWithEngine(engine, CDKTF, [...args, '--output', run.output], APP_DIR, { ...run.env, ...extra }));
  }

  it('the example: validate passes, deploy from empty holds exactly the reference VIP set, no credential reaches state or logs, destroy empties the appliance', async () => {
    const run = appRun('example', { PACS_LB_CONNECT_TO: `127.0.0.1:${double.port}` });
    const stackDir = join(run.output, 'stacks', EXAMPLE_STACK);

    await cdktf(run, ['synth']);
    await engineOk(engine, stackDir, ['init', '-input=false']);
    expect((await engineOk(engine, stackDir, ['validate'])).stdout).toContain('Success! The configuration is valid.');

    const deploy = await cdktf(run, ['deploy', EXAMPLE_STACK, '--auto-approve', NO_REGISTRY]);

    const reference = new CentricityPacsSiteStack(new App(), EXAMPLE_STACK).pacs.virtualServices.map((v) => v.name).sort();
    const specs = synthesizedSpecs(stackDir, EXAMPLE_APPLIANCE);
    expect(reference).toHaveLength(19);
    expect(specs.map((s) => s.name).sort()).toEqual(reference);
    expect(double.dumpConfig().vips.sort(byName)).toEqual(expectedConfig(specs).sort(byName));
    expect(double.peakConcurrency).toBe(1);
    expect(double.writes().filter((c) => c.action === 'reload-haproxy')).toHaveLength(1);
    expect(double.writes().at(-1)?.action).toBe('reload-haproxy');

    const state = fs.readFileSync(run.stateFile, 'utf8');
    expect(JSON.parse(state).resources.length).toBeGreaterThan(19);
    for (const text of [state, fs.readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8'), deploy.stdout, deploy.stderr]) {
      for (const secret of [SECRET.apiKey, SECRET.username, SECRET.password, Buffer.from(SECRET.apiKey).toString('base64')]) {
        expect(text).not.toContain(secret);
      }
    }

    await cdktf(run, ['destroy', EXAMPLE_STACK, '--auto-approve', NO_REGISTRY]);
    expect(double.dumpConfig().vips).toEqual([]);
    expect(JSON.parse(fs.readFileSync(run.stateFile, 'utf8')).resources).toEqual([]);
  }, 15 * 60_000);

  it('a weight change: the plan replaces only that VIP\'s spec resource and the reload, deploy sends only that server\'s edit and one reload', async () => {
    const run = appRun('test-site');
    const stackDir = join(run.output, 'stacks', TEST_SITE_STACK);
    await cdktf(run, ['deploy', TEST_SITE_STACK, '--auto-approve', NO_REGISTRY]);
    const deployed = double.dumpConfig().vips.map((v) => v.vip).sort();
    expect(deployed).toEqual(['Test_Dicom', 'Test_HL7', 'Test_Web']);
    double.clearRecords();

    const weight = { E2E_WEB_WEIGHT: '50' };
    const diff = await cdktf(run, ['diff', TEST_SITE_STACK, NO_REGISTRY, '--no-color'], weight);
    expect(diff.stdout).toContain('Plan: 2 to add, 0 to change, 2 to destroy.');
    expect(diff.stdout).toMatch(/~ weight += 100 -> 50/);
    await engineOk(engine, stackDir, ['plan', '-input=false', '-out=weight.plan'], run.env);
    const plan = JSON.parse((await engineOk(engine, stackDir, ['show', '-json', 'weight.plan'], run.env)).stdout);
    const changed = (plan.resource_changes as { address: string; change: { actions: string[] } }[])
      .filter((c) => !c.change.actions.every((a) => a === 'no-op'))
      .map((c) => c.address)
      .sort();
    expect(changed).toEqual([resourceAddress(stackDir, '/web/pacs-lb-spec'), resourceAddress(stackDir, '/lb/pacs-lb-reload')].sort());
    expect(double.writes()).toEqual([]);

    await cdktf(run, ['deploy', TEST_SITE_STACK, '--auto-approve', NO_REGISTRY], weight);
    expect(double.writes().map((c) => [c.action, c.vip, c.rip].filter(Boolean).join(' '))).toEqual(['edit-rip Test_Web WEB1', 'reload-haproxy']);
    expect(double.writes()[0].weight).toBe('50');

    await cdktf(run, ['destroy', TEST_SITE_STACK, '--auto-approve', NO_REGISTRY], weight);
    expect(double.dumpConfig().vips).toEqual([]);
  }, 15 * 60_000);
});
