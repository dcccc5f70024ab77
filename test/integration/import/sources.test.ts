import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READ_COMMANDS } from '../../../lib/targets/loadbalancer-org/appliance-reply';
import { ApplianceDouble } from '../../support/appliance-double';
import { awkwardTempDir, runInProcess } from '../cli/harness';
import { adminClient, exampleApplianceFolder, exampleOnDouble, GENERATED, importInto, isPrettierFormatted, specsByName, synthesizeExampleStack, synthesizeGenerated } from './import-harness';

// The other sources of `pacs-lb import`: a saved reply (air-gapped: no appliance, no
// credentials), `pacs-lb status --json` output, and the local HAProxy target's folder; then
// what a hostile configuration cannot do to the generated code, and that the code type-checks.

const REPO = path.resolve(__dirname, '../../..');
let example: string;
let saved: string;
const exampleFolder = () => exampleApplianceFolder(example);

beforeAll(() => {
  example = synthesizeExampleStack();
  saved = awkwardTempDir('pacs-lb-replies');
});

describe('saved replies', () => {
  let double: ApplianceDouble;
  beforeAll(async () => {
    let env: Record<string, string>;
    ({ double, env } = await exampleOnDouble(example, 'xml-json'));
    fs.writeFileSync(path.join(saved, 'dumpconfig.json'), JSON.stringify(await adminClient(double).read(READ_COMMANDS.dumpconfig)));
    double.dialect = 'virtual-list';
    fs.writeFileSync(path.join(saved, 'virtual.json'), JSON.stringify(await adminClient(double).read(READ_COMMANDS.virtualByLayer)));
    const status = await runInProcess(['status', '--json', '--appliance-file', path.join(exampleFolder(), 'appliance.json')], env);
    fs.writeFileSync(path.join(saved, 'status.json'), status.stdout);
  });
  afterAll(() => double.stop());

  it.each(['dumpconfig.json', 'virtual.json', 'status.json'])('%s imports without the appliance or credentials into the example\'s specs', async (file) => {
    await double.stop().catch(() => undefined);
    const { run, code, file: generated } = await importInto(`reply-${path.basename(file, '.json')}`, ['--reply-file', path.join(saved, file), '--host', '192.0.2.5', '--name', 'lb-pacs'], {});
    expect(run.stderr).toContain(`19 VIPs read from reply file ${file}`);
    expect(run.stderr).not.toContain('not expressed');
    expect(code).toContain("managementAddress: '192.0.2.5'");
    expect(specsByName(await synthesizeGenerated(generated), 'lb-pacs')).toEqual(specsByName(example, 'lb-pacs'));
  });

  it('refuses a file that is no reply, saying what to give', async () => {
    const bad = path.join(saved, 'not-a-reply.json');
    fs.writeFileSync(bad, JSON.stringify({ hello: 'world' }));
    const run = await runInProcess(['import', '--reply-file', bad, '--host', '192.0.2.5'], {});
    expect(run.code).toBe(6);
    expect(run.stderr).toContain('not a reply pacs-lb understands. Give the saved reply of "list --function dumpconfig"');
    const noHost = await runInProcess(['import', '--reply-file', path.join(saved, 'status.json')], {});
    expect(noHost.code).toBe(2);
    expect(noHost.stderr).toContain('Give --host <address>');
  });
});

describe('the local HAProxy target\'s folder', () => {
  it('imports the specs it keeps (from --local-folder, or the appliance file naming it)', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pacs-lb-i15-local-'));
    const applianceFile = path.join(folder, 'appliance.json');
    const appliance = JSON.parse(fs.readFileSync(path.join(exampleFolder(), 'appliance.json'), 'utf8'));
    fs.writeFileSync(applianceFile, JSON.stringify({ ...appliance, target: { kind: 'local-haproxy', folder } }));
    for (const file of fs.readdirSync(path.join(exampleFolder(), 'vips'))) {
      const run = await runInProcess(['apply', '--spec-file', path.join(exampleFolder(), 'vips', file), '--appliance-file', applianceFile], { PACS_LB_STATE_DIR: folder });
      expect(run.code, run.stderr).toBe(0);
    }
    const fromFolder = await importInto('local-folder', ['--local-folder', folder, '--name', 'lb-pacs'], {});
    const fromAppliance = await importInto('local-appliance', ['--appliance-file', applianceFile], { PACS_LB_STATE_DIR: folder });
    for (const { run, code, file } of [fromFolder, fromAppliance]) {
      expect(run.stderr).toContain(`19 VIPs read from local HAProxy folder ${folder}`);
      expect(code).toContain('target: ApplianceTarget.localHaproxy({');
      expect(code).not.toContain('description:');
      expect(specsByName(await synthesizeGenerated(file), 'lb-pacs')).toEqual(specsByName(example, 'lb-pacs'));
    }
    fs.writeFileSync(path.join(folder, 'vips', 'Broken.json'), '{"half": ');
    const broken = await runInProcess(['import', '--local-folder', folder], {});
    expect(broken.code).toBe(3);
    expect(broken.stderr).toContain(`${path.join(folder, 'vips', 'Broken.json')}: not a VIP spec the local HAProxy target wrote. Remove it, or re-apply the VIP, then import again.`);
    fs.rmSync(folder, { recursive: true, force: true });
  });
});

