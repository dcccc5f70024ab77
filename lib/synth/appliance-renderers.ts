import { haproxyFiles } from '../render/haproxy/haproxy-files';
import { keepalivedFiles } from '../render/keepalived/keepalived-files';
import { nftablesFiles } from '../render/nftables/nftables-files';
import { realServerFiles } from '../render/real-server/real-server-files';
import { applianceCommands } from '../render/loadbalancer-org/appliance-command-files';
import { reportFiles } from '../render/report/report-files';
import { ApplianceRenderer, jsonFile, RenderedFile } from '../render/renderer';
import { vipTableFiles } from '../render/vip-table';
import { resolveVirtualService } from '../spec/resolved-virtual-service';
import { ApplianceSpec, VirtualServiceSpec } from '../spec/virtual-service-spec';
import { virtualServiceWarnings } from '../validation/virtual-service-rules';
import { APPLIANCE_SPEC_PATH, VIP_ORDER_PATH, vipOrderRecord, vipSpecPath } from './synth-folder';

/** The spec files every reader of a synthesized folder reads: `appliance.json`, `vip-order.json` and `vips/<VIP>.json`. */
const specs: ApplianceRenderer = (appliance, vips) => [
  jsonFile(APPLIANCE_SPEC_PATH, appliance),
  jsonFile(VIP_ORDER_PATH, vipOrderRecord(appliance, vips.map((vip) => vip.spec))),
  ...vips.map((vip) => jsonFile(vipSpecPath(vip.name), vip.spec)),
];

/** Every appliance-level output, in the order written. */
export const APPLIANCE_RENDERERS: ApplianceRenderer[] = [specs, applianceCommands, vipTableFiles, haproxyFiles, keepalivedFiles, nftablesFiles, realServerFiles, reportFiles];

/** The validation warnings of an appliance's VIPs, in VIP order, as synth reports them. */
export function applianceWarnings(appliance: ApplianceSpec, vips: VirtualServiceSpec[]): string[] {
  return vips.flatMap((vip) => virtualServiceWarnings(vip, appliance));
}

/**
 * All files of an appliance's output folder (VIPs in declaration order), each VIP resolved once
 * for all renderers. Pure: same input, byte-identical output.
 */
export function renderApplianceFiles(appliance: ApplianceSpec, vips: VirtualServiceSpec[]): RenderedFile[] {
  const warnings = applianceWarnings(appliance, vips);
  const resolved = vips.map(resolveVirtualService);
  return APPLIANCE_RENDERERS.flatMap((render) => render(appliance, resolved, warnings));
}
