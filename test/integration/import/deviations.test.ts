import * as path from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CentricityPacsSiteStack } from '../../../examples/centricity-pacs/site';
import { RealServerState } from '../../../lib/spec/real-server-state';
import { ApplianceDouble } from '../../support/appliance-double';
import { READABLE_DIALECTS } from '../../support/appliance-reply-dialects';
import { awkwardTempDir, cliEnvironment, startDouble, synthesize } from '../cli/harness';
import { adminClient, deployFolder, importInto, isPrettierFormatted, specsByName, synthesizeGenerated } from './import-harness';

// A site configured by hand from the guide, with the deviations hospitals really have: the
// example deployed, then changed at the appliance's console (lbcli) as an administrator would.

/** The changes made by hand: a weight, a drained server, a changed port, an extra VIP with a setting no construct has. */
const BY_HAND = [
  { action: 'edit-rip', vip: 'DAS_Pool', rip: 'DAS2', weight: '50' },
  { action: 'drain', vip: 'EA_Dicom_Service', rip: 'EA2' },
  { action: 'edit-vip', layer: '4', vip: 'EA_HL7_Service', ports: '2577' },
  {
    action: 'add-vip', layer: '4', vip: 'MR_Modality_Dicom', ip: '192.0.2.120', ports: '104', protocol: 'tcp', forwarding: 'masq',
    persistent: 'off', scheduler: 'wrr', check_type: 'connect', check_port: '104', fallback: '192.0.2.250',
  },
  { action: 'add-rip', vip: 'MR_Modality_Dicom', rip: 'MR1', ip: '192.0.2.41', port: '11112' },
  { action: 'add-rip', vip: 'MR_Modality_Dicom', rip: 'MR2', ip: '192.0.2.42', port: '11112', weight: '200' },
];

let example: string;
beforeAll(() => {
  example = synthesize(['pacs-lb'], (app) => {
    new CentricityPacsSiteStack(app, 'centricity-pacs');
    return 'centricity-pacs';
  });
});

describe.each(READABLE_DIALECTS)('import of a hand-made site in reply dialect %s', (dialect) => {
  let double: ApplianceDouble;
  let env: Record<string, string>;
  const exampleFolder = () => path.join(example, 'pacs-lb', 'lb-pacs');
  beforeAll(async () => {
    double = await startDouble(0, { dialect });
    env = cliEnvironment(double, awkwardTempDir('pacs-lb-state'), { PACS_LB_CONNECT_TO: `127.0.0.1:${double.port}` });
    await deployFolder(exampleFolder(), env);
    const results = await adminClient(double).send(BY_HAND);
    expect(results.map((r) => r.status)).toEqual(BY_HAND.map(() => 'success'));
  });
  afterAll(() => double.stop());

  it('writes code that reproduces each deviation, lists what it cannot express, and deploys with no write', async () => {
    const { run, code, file } = await importInto(`deviations-${dialect}`, ['--appliance-file', path.join(exampleFolder(), 'appliance.json')], env);
    expect(await isPrettierFormatted(code)).toBe(true);
    // The deviations, written as overrides of the preset and one plain VIP.
    expect(code).toContain('EA_HL7_Service: { ports: Ports.single(2577) }');
    expect(code).toMatch(/EA_Dicom_Service: \{\s*realServers: \[\s*enterpriseArchiveServers\[0\],\s*\{ \.\.\.enterpriseArchiveServers\[1\], state: RealServerState\.DRAIN \},?\s*\],?\s*\}/);
    // DAS_Pool is its component's only VIP: the weight belongs in the named inventory itself.
    expect(code).toContain("{ name: 'DAS2', address: '192.0.2.32', weight: 50 },");
    expect(code).not.toContain('DAS_Pool: {');
    expect(code).toContain("new Layer4Vip(appliance, 'MR_Modality_Dicom', {");
    expect(code.match(/new CentricityPacs\(/g)).toHaveLength(1);
    // What no construct can express: at the top of the file and in the output, never dropped.
    const note = 'MR_Modality_Dicom: fallback="192.0.2.250" has no prop in the constructs';
    expect(code).toContain(`// - ${note}`);
    expect(run.stderr).toContain(`import: not expressed: ${note}`);
    expect(run.stderr.match(/not expressed/g)).toHaveLength(1);

    const imported = specsByName(await synthesizeGenerated(file), 'lb-pacs');
    const original = specsByName(example, 'lb-pacs');
    expect(imported.EA_HL7_Service.ports).toEqual({ ranges: [{ first: 2577, last: 2577 }] });
    expect(imported.EA_Dicom_Service.realServers.map((r) => r.state)).toEqual([RealServerState.ONLINE, RealServerState.DRAIN]);
    expect(imported.DAS_Pool.realServers.map((r) => r.weight)).toEqual([100, 50, 100]);
    expect(imported.MR_Modality_Dicom).toMatchObject({ layer: 4, forwarding: 'nat', address: '192.0.2.120', scheduler: 'wrr', healthCheck: { kind: 'connect', port: 104 } });
    expect(imported.MR_Modality_Dicom.realServers.map((r) => [r.name, r.port, r.weight])).toEqual([['MR1', 11112, 100], ['MR2', 11112, 200]]);
    const untouched = Object.keys(original).filter((n) => !['EA_HL7_Service', 'EA_Dicom_Service', 'DAS_Pool'].includes(n));
    for (const name of untouched) expect(imported[name], name).toEqual(original[name]);

    double.clearRecords();
    await deployFolder(path.join(await synthesizeGenerated(file), 'pacs-lb', 'lb-pacs'), env);
    expect(double.writes()).toEqual([]);
  });
});