describe('a hostile configuration', () => {
  const hostile = "Evil'); require('child_process').execSync('touch /tmp/pwned'); //";
  const reply = {
    lbapi: [{ status: 'success', config: { vips: [{ vip: 'Web_VIP', layer: '7', ip: '192.0.2.50', ports: '443', mode: 'tcp', check_type: 'negotiate_https', check_request: hostile, rips: [{ rip: 'WEB1', ip: '192.0.2.51', port: '443' }] }] } }],
  };

  it('stays data: every value lands in one string literal of valid code', async () => {
    const file = path.join(saved, 'hostile.json');
    fs.writeFileSync(file, JSON.stringify(reply));
    const { code } = await importInto('hostile', ['--reply-file', file, '--host', '192.0.2.5', '--name', 'lb-h'], {});
    expect(await isPrettierFormatted(code)).toBe(true);
    const source = ts.createSourceFile('hostile.ts', code, ts.ScriptTarget.ES2020, true);
    const literals: string[] = [];
    const calls: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteral(node)) literals.push(node.text);
      if (ts.isCallExpression(node)) calls.push(node.expression.getText(source));
      ts.forEachChild(node, visit);
    };
    visit(source);
    expect(literals).toContain(hostile);
    expect(calls.sort()).toEqual(['HealthCheck.httpsGet', 'Ports.single', 'super']);
  });

  it('refuses code options that would become code', async () => {
    const run = await runInProcess(['import', '--reply-file', path.join(saved, 'hostile.json'), '--host', '192.0.2.5', '--class-name', 'X {}; evil(); class Y', '--library-import', "x'; evil(); '"], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--class-name: "X {}; evil(); class Y" is not an identifier.');
    expect(run.stderr).toContain('--library-import:');
    const help = await runInProcess(['import', '--help'], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: pacs-lb import');
    expect(help.stdout.replace(/\s+/g, " ")).toContain("--language <language> the language of the code (choices: \"typescript\", \"python\"");
  });
});

describe('a configuration the constructs cannot take as it is', () => {
  it('lists every VIP the library would refuse, what cannot be written, and left-out settings, and says the code differs', async () => {
    const reply = {
      lbapi: [{ status: 'success', config: { vips: [
        { vip: 'Bad_VIP', layer: '4', ip: 'not-an-ip', ports: '104', forwarding: 'gate', check_type: 'connect', rips: [{ rip: 'R1', ip: '192.0.2.1', weight: '999' }] },
        { vip: 'Mixed_Ports', layer: '7', ip: '192.0.2.9', ports: '80:8000-9000', mode: 'http', check_type: 'connect', check_port: '80', rips: [{ rip: 'W1', ip: '192.0.2.12' }] },
        { vip: 'Long_Timeouts', layer: '7', ip: '192.0.2.10', ports: '443', mode: 'tcp', check_type: 'connect', rips: [{ rip: 'W1', ip: '192.0.2.11', port: '8443', state: 'maint' }] },
      ] } }],
    };
    const file = path.join(saved, 'odd.json');
    fs.writeFileSync(file, JSON.stringify(reply));
    const { run, code } = await importInto('odd', ['--reply-file', file, '--host', '192.0.2.5', '--name', 'lb-odd'], {});
    const notes = run.stderr.split('\n').filter((l) => l.startsWith('import: not expressed: '));
    expect(notes).toEqual([
      "import: not expressed: Long_Timeouts: a real server's state is not online, drain or halt; it is imported as online",
      'import: not expressed: Bad_VIP: address: "not-an-ip" is not an IPv4 or IPv6 address. Give a unicast IPv4 address such as 192.0.2.10 or an IPv6 address such as 2001:db8::10. (the library refuses this at synth: fix it in the code)',
      'import: not expressed: Bad_VIP: realServers[R1].weight: 999 is out of range. Use a whole number from 0 to 256. (the library refuses this at synth: fix it in the code)',
      'import: not expressed: Mixed_Ports: ports: these ranges cannot be written with one Ports factory; the VIP is left out of the code',
    ]);
    expect(code).toContain('// SOME DIFFER (see below): review before deploying.');
    // Timeouts the reply leaves out are the appliance's default (12 h): written so that apply keeps them.
    expect(code).toMatch(/clientTimeoutSeconds: 43200,\s*serverTimeoutSeconds: 43200,/);
    expect(code).not.toContain("'Mixed_Ports', {");
    expect(await isPrettierFormatted(code)).toBe(true);
  });
});

describe('the generated code', () => {
  it('type-checks with the strict compiler settings of this project', () => {
    const files = fs.readdirSync(GENERATED).filter((f) => f.endsWith('.ts')).map((f) => path.join(GENERATED, f));
    expect(files.length).toBeGreaterThanOrEqual(4);
    const tsc = path.join(REPO, 'node_modules', '.bin', 'tsc');
    const args = ['--noEmit', '--strict', '--noUnusedLocals', '--skipLibCheck', '--target', 'es2020', '--module', 'commonjs', '--esModuleInterop', ...files];
    expect(() => execFileSync(tsc, args, { cwd: REPO, stdio: 'pipe' })).not.toThrow();
  });
});
