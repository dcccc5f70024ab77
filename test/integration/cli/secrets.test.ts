import * as fs from 'fs';
import * as path from 'path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CentricityPacsSiteStack } from '../../../examples/centricity-pacs/site';
import { ApplianceDouble } from '../../support/appliance-double';
import { awkwardTempDir, cliEnvironment, compileCli, runInProcess, SECRET, startDouble, synthesize } from './harness';
import { TerraformLike } from './terraform-like';

// The API key, user and password never appear in cdk.tf.json, the rendered files, the
// Terraform state, or anything the CLI prints, even with debugging on.

let double: ApplianceDouble;
beforeAll(async () => {
  double = await startDouble();
});
afterAll(() => double.stop());

/** Each secret and the encodings it travels in. */
const forms = [
  SECRET.apiKey, SECRET.username, SECRET.password,
  Buffer.from(SECRET.apiKey).toString('base64'),
  Buffer.from(`${SECRET.username}:${SECRET.password}`).toString('base64'),
];

function filesUnder(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(folder, e.name)) : [path.join(folder, e.name)]));
}

function leaks(text: string): string[] {
  return forms.filter((f) => text.includes(f));
}

it('no secret in synthesized files, state, provisioner output or CLI output', async () => {
  const env = { ...(process.env as Record<string, string>), ...cliEnvironment(double, awkwardTempDir('pacs-lb-state'), { PACS_LB_CONNECT_TO: `127.0.0.1:${double.port}`, PACS_LB_DEBUG: '1' }) };
  // Synthesize with the credentials in this process's environment, as a user's shell would have them.
  const saved = { ...process.env };
  Object.assign(process.env, env);
  let stack: string;
  try {
    stack = synthesize(compileCli(), (app) => {
      new CentricityPacsSiteStack(app, 'centricity-pacs');
      return 'centricity-pacs';
    });
  } finally {
    process.env = saved;
  }
  const files = filesUnder(stack);
  expect(files.map((f) => path.relative(stack, f))).toEqual(expect.arrayContaining(['cdk.tf.json', path.join('pacs-lb', 'lb-pacs', 'appliance-commands.json')]));
  for (const file of files) expect(leaks(fs.readFileSync(file, 'utf8')), file).toEqual([]);

  const terraform = new TerraformLike(env);
  await terraform.apply(stack);
  expect(leaks(JSON.stringify([...terraform.state]))).toEqual([]);
  const provisionerOutput = terraform.runs.map((r) => r.output).join('\n');
  expect(provisionerOutput).toContain('X-LB-APIKEY: [redacted] Authorization: [redacted]'); // debug was on
  expect(leaks(provisionerOutput)).toEqual([]);
  // ...while the appliance did get them.
  expect(double.requests[0].headers['x-lb-apikey']).toBe(forms[3]);

  const appliance = path.join(stack, 'pacs-lb', 'lb-pacs', 'appliance.json');
  for (const args of [['status', '--json'], ['status'], ['drain', '--vip', 'EA_Dicom_Service', '--rip', 'EA1', '--dry-run'], ['reload', '--dry-run']]) {
    const run = await runInProcess([...args, '--appliance-file', appliance, '--debug'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(leaks(run.stdout + run.stderr), args.join(' ')).toEqual([]);
  }
  // A secret that reached a message anyway (an appliance echoing the header) is redacted.
  double.injectFaults({ kind: 'failed', action: 'list', message: `bad key ${forms[3]} for ${SECRET.username}` });
  const echoed = await runInProcess(['status', '--appliance-file', appliance], env);
  expect(echoed.code).toBe(6);
  expect(echoed.stderr).toContain('bad key [redacted] for [redacted]');
});
