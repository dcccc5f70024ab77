import * as fs from 'fs';
import * as path from 'path';
import { readSynthesizedFolder, SynthesizedAppliance } from '../../cli/synth-folder';
import { resolveVirtualService } from '../../spec/resolved-virtual-service';
import { VirtualServiceSpec } from '../../spec/virtual-service-spec';
import { reportWarnings } from './report-files';
import { renderReportPage } from './report-page';

/** The `vip` of each request in an appliance-commands.json; none when the file is missing or unreadable. */
function requestedVipNames(file: string): unknown[] {
  try {
    const requests: unknown = JSON.parse(fs.readFileSync(file, 'utf8')).requests;
    return Array.isArray(requests) ? requests.map((r) => (r as { vip?: unknown } | null)?.vip) : [];
  } catch {
    return [];
  }
}

/**
 * The VIPs in the order the app declared them: the order of `appliance-commands.json`'s requests
 * (written by the same synth), then any VIP it does not name, by name. The VIP files alone only
 * give name order, and the report numbers VIPs as the app (and the vendor's guide) does.
 */
function inDeclaredOrder(found: SynthesizedAppliance): VirtualServiceSpec[] {
  const order = requestedVipNames(path.join(found.folder, 'appliance-commands.json'));
  const rank = (vip: VirtualServiceSpec): number => (order.includes(vip.name) ? order.indexOf(vip.name) : order.length);
  return [...found.vips].sort((a, b) => rank(a) - rank(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * The report of every appliance in a synthesized folder (`cdktf.out`, a stack's folder, or one
 * appliance's folder), read from `pacs-lb/<appliance>/appliance.json` and `vips/*.json`: what
 * `pacs-lb report <folder>` prints. For one appliance it equals the `report.html` synth wrote.
 */
export function reportFromSynthFolder(folder: string): string {
  return renderReportPage(
    readSynthesizedFolder(folder).map((found) => {
      const vips = inDeclaredOrder(found);
      return { appliance: found.appliance, vips: vips.map(resolveVirtualService), warnings: reportWarnings(found.appliance, vips) };
    }),
  );
}
