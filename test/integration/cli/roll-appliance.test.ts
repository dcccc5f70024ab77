/**
 * `pacs-lb roll` against the appliance contract double: the appliance cannot report sessions, so
 * each drain is followed by the documented fixed wait (--drain-wait), and the roll sends, per
 * server and in order, exactly a drain and then an online, never taking two servers out at once.
 */
import * as path from 'path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApplianceDouble } from '../../support/appliance-double';
import { awkwardTempDir, cliEnvironment, runInProcess, startDouble, synthesize } from './harness';
import { buildTestSite } from './test-site';

let double: ApplianceDouble;
let env: Record<string, string>;
let applianceFile: string;

beforeAll(async () => {
  double = await startDouble();
  env = cliEnvironment(double, awkwardTempDir('pacs-lb-roll-state'));
  const stack = synthesize(['pacs-lb'], (app) => buildTestSite(app, { apiPort: double.port }));
  applianceFile = path.join(stack, 'pacs-lb', 'lb-test', 'appliance.json');
  for (const name of ['Test_Dicom', 'Test_Web', 'Test_HL7']) {
    const run = await runInProcess(['apply', name, '--spec-file', path.join(stack, 'pacs-lb', 'lb-test', 'vips', `${name}.json`), '--appliance-file', applianceFile], env);
    expect(run.code, run.stderr).toBe(0);
  }
  double.clearRecords();
});
afterAll(() => double.stop());

it('on a target without session counts: drain, the fixed drain wait, online, one server at a time', async () => {
  const servers = [...double.vips.get('Test_Dicom')!.realServers.keys()];
  expect(servers.length).toBeGreaterThan(1);
  const run = await runInProcess(['roll', '--vip', 'Test_Dicom', '--drain-wait', '0.2', '--appliance-file', applianceFile], env);
  expect(run.code, run.stderr).toBe(0);
  expect(double.writes().map((c) => `${c.action} ${c.rip}`)).toEqual(servers.flatMap((rip) => [`drain ${rip}`, `online ${rip}`]));
  for (const rip of servers) expect(run.stderr).toContain(`roll Test_Dicom: ${rip}: the appliance https://`);
  expect(run.stderr).toContain('cannot report sessions; waiting the drain time, 0.2 s (--drain-wait)');
  expect(run.stderr).toContain(`roll Test_Dicom: done, ${servers.length} server(s)`);
});
