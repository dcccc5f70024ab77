import { spawnSync } from 'child_process';
import { App } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { CentricityPacsSiteStack } from '../../../examples/centricity-pacs/site';
import { portsFromLbcli, recoverVirtualService } from '../../../lib/import/recover-spec';
import { camelName } from '../../../lib/import/inventory';
import { group, indent, line, printDoc, softline } from '../../../lib/import/layout';
import { quotePy, snakeCase } from '../../../lib/import/python-code';
import { quoteTs } from '../../../lib/import/typescript-code';
import { ApplianceSpec, VirtualServiceSpec } from '../../../lib/spec/virtual-service-spec';
import { realServerCommand, vipCommand } from '../../../lib/render/loadbalancer-org/appliance-commands';
import { DumpedVip } from '../../../lib/targets/target-state';

const site = new CentricityPacsSiteStack(new App(), 'site');
const example = site.appliance.vipSpecs();

/** A VIP as the appliance reports it after apply: its add-vip and add-rip parameters (in the appliance's words). */
function reported(vip: VirtualServiceSpec, appliance: ApplianceSpec): DumpedVip {
  const { action: _a, layer, ...parameters } = vipCommand('add-vip', vip, appliance);
  return {
    name: vip.name,
    layer: Number(layer),
    parameters,
    realServers: vip.realServers.map((r) => {
      const { action: _r, ...ripParameters } = realServerCommand('add-rip', vip, r.name, appliance);
      return { name: r.name, parameters: ripParameters, state: r.state };
    }),
  };
}

const withoutDescription = ({ description: _d, ...rest }: VirtualServiceSpec) => rest;

describe('recoverVirtualService', () => {
  const plain = site.appliance.toSpec();
  const corrected: ApplianceSpec = { ...plain, lbcliOverrides: { 'layer7.persistence.source-ip': 'src', 'layer4.forwarding.dr': 'direct', 'layer4.parameter.check_port': 'checkport', 'layer7.persist-time.unit': 'seconds' } };

  it.each([['default words', plain], ['corrected words and names', corrected]])('reads every VIP of the example back into its spec (%s), with nothing left over', (_words, appliance) => {
    for (const vip of example) {
      const recovered = recoverVirtualService(reported(vip, appliance), appliance);
      expect(recovered.notes, vip.name).toEqual([]);
      expect(recovered.spec, vip.name).toEqual(withoutDescription(vip));
    }
  });

  it('names each reported value the spec does not reproduce, and leaves out a VIP it cannot read, saying why', () => {
    const dumped = reported(example[0], plain);
    const odd = recoverVirtualService({ ...dumped, parameters: { ...dumped.parameters, fallback: '192.0.2.9', persist_time: '999' } }, plain);
    expect(odd.notes).toEqual([`${dumped.name}: fallback="192.0.2.9" has no prop in the constructs`, `${dumped.name}: persist_time="999" has no prop in the constructs`]);
    const zfp = reported(example.find((v) => v.name === 'ZFP')!, plain);
    const noTimeouts = recoverVirtualService({ ...zfp, parameters: { ...zfp.parameters, timeout: 'off' } }, plain);
    expect(noTimeouts.notes).toEqual(['ZFP: timeout is reported as "off", the constructs would send "on"']);
    const unreadable = recoverVirtualService({ ...dumped, parameters: { ...dumped.parameters, check_type: 'telepathy' }, layer: undefined }, plain);
    expect(unreadable.spec).toBeUndefined();
    expect(unreadable.notes).toEqual([`${dumped.name}: cannot read check_type "telepathy"; the VIP is left out of the code`]);
  });
});

describe('portsFromLbcli', () => {
  it('reads single ports, lists and ranges, and every port but a few as "all except"', () => {
    expect(portsFromLbcli('104')).toEqual({ ranges: [{ first: 104, last: 104 }] });
    expect(portsFromLbcli('8443:9449')).toEqual({ ranges: [{ first: 8443, last: 8443 }, { first: 9449, last: 9449 }] });
    expect(portsFromLbcli('1-19999:20001-65535')).toEqual({ ranges: [{ first: 1, last: 19999 }, { first: 20001, last: 65535 }], allExcept: [20000] });
    expect(portsFromLbcli('80;rm')).toBeUndefined();
  });
});

describe('code layout', () => {
  it('keeps a group on one line when it fits and breaks it at its lines when not', () => {
    const doc = group(['f(', indent([softline, 'alpha,', line, 'beta']), softline, ')']);
    expect(printDoc(doc, 80, 2)).toBe('f(alpha, beta)');
    expect(printDoc(doc, 10, 2)).toBe('f(\n  alpha,\n  beta\n)');
  });

  it('names lists in camelCase from VIP names and component keys', () => {
    expect(camelName('EA_XDS_Service')).toBe('eaXdsService');
    expect(camelName('enterpriseArchive')).toBe('enterpriseArchive');
    expect(camelName('1st-modality')).toBe('vip1stModality');
  });
});

describe('string literals of generated code', () => {
  const hostile = ['it\'s', 'say "hi"', 'back\\slash', 'line\nbreak', "'); evil(); ('", '"""; evil(); """'];

  it('read back as the same text in TypeScript and Python, whatever quotes they hold', () => {
    for (const text of hostile) {
      expect(new Function(`return ${quoteTs(text)};`)()).toBe(text);
      const python = spawnSync('python3', ['-c', `import sys; sys.stdout.write(${quotePy(text)})`], { encoding: 'utf8' });
      expect(python.stdout, text).toBe(text);
    }
  });

  it('name Python arguments in snake_case', () => {
    expect(['managementAddress', 'hl7Mllp', 'allTcpExcept', 'mtCheckPort'].map(snakeCase)).toEqual(['management_address', 'hl7_mllp', 'all_tcp_except', 'mt_check_port']);
  });
});
