/**
 * Inputs of the report tests: the bundled example's specs as synth wrote them (declaration
 * order), and small changes of them.
 */
import { ApplianceSpec, VirtualServiceSpec } from '../../../../lib';
import { readSynthesizedFolder } from '../../../../lib/synth/synth-folder';
import { synthesizeExample } from '../../../support/stacks';

/** The example's appliance folder, its appliance spec and its 19 VIP specs in declaration order. */
export function exampleSpecs(): { folder: string; appliance: ApplianceSpec; vips: VirtualServiceSpec[] } {
  const folder = synthesizeExample();
  const [found] = readSynthesizedFolder(folder);
  return { folder, appliance: found.appliance, vips: found.vips };
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
