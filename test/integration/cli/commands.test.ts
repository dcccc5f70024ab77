import * as fs from 'fs';
import * as path from 'path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApplianceDouble } from '../../support/appliance-double';
import { awkwardTempDir, cliEnvironment, runInProcess, startDouble, synthesize } from './harness';
import { buildTestSite } from './test-site';

// Every pacs-lb command against the double, in-process (the same code the binary runs).

let double: ApplianceDouble;
let env: Record<string, string>;
let stack: string;
let applianceFile: string;
const specFile = (name: string) => path.join(stack, 'pacs-lb', 'lb-test', 'vips', `${name}.json`);
const writes = () => double.writes().map((c) => [c.action, c.vip, c.rip].filter(Boolean).join(' '));

beforeAll(async () => {
  double = await startDouble();
  env = cliEnvironment(double, awkwardTempDir('pacs-lb-state'));
  stack = synthesize(['pacs-lb'], (app) => buildTestSite(app, { apiPort: double.port }));
  applianceFile = path.join(stack, 'pacs-lb', 'lb-test', 'appliance.json');
});
afterAll(() => double.stop());
beforeEach(async () => {
  double.vips.clear();
  for (const name of ['Test_Dicom', 'Test_Web', 'Test_HL7']) {
    const run = await runInProcess(['apply', name, '--spec-file', specFile(name), '--appliance-file', applianceFile], env);
    expect(run.code, run.stderr).toBe(0);
  }
  expect((await runInProcess(['reload', '--appliance-file', applianceFile], env)).code).toBe(0);
  double.clearRecords();
});

describe('help and usage', () => {
  it('every command has --help, and the program lists exit codes and credentials', async () => {
    const top = await runInProcess(['--help'], env);
    expect(top.code).toBe(0);
    for (const command of ['apply', 'delete', 'reload', 'prune', 'drain', 'halt', 'online', 'status', 'diff', 'validate']) {
      expect(top.stdout).toContain(command);
      const help = await runInProcess([command, '--help'], env);
      expect(help.code, command).toBe(0);
      expect(help.stdout, command).toContain(`Usage: pacs-lb ${command}`);
    }
    expect(top.stdout).toContain('Exit codes: 0 ok, 1 internal, 2 usage, 3 invalid, 4 auth, 5 unreachable, 6 refused, 7 locked, 8 drift');
    expect(top.stdout).toContain('PACS_LB_API_KEY');
  });

  it('a wrong command line exits 2', async () => {
    expect((await runInProcess(['apply', '--no-such-option'], env)).code).toBe(2);
    expect((await runInProcess(['drain', '--vip', 'X'], env)).code).toBe(2);
    expect((await runInProcess(['delete', 'X', '--layer', '5'], env)).code).toBe(2);
  });
});

