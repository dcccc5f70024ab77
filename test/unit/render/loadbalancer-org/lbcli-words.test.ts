import * as fs from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { CheckScriptSource, DicomVip, Hl7Vip, Persistence, Ports, ReverseProxyVip } from '../../../../lib';
import { checkScriptProblems } from '../../../../lib/render/loadbalancer-org/check-script-rules';
import { LBCLI_VALUE_WORDS } from '../../../../lib/render/loadbalancer-org/lbcli-words';
import { PARAMETER_KEYS } from '../../../../lib/render/loadbalancer-org/parameter-mapping';
import { applianceStack, synthApplianceFolder, validationMessages } from '../../../support/stacks';

function ccgSite(lbcliOverrides?: Record<string, string>) {
  const site = applianceStack({ lbcliOverrides });
  const ccg = new ReverseProxyVip(site.appliance, 'CCG_IB_2101', {
    address: '192.0.2.107', ports: Ports.single(2101), persistence: Persistence.lastSuccessful(),
    realServers: [{ name: 'CCG1', address: '192.0.2.91', port: 12101 }],
  });
  return { ...site, ccg };
}

const commandsFile = (app: ReturnType<typeof ccgSite>['app']) => JSON.parse(fs.readFileSync(path.join(synthApplianceFolder(app, 'test-stack', 'lb1'), 'appliance-commands.json'), 'utf8'));

describe('corrections of the lbcli vocabulary without a release', () => {
  it('every row has a stable, unique key', () => {
    const keys = [...Object.keys(LBCLI_VALUE_WORDS), ...PARAMETER_KEYS];
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining(['layer7.persistence.last-successful', 'layer7.persist-time.unit', 'layer4.parameter.check_command', 'rip.parameter.weight']));
  });

  it('an override changes the value (and a parameter-name override the name) in appliance-commands.json', () => {
    expect(commandsFile(ccgSite().app).requests[0].body.lbcli[0]).toMatchObject({ persistence: 'last_successful' });
    const corrected = ccgSite({ 'layer7.persistence.last-successful': 'fallback_persist', 'rip.parameter.weight': 'rip_weight' });
    const [vip, rip] = commandsFile(corrected.app).requests[0].body.lbcli;
    expect(vip).toMatchObject({ action: 'add-vip', persistence: 'fallback_persist' });
    expect(rip).toMatchObject({ action: 'add-rip', rip_weight: '100' });
    expect(rip.weight).toBeUndefined();
    expect(corrected.appliance.toSpec().lbcliOverrides).toEqual({ 'layer7.persistence.last-successful': 'fallback_persist', 'rip.parameter.weight': 'rip_weight' });
  });

  it('the README lists every unverified word with its key and the word sent', () => {
    const readme = fs.readFileSync(path.join(__dirname, '../../../../README.md'), 'utf8');
    const unverified = Object.entries(LBCLI_VALUE_WORDS).filter(([, w]) => !w.verified);
    expect(unverified.length).toBeGreaterThan(0);
    for (const [key, w] of unverified) expect(readme, key).toContain(`| \`${key}\` | \`${w.word}\` |`);
  });

  it('an unknown key, or a value that is not one word, fails synth', () => {
    const { app, stack } = ccgSite({ 'layer7.persistence.last-sucessful': 'x', 'layer4.forwarding.nat': 'masq; reboot' });
    expect(validationMessages(stack)).toEqual(expect.arrayContaining([
      expect.stringContaining('lb1: lbcliOverrides: "layer7.persistence.last-sucessful" is not a key of the lbcli mapping table.'),
      expect.stringContaining('lb1: lbcliOverrides: layer4.forwarding.nat: "masq; reboot" is not one lbcli word.'),
    ]));
    expect(() => app.synth()).toThrow(/is not a key of the lbcli mapping table/);
  });
});

describe('check scripts on the appliance', () => {
  function protocolSite(dicomCheckScript?: CheckScriptSource, hl7CheckScript?: CheckScriptSource) {
    const { appliance } = applianceStack({ dicomCheckScript, hl7CheckScript });
    const dicom = new DicomVip(appliance, 'EA_Dicom', { address: '192.0.2.100', realServers: [{ name: 'EA1', address: '192.0.2.21' }] });
    const hl7 = new Hl7Vip(appliance, 'EA_HL7', { address: '192.0.2.101', realServers: [{ name: 'EA1', address: '192.0.2.21' }] });
    return { appliance: appliance.toSpec(), dicom: dicom.toSpec(), hl7: hl7.toSpec() };
  }

  it('not declared: refused, naming the VIP, the script and what to do', () => {
    const { appliance, dicom, hl7 } = protocolSite();
    expect(checkScriptProblems(dicom, appliance)).toEqual([expect.stringMatching(/^EA_Dicom: healthCheck: the DICOM association check runs the script pacs-lb-dicom-EA_Dicom on appliance lb1, which does not declare it installed \(dicomCheckScript: not set\).*pacs-lb check-scripts <folder>.*CheckScriptSource\.UPLOADED or CheckScriptSource\.APPLIANCE_DICOM_ECHO/)]);
    expect(checkScriptProblems(hl7, appliance)[0]).toMatch(/^EA_HL7: healthCheck: the HL7 MLLP check runs the script pacs-lb-hl7-EA_HL7 .*hl7CheckScript: CheckScriptSource\.UPLOADED/);
  });

  it('declared: no problem, and the command carries a file name, never a path', async () => {
    const { vipCommand } = await import('../../../../lib/render/loadbalancer-org/appliance-commands');
    const uploaded = protocolSite(CheckScriptSource.UPLOADED, CheckScriptSource.UPLOADED);
    expect(checkScriptProblems(uploaded.dicom, uploaded.appliance)).toEqual([]);
    expect(checkScriptProblems(uploaded.hl7, uploaded.appliance)).toEqual([]);
    expect(vipCommand('add-vip', uploaded.dicom, uploaded.appliance)).toMatchObject({ check_type: 'external', check_command: 'pacs-lb-dicom-EA_Dicom' });
    const own = protocolSite(CheckScriptSource.APPLIANCE_DICOM_ECHO);
    expect(checkScriptProblems(own.dicom, own.appliance)).toEqual([]);
    expect(vipCommand('add-vip', own.dicom, own.appliance).check_command).toBe(LBCLI_VALUE_WORDS['check.dicom.appliance-script'].word);
    expect(vipCommand('add-vip', own.dicom, { ...own.appliance, lbcliOverrides: { 'check.dicom.appliance-script': 'dicom_check_ae.sh' } }).check_command).toBe('dicom_check_ae.sh');
    expect(vipCommand('add-vip', own.dicom, own.appliance).check_command).not.toContain('/');
  });
});
