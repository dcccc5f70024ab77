import * as path from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CentricityPacsSiteStack } from '../../../examples/centricity-pacs/site';
import { ApplianceDouble } from '../../support/appliance-double';
import { READABLE_DIALECTS, REPLY_DIALECTS } from '../../support/appliance-reply-dialects';
import { awkwardTempDir, CliRun, cliEnvironment, expectedConfig, readSpecs, runInProcess, startDouble, synthesize } from './harness';

// The example deployed through every reply dialect the contract double speaks: from empty it
// gives the 19 reference VIPs; a second apply sends no write (write-only: only add-* answered
// exists, and edit-* that change nothing); nothing ever advises deleting a VIP.

let stack: string;
beforeAll(() => {
  stack = synthesize(['pacs-lb'], (app) => {
    new CentricityPacsSiteStack(app, 'centricity-pacs');
    return 'centricity-pacs';
  });
});

const byName = (a: { vip?: unknown }, b: { vip?: unknown }) => String(a.vip).localeCompare(String(b.vip));

describe.each(REPLY_DIALECTS)('reply dialect %s', (dialect) => {
  let double: ApplianceDouble;
  let env: Record<string, string>;
  beforeAll(async () => {
    double = await startDouble(0, { dialect });
    env = cliEnvironment(double, awkwardTempDir('pacs-lb-state'), { PACS_LB_CONNECT_TO: `127.0.0.1:${double.port}` });
  });
  afterAll(() => double.stop());

  const folder = () => path.join(stack, 'pacs-lb', 'lb-pacs');
  /** apply of every VIP, then the reload, as Terraform runs them. */
  async function deployAll(): Promise<CliRun[]> {
    const runs: CliRun[] = [];
    for (const spec of readSpecs(stack, 'lb-pacs')) {
      runs.push(await runInProcess(['apply', spec.name, '--spec-file', path.join(folder(), 'vips', `${spec.name}.json`), '--appliance-file', path.join(folder(), 'appliance.json')], env));
    }
    runs.push(await runInProcess(['reload', 'lb-pacs', '--appliance-file', path.join(folder(), 'appliance.json')], env));
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).not.toMatch(/pacs-lb delete|drops its connections/);
    }
    return runs;
  }

  it('deploys the example from empty: the 19 reference VIPs', async () => {
    const runs = await deployAll();
    const specs = readSpecs(stack, 'lb-pacs');
    expect(specs).toHaveLength(19);
    expect(double.dumpConfig().vips.sort(byName)).toEqual((expectedConfig(specs) as { vip: string }[]).sort(byName));
    const notices = runs.map((r) => r.stderr.split('could not be read').length - 1);
    expect(notices.slice(0, -1)).toEqual(specs.map(() => (READABLE_DIALECTS.includes(dialect) ? 0 : 1)));
  });

  it('a second apply of every VIP sends no write that changes anything', async () => {
    double.clearRecords();
    await deployAll();
    if (READABLE_DIALECTS.includes(dialect)) {
      expect(double.writes()).toEqual([]);
    } else {
      // Write-only: every add-* answered exists (and became an edit that changed nothing).
      const answered = double.requests.flatMap((r) => r.commands.map((c, i) => [c.action, r.answers[i]]));
      const adds = answered.filter(([action]) => action.startsWith('add-'));
      expect(adds.length).toBeGreaterThan(19);
      expect(adds.every(([, answer]) => answer === 'exists')).toBe(true);
      expect(double.writes().every((c) => /^(add|edit)-(vip|rip)$/.test(c.action) || c.action.startsWith('reload-'))).toBe(true);
      expect(double.effectiveEdits).toEqual([]);
    }
  });

  it('delete (as the identity resource runs it, with --layer) removes a VIP and reloads its layer', async () => {
    double.clearRecords();
    const run = await runInProcess(['delete', 'EA_XDS_Service', '--layer', '4', '--appliance-file', path.join(folder(), 'appliance.json')], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/drops its connections/);
    expect(double.writes().map((c) => [c.action, c.layer].filter(Boolean).join(' '))).toEqual(['delete-vip 4', 'reload-ldirectord']);
    expect(double.vips.has('EA_XDS_Service')).toBe(false);
  });
});
