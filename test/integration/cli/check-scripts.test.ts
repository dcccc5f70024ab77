import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckScriptSource } from '../../../lib';
import { ApplianceDouble } from '../../support/appliance-double';
import { startStorescp, stopAllPeers } from '../../support/dicom-peers';
import { awkwardTempDir, cliEnvironment, runInProcess, startDouble, synthesize } from './harness';
import { buildTestSite, TestSiteOptions } from './test-site';

// Check scripts the appliance must already have (its API cannot upload one), and corrections of
// the lbcli vocabulary, through the CLI against the contract double; the written DICOM check
// script is run against a real DICOM archive (dcmtk storescp).

let double: ApplianceDouble;
let env: Record<string, string>;
beforeAll(async () => {
  double = await startDouble();
  env = cliEnvironment(double, awkwardTempDir('pacs-lb-state'));
});
afterAll(async () => {
  await double.stop();
  await stopAllPeers();
});

function site(options: Omit<TestSiteOptions, 'apiPort'>) {
  const stack = synthesize(['pacs-lb'], (app) => buildTestSite(app, { apiPort: double.port, ...options }));
  const folder = path.join(stack, 'pacs-lb', 'lb-test');
  const apply = (vip: string) => runInProcess(['apply', vip, '--spec-file', path.join(folder, 'vips', `${vip}.json`), '--appliance-file', path.join(folder, 'appliance.json')], env);
  return { stack, folder, apply };
}

const run = (file: string, args: string[]) => new Promise<number>((resolve) => execFile('sh', [file, ...args], { timeout: 20_000 }, (error) => resolve(error ? (typeof error.code === 'number' ? error.code : -1) : 0)));

describe('DICOM check scripts', () => {
  it('not declared installed: apply refuses the VIP, naming it and the script, and sends nothing', async () => {
    double.clearRecords();
    const result = await site({ dicomCheckScript: CheckScriptSource.NOT_INSTALLED }).apply('Test_Dicom');
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('pacs-lb: Test_Dicom: healthCheck: the DICOM association check runs the script pacs-lb-dicom-Test_Dicom on appliance lb-test, which does not declare it installed');
    expect(double.requests).toEqual([]);
  });

  it('declared: the add-vip carries the script\'s file name; check-scripts writes it, and it checks a real archive', async () => {
    double.vips.clear();
    const { stack, apply } = site({});
    expect((await apply('Test_Dicom')).code).toBe(0);
    expect(double.writes()[0]).toMatchObject({ action: 'add-vip', vip: 'Test_Dicom', check_type: 'external', check_command: 'pacs-lb-dicom-Test_Dicom' });

    const out = awkwardTempDir('pacs-lb-check-scripts');
    const written = await runInProcess(['check-scripts', out, '--from', stack], env);
    expect(written.code, written.stderr).toBe(0);
    const script = path.join(out, 'lb-test', 'pacs-lb-dicom-Test_Dicom');
    expect(written.stdout.split('\n').filter(Boolean)).toEqual([
      `${path.join(out, 'lb-test', 'pacs-lb-check')}: upload pacs-lb-check to lb-test:/var/lib/loadbalancer.org/check/pacs-lb-check, mode 0755`,
      `${script}: upload pacs-lb-dicom-Test_Dicom to lb-test:/var/lib/loadbalancer.org/check/pacs-lb-dicom-Test_Dicom, mode 0755`,
      'lb-test: then set dicomCheckScript / hl7CheckScript: CheckScriptSource.UPLOADED on the appliance construct and deploy again.',
    ]);
    expect(fs.statSync(script).mode & 0o777).toBe(0o755);

    // As the appliance runs it: VIP, VIP port, real server, real server port.
    const archive = await startStorescp();
    const refusing = await startStorescp({ refuse: true });
    expect(await run(script, ['192.0.2.100', '104', '127.0.0.1', String(archive.port)])).toBe(0);
    expect(await run(script, ['192.0.2.100', '104', '127.0.0.1', String(refusing.port)])).toBe(1);
    await archive.stop();
    expect(await run(script, ['192.0.2.100', '104', '127.0.0.1', String(archive.port)])).toBe(1);
    expect(await run(script, ['192.0.2.100', '104', '127.0.0.1;reboot', String(archive.port)])).toBe(2);
  });
});

describe('corrections of the lbcli vocabulary', () => {
  it('an override changes the word in appliance-commands.json, lbcli-commands.sh and the requests', async () => {
    double.vips.clear();
    double.clearRecords();
    const { folder, apply } = site({ lbcliOverrides: { 'layer4.forwarding.nat': 'nat' } });
    const commands = JSON.parse(fs.readFileSync(path.join(folder, 'appliance-commands.json'), 'utf8'));
    const hl7 = commands.requests.find((r: { vip?: string }) => r.vip === 'Test_HL7').body.lbcli[0];
    expect(hl7).toMatchObject({ action: 'add-vip', forwarding: 'nat' });
    expect(fs.readFileSync(path.join(folder, 'lbcli-commands.sh'), 'utf8')).toContain('--vip Test_HL7 --ip 192.0.2.104 --ports 2575 --protocol tcp --forwarding nat');
    expect((await apply('Test_HL7')).code).toBe(0);
    expect(double.writes()[0]).toMatchObject({ action: 'add-vip', vip: 'Test_HL7', forwarding: 'nat' });
  });
});
