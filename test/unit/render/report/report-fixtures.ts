/**
 * Inputs of the report tests: the bundled example's specs as synth wrote them (declaration
 * order), and small changes of them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApplianceSpec, VirtualServiceSpec } from '../../../../lib';
import { readSynthesizedFolder } from '../../../../lib/synth/synth-folder';
import { synthesizeExample } from '../../../support/stacks';

/** The example's appliance folder, its appliance spec and its 19 VIP specs in declaration order. */
export function exampleSpecs(): { folder: string; appliance: ApplianceSpec; vips: VirtualServiceSpec[] } {
  const folder = synthesizeExample();
  const [found] = readSynthesizedFolder(folder);
  return { folder, appliance: found.appliance, vips: found.vips };
}

/** The VIP names in the order of a synthesized appliance folder's vip-table.md rows (the renderers' declared order). */
export function vipTableOrder(folder: string): string[] {
  return readFileSync(join(folder, 'vip-table.md'), 'utf8')
    .split('\n')
    .filter((l) => /^\| \d+ \|/.test(l))
    .map((l) => l.split('|')[2].trim());
}

/** A copy of a VIP with fields replaced. */
export function changed(vip: VirtualServiceSpec, changes: Partial<VirtualServiceSpec>): VirtualServiceSpec {
  return { ...structuredClone(vip), ...changes };
}

/** Every `data-<name>="..."` value in a text, in order. */
export function dataValues(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`data-${name}="([^"]*)"`, 'g'))].map((m) => m[1]);
}

/** The text of the SVG diagram(s) of a page. */
export function svgOf(html: string): string {
  return [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]).join('\n');
}
