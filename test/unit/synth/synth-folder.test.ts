/**
 * The synthesized folder's layout, read through lib/synth/synth-folder.ts only: the VIPs'
 * declaration order recorded at synth, and each reader that depends on it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isStackFolder,
  readSynthesizedFolder,
  sortByDeclaredOrder,
  SynthFolderError,
  synthesizedApplianceFile,
  synthesizedVipNames,
  synthesizedVipOrder,
  vipSpecsBeside,
} from '../../../lib/synth/synth-folder';
import { synthesizeExample } from '../../support/stacks';
import { vipTableOrder } from '../render/report/report-fixtures';

const folder = synthesizeExample();
const stack = dirname(dirname(folder));
/** The VIP names in the order of vip-table.md's rows (the renderers' declared order). */
const tableOrder = vipTableOrder(folder);

describe('the VIP order record', () => {
  it('synth writes vip-order.json with the VIP names in declaration order', () => {
    const record = JSON.parse(readFileSync(join(folder, 'vip-order.json'), 'utf8'));
    expect(tableOrder).toHaveLength(19);
    expect(record).toMatchObject({ generatedBy: 'cdktf-pacs-lb', appliance: 'lb-pacs', vips: tableOrder });
    expect(tableOrder).not.toEqual([...tableOrder].sort());
  });

  it('every reader gives the VIPs in that order: the folder reader, the stack folder readers, the specs beside appliance.json', () => {
    expect(readSynthesizedFolder(folder)[0].vips.map((v) => v.name)).toEqual(tableOrder);
    expect(synthesizedVipNames(stack, 'lb-pacs')).toEqual(tableOrder);
    expect(synthesizedVipOrder(stack, 'lb-pacs')).toEqual(tableOrder);
    expect(vipSpecsBeside(join(folder, 'appliance.json')).map((v) => v.name)).toEqual(tableOrder);
  });

  it('without the record (or with an unreadable one), name order', () => {
    const copy = mkdtempSync(join(tmpdir(), 'pacs-lb-order-'));
    cpSync(folder, copy, { recursive: true });
    rmSync(join(copy, 'vip-order.json'));
    expect(readSynthesizedFolder(copy)[0].vips.map((v) => v.name)).toEqual([...tableOrder].sort());
    writeFileSync(join(copy, 'vip-order.json'), '{ not json');
    expect(readSynthesizedFolder(copy)[0].vips.map((v) => v.name)).toEqual([...tableOrder].sort());
  });

  it('sorts specs into a declared order, names it does not know last by name', () => {
    const specs = ['C', 'A', 'D', 'B'].map((name) => ({ name }));
    expect(sortByDeclaredOrder(specs, ['D', 'B']).map((s) => s.name)).toEqual(['D', 'B', 'A', 'C']);
    expect(sortByDeclaredOrder(specs, []).map((s) => s.name)).toEqual(['A', 'B', 'C', 'D']);
  });
});

describe('the stack folder', () => {
  it('is one when it holds cdk.tf.json; the appliance file is found only there and only for an appliance the app has', () => {
    expect(isStackFolder(stack)).toBe(true);
    expect(isStackFolder(folder)).toBe(false);
    expect(synthesizedApplianceFile(stack, 'lb-pacs')).toBe(join(folder, 'appliance.json'));
    expect(synthesizedApplianceFile(stack, 'lb-gone')).toBeUndefined();
    expect(synthesizedApplianceFile(folder, 'lb-pacs')).toBeUndefined();
    expect(synthesizedVipNames(stack, 'lb-gone')).toEqual([]);
    expect(synthesizedVipOrder(folder, 'lb-pacs')).toEqual([]);
  });
});

describe('errors', () => {
  it('a folder without an appliance, or a spec file that is not JSON, is a SynthFolderError that says what to do', () => {
    expect(() => readSynthesizedFolder(mkdtempSync(join(tmpdir(), 'pacs-lb-empty-')))).toThrow(SynthFolderError);
    const copy = mkdtempSync(join(tmpdir(), 'pacs-lb-broken-'));
    cpSync(folder, copy, { recursive: true });
    writeFileSync(join(copy, 'vips', 'ZFP.json'), '{');
    expect(() => readSynthesizedFolder(copy)).toThrow(/ZFP\.json: cannot read it as JSON .*Synthesize again\./);
  });
});