describe('apply', () => {
  it('--dry-run prints the exact request and sends only the read', async () => {
    double.vips.delete('Test_HL7');
    const run = await runInProcess(['apply', '--dry-run', '--spec-file', specFile('Test_HL7'), '--appliance-file', applianceFile], env);
    expect(run.code, run.stderr).toBe(0);
    const printed = JSON.parse(run.stdout);
    expect(printed.body.lbcli.map((c: { action: string }) => c.action)).toEqual(['add-vip', 'add-rip']);
    expect(printed.body.lbcli[0]).toMatchObject({ action: 'add-vip', layer: '4', vip: 'Test_HL7', ip: '192.0.2.104', ports: '2575', forwarding: 'masq' });
    expect(double.requests.map((r) => r.commands[0].action)).toEqual(['list']);
  });

  it('--reload reloads once after writing', async () => {
    double.vips.get('Test_Web')!.realServers.get('WEB1')!.parameters.weight = '7';
    const run = await runInProcess(['apply', 'Test_Web', '--reload', '--spec-file', specFile('Test_Web'), '--appliance-file', applianceFile], env);
    expect(run.code, run.stderr).toBe(0);
    expect(writes()).toEqual(['edit-rip Test_Web WEB1', 'reload-haproxy']);
  });

  it('reload sends only the reloads of layers changed since the last one; --layer forces one', async () => {
    const reload = (...args: string[]) => runInProcess(['reload', ...args, '--appliance-file', applianceFile], env);
    const nothing = await reload();
    expect(nothing.code, nothing.stderr).toBe(0);
    expect(nothing.stderr).toContain('nothing to reload');
    expect(writes()).toEqual([]);
    double.vips.get('Test_Dicom')!.realServers.get('EA1')!.parameters.weight = '7';
    expect((await runInProcess(['apply', '--spec-file', specFile('Test_Dicom'), '--appliance-file', applianceFile], env)).code).toBe(0);
    expect((await reload()).code).toBe(0);
    expect(writes()).toEqual(['edit-rip Test_Dicom EA1', 'reload-ldirectord']);
    double.clearRecords();
    expect((await reload('--layer', '7')).code).toBe(0);
    expect((await reload('--layer', 'all')).code).toBe(0);
    expect(writes()).toEqual(['reload-haproxy', 'reload-ldirectord', 'reload-haproxy']);
  });

  it('refuses a VIP the appliance has at another layer, without writing', async () => {
    double.vips.get('Test_Web')!.parameters.layer = '4';
    const run = await runInProcess(['apply', '--spec-file', specFile('Test_Web'), '--appliance-file', applianceFile], env);
    expect(run.code).toBe(6);
    expect(run.stderr).toContain('Test_Web: layer: the appliance has this VIP at Layer 4, the spec at Layer 7. Delete it with "pacs-lb delete Test_Web"');
    expect(writes()).toEqual([]);
  });

  it('refuses an invalid spec (exit 3) and a spec for another VIP (exit 2), sending nothing', async () => {
    const bad = JSON.parse(fs.readFileSync(specFile('Test_HL7'), 'utf8'));
    bad.name = 'HL7; rm -rf /';
    const invalid = await runInProcess(['apply'], { ...env, PACS_LB_SPEC: JSON.stringify(bad), PACS_LB_APPLIANCE: fs.readFileSync(applianceFile, 'utf8') });
    expect(invalid.code).toBe(3);
    expect(invalid.stderr).toContain('name');
    const other = await runInProcess(['apply', 'Test_Web', '--spec-file', specFile('Test_HL7'), '--appliance-file', applianceFile], env);
    expect(other.code).toBe(2);
    expect(double.requests).toEqual([]);
  });
});

describe('day-2 commands', () => {
  it('drain, halt and online set a real server\'s state', async () => {
    for (const state of ['drain', 'halt', 'online']) {
      const run = await runInProcess([state, '--vip', 'Test_Web', '--rip', 'WEB2', '--appliance-file', applianceFile], env);
      expect(run.code, run.stderr).toBe(0);
      expect(double.vips.get('Test_Web')!.realServers.get('WEB2')!.state).toBe(state);
    }
    expect(writes()).toEqual(['drain Test_Web WEB2', 'halt Test_Web WEB2', 'online Test_Web WEB2']);
  });

  it('a state change of an unknown real server exits 6; a bad name exits 2 before sending', async () => {
    expect((await runInProcess(['drain', '--vip', 'Test_Web', '--rip', 'NOPE', '--appliance-file', applianceFile], env)).code).toBe(6);
    const bad = await runInProcess(['drain', '--vip', 'Test_Web', '--rip', 'x;reboot', '--appliance-file', applianceFile], env);
    expect(bad.code).toBe(2);
    expect(double.requests).toHaveLength(1);
  });

  it('--host and --api-port address an appliance without a synthesized file', async () => {
    const run = await runInProcess(['drain', '--vip', 'Test_Web', '--rip', 'WEB1', '--host', '127.0.0.1', '--api-port', String(double.port)], env);
    expect(run.code, run.stderr).toBe(0);
    expect(writes()).toEqual(['drain Test_Web WEB1']);
  });

  it('delete removes a VIP (reloading for Layer 7), is done when it is gone, and refuses another layer', async () => {
    const run = await runInProcess(['delete', 'Test_Web', '--layer', '7', '--appliance-file', applianceFile], env);
    expect(run.code, run.stderr).toBe(0);
    expect(writes()).toEqual(['delete-vip Test_Web', 'reload-haproxy']);
    const again = await runInProcess(['delete', 'Test_Web', '--appliance-file', applianceFile], env);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('Test_Web: not on the appliance; nothing to delete');
    const wrongLayer = await runInProcess(['delete', 'Test_HL7', '--layer', '7', '--appliance-file', applianceFile], env);
    expect(wrongLayer.code).toBe(6);
    expect(double.vips.has('Test_HL7')).toBe(true);
  });

  it('status prints a table, or JSON', async () => {
    double.vips.get('Test_Dicom')!.realServers.get('EA2')!.state = 'drain';
    const table = await runInProcess(['status', '--appliance-file', applianceFile], env);
    expect(table.code).toBe(0);
    const lines = table.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^VIP\s+LAYER\s+ADDRESS\s+PORTS\s+RIP\s+RIP ADDRESS\s+WEIGHT\s+STATE\s+OWNER\s+HEALTH$/);
    expect(lines).toHaveLength(6);
    expect(lines.find((l) => l.includes('EA2'))).toMatch(/^Test_Dicom\s+4\s+192\.0\.2\.100\s+104\s+EA2\s+192\.0\.2\.22\s+100\s+drain\s+operator\s+drain$/);
    const json = JSON.parse((await runInProcess(['status', '--json', '--appliance-file', applianceFile], env)).stdout);
    expect(json.vips.map((v: { name: string }) => v.name)).toEqual(['Test_Dicom', 'Test_Web', 'Test_HL7']);
  });
});

