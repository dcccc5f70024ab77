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

it('credentials echoed by the appliance in any escaped form never reach the output, with or without --debug', async () => {
  const secret = { apiKey: 'SENTINEL/KEY"ë\\7f3a+', username: 'sëntinel/user', password: 'SENTINEL"PASS/ë\\c0d3' };
  const raw = [secret.apiKey, secret.username, secret.password, Buffer.from(secret.apiKey).toString('base64'), Buffer.from(`${secret.username}:${secret.password}`).toString('base64')];
  const json = (s: string) => JSON.stringify(s).slice(1, -1);
  const php = (s: string) => json(s).replace(/\//g, '\\/').replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const allUnicode = (s: string, upper: boolean) => [...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).map((e) => (upper ? e.toUpperCase().replace('\\U', '\\u') : e)).join('');
  const forms = raw.flatMap((s) => [s, json(s), php(s), php(s).toUpperCase() === php(s) ? php(s) : php(s).replace(/\\u([0-9a-f]{4})/g, (_m, h: string) => `\\u${h.toUpperCase()}`), allUnicode(s, false), allUnicode(s, true)]);

  const sentinelDouble = await ApplianceDouble.start({ apiKey: secret.apiKey, username: secret.username, password: secret.password });
  try {
    const env = {
      ...cliEnvironment(sentinelDouble, awkwardTempDir('pacs-lb-state')),
      PACS_LB_API_KEY: secret.apiKey, PACS_LB_USERNAME: secret.username, PACS_LB_PASSWORD: secret.password,
      PACS_LB_APPLIANCE: JSON.stringify(sentinelDouble.applianceSpec()),
    };
    for (const debug of [[], ['--debug']]) {
      // The write is answered "failed" with a message echoing every form.
      sentinelDouble.injectFaults({ kind: 'echo', text: `rejected: ${forms.join(' | ')}` });
      const run = await runInProcess(['drain', '--vip', 'V', '--rip', 'R', ...debug], env);
      expect(run.code, run.stderr).toBe(6);
      const printed = run.stdout + run.stderr;
      expect(printed).toContain('rejected: [redacted]');
      expect(forms.filter((f) => printed.includes(f)), debug.join(' ')).toEqual([]);
      expect(printed).not.toMatch(/SENTINEL|ntinel|7f3a|c0d3/i);
      if (debug.length > 0) expect(printed).toContain('debug: reply 200');
    }
  } finally {
    await sentinelDouble.stop();
  }
});
