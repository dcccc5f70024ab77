import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportFromSynthFolder } from '../../../lib/synth/synthesized-report';
import { dataValues, exampleSpecs, svgOf, vipTableOrder } from '../render/report/report-fixtures';

const { folder } = exampleSpecs();
const written = readFileSync(join(folder, 'report.html'), 'utf8');
/** VIP names in the order of vip-table.md's rows (another renderer of the declared order). */
const tableOrder = vipTableOrder(folder);

describe('report.html written at synth', () => {
  it('draws the 19 VIPs in the order of the VIP table', () => {
    expect(tableOrder).toHaveLength(19);
    expect(dataValues(svgOf(written), 'vip')).toEqual(tableOrder);
  });
});

describe('reportFromSynthFolder', () => {
  it('gives the report synth wrote, from the appliance folder, the stack folder or cdktf.out', () => {
    const stack = dirname(dirname(folder));
    const out = dirname(dirname(stack));
    for (const f of [folder, stack, out]) expect(reportFromSynthFolder(f)).toBe(written);
  });

  it('keeps the declared order synth recorded in vip-order.json, and falls back to name order without it', () => {
    const copy = mkdtempSync(join(tmpdir(), 'pacs-lb-report-'));
    cpSync(folder, copy, { recursive: true });
    // appliance-commands.json is not where the order comes from.
    rmSync(join(copy, 'appliance-commands.json'));
    expect(dataValues(svgOf(reportFromSynthFolder(copy)), 'vip')).toEqual(tableOrder);
    rmSync(join(copy, 'vip-order.json'));
    expect(dataValues(svgOf(reportFromSynthFolder(copy)), 'vip')).toEqual([...tableOrder].sort());
    writeFileSync(join(copy, 'vip-order.json'), '{ not json');
    expect(dataValues(svgOf(reportFromSynthFolder(copy)), 'vip')).toEqual([...tableOrder].sort());
  });

  it('reports every appliance of a folder, and the warnings synth gives', () => {
    const stack = mkdtempSync(join(tmpdir(), 'pacs-lb-report-'));
    cpSync(folder, join(stack, 'pacs-lb', 'lb-pacs'), { recursive: true });
    cpSync(folder, join(stack, 'pacs-lb', 'lb-second'), { recursive: true });
    const appliance = JSON.parse(readFileSync(join(folder, 'appliance.json'), 'utf8'));
    writeFileSync(join(stack, 'pacs-lb', 'lb-second', 'appliance.json'), JSON.stringify({ ...appliance, name: 'lb-second', subnets: [] }));
    const html = reportFromSynthFolder(stack);
    expect(dataValues(html, 'appliance').filter((_, i) => i % 2 === 0)).toEqual(['lb-pacs', 'lb-second']);
    expect(dataValues(svgOf(html), 'vip')).toHaveLength(38);
    // The second appliance declares no subnets: each of its 7 DR VIPs gets synth's warning.
    expect(html.match(/\[pacs-lb:dr-subnets-undeclared\] [A-Za-z0-9_]+: realServers: DR needs/g)).toHaveLength(7);
    expect(html).toContain('7 warnings');
  });

  it('says what to give when the folder holds no synthesized appliance', () => {
    expect(() => reportFromSynthFolder(mkdtempSync(join(tmpdir(), 'pacs-lb-empty-')))).toThrow(/no pacs-lb\/<appliance>\/appliance\.json found/);
  });
});