describe('validate and diff of a synthesized folder', () => {
  it('validate accepts the synthesized folder and reports a tampered spec (exit 3)', async () => {
    const ok = await runInProcess(['validate', stack], env);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('lb-test: 3 VIPs valid');
    const copy = awkwardTempDir('pacs-lb-tampered');
    fs.cpSync(stack, copy, { recursive: true });
    const file = path.join(copy, 'pacs-lb', 'lb-test', 'vips', 'Test_HL7.json');
    const spec = JSON.parse(fs.readFileSync(file, 'utf8'));
    spec.realServers[0].name = 'bad\nname';
    spec.realServers[0].weight = 9999;
    fs.writeFileSync(file, JSON.stringify(spec));
    const bad = await runInProcess(['validate', copy], env);
    expect(bad.code).toBe(3);
    expect(bad.stderr.trim().split('\n').length).toBeGreaterThanOrEqual(2);
    expect(bad.stderr).toMatch(/^Test_HL7: realServers/m);

    // An appliance spec edited by hand with an unknown override key is caught too.
    const applianceCopy = path.join(copy, 'pacs-lb', 'lb-test', 'appliance.json');
    fs.writeFileSync(applianceCopy, JSON.stringify({ ...JSON.parse(fs.readFileSync(applianceCopy, 'utf8')), lbcliOverrides: { 'no.such.key': 'x' } }));
    expect((await runInProcess(['validate', copy], env)).stderr).toContain('lb-test: lbcliOverrides: "no.such.key" is not a key of the lbcli mapping table.');
  });

  it('one format-version check: validate and apply refuse a spec of another schemaVersion with the same words (exit 3)', async () => {
    const copy = awkwardTempDir('pacs-lb-version');
    fs.cpSync(stack, copy, { recursive: true });
    const file = path.join(copy, 'pacs-lb', 'lb-test', 'vips', 'Test_HL7.json');
    fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), schemaVersion: 99 }));
    const words = 'schemaVersion: is 99, this pacs-lb understands 1. Use the pacs-lb of the library version that synthesized it.';
    const validated = await runInProcess(['validate', copy], env);
    expect(validated.code).toBe(3);
    expect(validated.stderr).toContain(`Test_HL7: ${words}`);
    const applied = await runInProcess(['apply', 'Test_HL7', '--spec-file', file, '--appliance-file', path.join(copy, 'pacs-lb', 'lb-test', 'appliance.json'), '--dry-run'], env);
    expect(applied.code).toBe(3);
    expect(applied.stderr).toContain(`Test_HL7: ${words}`);
  });

  it('diff exits 0 without drift, 8 with it, naming what differs', async () => {
    expect((await runInProcess(['diff', stack], env)).code).toBe(0);
    double.vips.get('Test_Web')!.realServers.get('WEB1')!.parameters.weight = '1';
    double.vips.set('Stray', { parameters: { vip: 'Stray', layer: '4' }, realServers: new Map() });
    const drift = await runInProcess(['diff', stack], env);
    expect(drift.code).toBe(8);
    expect(drift.stdout.trim().split('\n')).toEqual(['~ lb-test Test_Web: edit-rip WEB1', '- lb-test Stray: on the appliance, not in the app']);
    expect(writes()).toEqual([]);
  });
});

