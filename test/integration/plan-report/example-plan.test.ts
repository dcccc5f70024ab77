/**
 * `pacs-lb plan-report` against a real plan made by each engine present (Terraform and/or OpenTofu, with the stand-in null
 * provider, see test/support/engine.ts): the bundled example is applied (its null resources
 * created, provisioners left out so no appliance is needed), then planned after a weight change
 * (EA1 of EA_Dicom_Service to 50) and a VIP removal (the CCG component's four VIPs); the plan's
 * report matches the reviewed fixture, in Markdown, and the HTML page renders in Chromium.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { CentricityPacsProps } from '../../../lib';
import { readPlanVips } from '../../../lib/plan-report/plan-changes';
import { CentricityPacsSiteStack } from '../../../examples/centricity-pacs/site';
import { availableEngines, engineOk } from '../../support/engine';
import { runInProcess } from '../cli/harness';

const FIXTURE = path.join(__dirname, 'fixtures', 'example-plan-report.md');
const STACK = 'centricity-pacs';

/** The example's Terraform JSON, synthesized with these prop changes, its state kept in `stateFile`. */
function synthesized(changes: Partial<CentricityPacsProps>, stateFile: string): Record<string, unknown> {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'plan-report-synth-')) });
  new CentricityPacsSiteStack(app, STACK, changes);
  app.synth();
  const config = JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', STACK, 'cdk.tf.json'), 'utf8')) as { terraform: Record<string, unknown> };
  fs.rmSync(app.outdir, { recursive: true, force: true });
  // cdktf's default local backend writes beside the working directory of the synth: keep it in the test's folder.
  config.terraform.backend = { local: { path: stateFile } };
  return config;
}

/** The same configuration without provisioners: applying it records the resources and runs nothing. */
function withoutProvisioners(config: Record<string, unknown>): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(config)) as { resource?: Record<string, Record<string, Record<string, unknown>>> };
  for (const resources of Object.values(copy.resource ?? {})) for (const resource of Object.values(resources)) delete resource.provisioner;
  return copy as Record<string, unknown>;
}

describe.each(availableEngines())('pacs-lb plan-report of a real plan of the example ($label)', (engine) => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-report-'));
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('after a weight change and a VIP removal: the reviewed report, and a page Chromium renders', async () => {
    const configFile = path.join(work, 'cdk.tf.json');
    const stateFile = path.join(work, 'terraform.tfstate');
    fs.writeFileSync(configFile, JSON.stringify(withoutProvisioners(synthesized({}, stateFile))));
    await engineOk(engine, work, ['init', '-input=false']);
    await engineOk(engine, work, ['apply', '-input=false', '-auto-approve']);
    expect(JSON.parse(fs.readFileSync(stateFile, 'utf8')).resources.length).toBeGreaterThan(30);

    const ea = { address: '192.0.2.100', servers: [{ name: 'EA1', address: '192.0.2.21', weight: 50 }, { name: 'EA2', address: '192.0.2.22' }] };
    fs.writeFileSync(configFile, JSON.stringify(synthesized({ enterpriseArchive: ea, ccg: undefined }, stateFile)));
    await engineOk(engine, work, ['plan', '-input=false', '-refresh=false', '-out=change.plan']);
    const planJson = (await engineOk(engine, work, ['show', '-json', 'change.plan'])).stdout;
    const planFile = path.join(work, 'plan.json');
    fs.writeFileSync(planFile, planJson);

    // The plan itself: the engine replaces EA VIPs' spec resources and deletes the CCG ones.
    const vips = readPlanVips(JSON.parse(planJson));
    expect(vips.changes.map((c) => `${c.kind} ${c.vip} ${c.impact}`)).toContain('remove CCG_IB_2101 removes');

    const markdown = await runInProcess(['plan-report', planFile], {});
    expect(markdown.code, markdown.stderr).toBe(0);
    expect(`${markdown.stdout.trimEnd()}\n`).toBe(fs.readFileSync(FIXTURE, 'utf8'));

    const htmlFile = path.join(work, 'report.html');
    expect((await runInProcess(['plan-report', planFile, '--format', 'html', '--output', htmlFile], {})).code).toBe(0);
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-report-chromium-'));
    const browser = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`file://${htmlFile}`);
      expect(await page.locator('h2').allTextContents()).toEqual(['Appliance lb-pacs']);
      const labels = await page.locator('span.impact').allTextContents();
      expect(new Set(labels)).toEqual(new Set(vips.changes.flatMap((c) => (c.kind === 'change' ? c.fields.map((f) => f.impact) : [c.impact]))));
      const removed = page.locator('tr', { hasText: 'CCG_IB_2101' }).locator('span.impact');
      expect(await removed.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(244, 204, 204)');
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  }, 600_000);
});
