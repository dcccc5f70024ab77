/**
 * Inputs of the report tests: the bundled example's specs as synth wrote them (declaration
 * order), and small changes of them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApplianceSpec, VirtualServiceSpec } from '../../../../lib';
import { synthesizeExample } from '../../../support/stacks';

/** The example's appliance folder, its appliance spec and its 19 VIP specs in declaration order. */
export function exampleSpecs(): { folder: string; appliance: ApplianceSpec; vips: VirtualServiceSpec[] } {
  const folder = synthesizeExample();
  const appliance = JSON.parse(readFileSync(join(folder, 'appliance.json'), 'utf8')) as ApplianceSpec;
  const order: string[] = JSON.parse(readFileSync(join(folder, 'appliance-commands.json'), 'utf8'))
    .requests.map((r: { vip?: string }) => r.vip)
    .filter((name: string | undefined) => name !== undefined);
  const vips = order.map((name) => JSON.parse(readFileSync(join(folder, 'vips', `${name}.json`), 'utf8')) as VirtualServiceSpec);
  return { folder, appliance, vips };
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