describe('the CLI\'s rough edges', () => {
  const withoutCredentials = () => Object.fromEntries(Object.entries(env).filter(([name]) => !/API_KEY|USERNAME|PASSWORD/.test(name)));

  it('every message names the flag or environment variable to use', async () => {
    const noSpec = await runInProcess(['apply', '--appliance-file', applianceFile], env);
    expect(noSpec.code).toBe(2);
    expect(noSpec.stderr).toContain('no VIP spec: give --spec-file <file> or set PACS_LB_SPEC');
    const noAppliance = await runInProcess(['status'], env);
    expect(noAppliance.stderr).toContain('no appliance spec: give --appliance-file <file> or set PACS_LB_APPLIANCE');
    const unreadable = await runInProcess(['apply', '--spec-file', '/nonexistent/x.json', '--appliance-file', applianceFile], env);
    expect(unreadable.stderr).toContain('VIP spec: --spec-file /nonexistent/x.json: cannot read it (ENOENT). Give --spec-file a readable file.');
    const badRetries = await runInProcess(['status', '--appliance-file', applianceFile], { ...env, PACS_LB_RETRIES: 'many' });
    expect(badRetries.stderr).toContain('PACS_LB_RETRIES: "many" is not a non-negative number. Give PACS_LB_RETRIES a number.');
    const badLock = await runInProcess(['status', '--appliance-file', applianceFile, '--lock-timeout', 'soon'], env);
    expect(badLock.stderr).toContain('--lock-timeout: "soon" is not a non-negative number. Give --lock-timeout a number.');
    expect((await runInProcess(['apply', '--offline', '--spec-file', specFile('Test_Web'), '--appliance-file', applianceFile], env)).stderr).toContain('give --dry-run with them');
  });

  it('apply --dry-run --offline plans against an empty appliance: no network, no credentials, the exact requests printed', async () => {
    const run = await runInProcess(['apply', '--dry-run', '--offline', '--spec-file', specFile('Test_Web'), '--appliance-file', applianceFile], withoutCredentials());
    expect(run.code, run.stderr).toBe(0);
    const printed = JSON.parse(run.stdout);
    expect(printed.target).toBe('appliance (offline: empty appliance)');
    expect(printed.body.lbcli.map((c: { action: string; rip?: string }) => [c.action, c.rip].filter(Boolean).join(' '))).toEqual(['add-vip', 'add-rip WEB1', 'add-rip WEB2']);
    expect(double.requests).toEqual([]);
  });

  it('apply --dry-run --saved-state plans against a state saved by status --json', async () => {
    const saved = path.join(awkwardTempDir('pacs-lb-saved'), 'state.json');
    const status = await runInProcess(['status', '--json', '--appliance-file', applianceFile], env);
    fs.writeFileSync(saved, status.stdout);
    double.clearRecords();
    const same = await runInProcess(['apply', '--dry-run', '--saved-state', saved, '--spec-file', specFile('Test_Web'), '--appliance-file', applianceFile], withoutCredentials());
    expect(same.code, same.stderr).toBe(0);
    expect(same.stderr).toContain('Test_Web: no change');
    const state = JSON.parse(status.stdout);
    state.vips.find((v: { name: string }) => v.name === 'Test_Web').realServers[0].parameters.weight = '7';
    fs.writeFileSync(saved, JSON.stringify(state));
    const changed = await runInProcess(['apply', '--dry-run', '--saved-state', saved, '--spec-file', specFile('Test_Web'), '--appliance-file', applianceFile], withoutCredentials());
    expect(JSON.parse(changed.stdout).body.lbcli).toEqual([expect.objectContaining({ action: 'edit-rip', rip: 'WEB1', weight: '100' })]);
    expect(double.requests).toEqual([]);
  });

  it('--host works with a synthesized VIP spec, with or without the appliance spec', async () => {
    double.vips.get('Test_Web')!.realServers.get('WEB1')!.parameters.weight = '7';
    const host = ['--host', '127.0.0.1', '--api-port', String(double.port)];
    const bare = await runInProcess(['apply', ...host, '--spec-file', specFile('Test_Web')], env);
    expect(bare.code, bare.stderr).toBe(0);
    expect(writes()).toEqual(['edit-rip Test_Web WEB1']);
    double.clearRecords();
    const withSpec = await runInProcess(['apply', ...host, '--spec-file', specFile('Test_Dicom'), '--appliance-file', applianceFile], env);
    expect(withSpec.code, withSpec.stderr).toBe(0);
    expect(withSpec.stderr).toContain('Test_Dicom: no change');
  });
});

