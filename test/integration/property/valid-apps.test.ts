/**
 * Property test over valid apps built from plain JavaScript (valid-apps.mjs): every kind of
 * VIP, check, persistence, port form and real-server state, IPv4 and IPv6, single appliances
 * and HA pairs. Each app passes validation, and every file synth writes is accepted by the
 * real tools: `haproxy -c`, `keepalived --config-test` (on each node of an HA pair), `nft -c`,
 * and `bash -n` on every shell script. Tools run once per batch, over every app's file.
 *
 * The seed is printed; PACS_LB_SEED replays a run, PACS_LB_VALID_APPS changes the count.
 */
import * as fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RenderedFile } from '../../../lib/render/renderer';
import { renderApplianceFiles } from '../../../lib/synth/appliance-renderers';
import { validationMessages } from '../../support/stacks';
import { haproxyConfigChecks, keepalivedConfigTests, nftChecks, shellSyntaxChecks, ToolResult } from '../keepalived/tool-checks';
// @ts-ignore: plain JavaScript, as a JavaScript user writes it
import { appPlan, buildApp } from './valid-apps.mjs';

const RUNS = Number(process.env.PACS_LB_VALID_APPS ?? 500);
const seed = Number(process.env.PACS_LB_SEED ?? Date.now() % 2 ** 31);
console.log(`valid-apps property test: ${RUNS} apps, seed ${seed} (replay with PACS_LB_SEED=${seed})`);

const outdir = mkdtempSync(join(tmpdir(), 'pacs-lb-valid-apps-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

interface BuiltApp {
  readonly pair: boolean;
  readonly problems: string[];
  readonly files: RenderedFile[];
}

const apps: BuiltApp[] = fc.sample(appPlan, { numRuns: RUNS, seed }).map((plan: any) => {
  const { stack, appliance } = buildApp(plan, outdir);
  const problems = validationMessages(stack);
  return { pair: plan.pair, problems, files: problems.length === 0 ? renderApplianceFiles(appliance.toSpec(), appliance.vipSpecs()) : [] };
});

/** The content of each app's file at that path (apps without it are left out), with the app's index. */
function filesAt(test: (path: string) => boolean, only: (app: BuiltApp) => boolean = () => true): { app: number; content: string }[] {
  return apps.flatMap((app, i) => (only(app) ? app.files.filter((f) => test(f.path)).map((f) => ({ app: i, content: f.content })) : []));
}

/** The first file a tool did not accept (any output, or a non-zero status), with what the tool said. */
function firstRefusal(inputs: { app: number; content: string }[], results: ToolResult[]): string | undefined {
  const i = results.findIndex((r) => r.output.trim() !== '' || r.status !== 0);
  return i < 0 ? undefined : `seed ${seed}, app ${inputs[i].app}: status ${results[i].status}\n${results[i].output}\n${inputs[i].content}`;
}

describe(`${RUNS} generated valid apps from plain JavaScript (seed ${seed})`, () => {
  it('cover single appliances and HA pairs, and all pass validation', () => {
    expect(apps.filter((a) => a.problems.length > 0).map((a) => a.problems)[0]).toBeUndefined();
    expect(apps.some((a) => a.pair) && apps.some((a) => !a.pair)).toBe(true);
  });

  it('haproxy -c accepts every haproxy.cfg', () => {
    const configs = filesAt((p) => p === 'haproxy.cfg');
    expect(configs.length).toBeGreaterThan(RUNS / 4);
    expect(firstRefusal(configs, haproxyConfigChecks(configs.map((c) => c.content)))).toBeUndefined();
  }, 300_000);

  it('keepalived --config-test accepts every keepalived.conf, on each node of an HA pair', () => {
    const confs = filesAt((p) => p === 'keepalived.conf');
    expect(confs).toHaveLength(RUNS);
    expect(firstRefusal(confs, keepalivedConfigTests(confs.map((c) => c.content), 'primary'))).toBeUndefined();
    const pairs = filesAt((p) => p === 'keepalived.conf', (a) => a.pair);
    expect(firstRefusal(pairs, keepalivedConfigTests(pairs.map((c) => c.content), 'secondary'))).toBeUndefined();
  }, 300_000);

  it('nft -c accepts every nftables.nft', () => {
    const rulesets = filesAt((p) => p === 'nftables.nft');
    expect(rulesets).toHaveLength(RUNS);
    expect(firstRefusal(rulesets, nftChecks(rulesets.map((r) => r.content)))).toBeUndefined();
  }, 300_000);

  it('bash -n accepts every shell script (appliance commands, check script, Linux real-server scripts)', () => {
    const scripts = filesAt((p) => p.endsWith('.sh') || p === 'checks/pacs-lb-check');
    expect(scripts.length).toBeGreaterThan(RUNS * 2);
    expect(firstRefusal(scripts, shellSyntaxChecks(scripts.map((s) => s.content), 'bash'))).toBeUndefined();
  }, 300_000);
});
