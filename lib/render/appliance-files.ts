import { resolveVirtualService } from '../spec/resolved-virtual-service';
import { ApplianceSpec, VirtualServiceSpec } from '../spec/virtual-service-spec';
import { haproxyFiles } from './haproxy/haproxy-files';
import { keepalivedFiles } from './keepalived/keepalived-files';
import { applianceCommands } from './loadbalancer-org/appliance-command-files';
import { nftablesFiles } from './nftables/nftables-files';
import { realServerFiles } from './real-server/real-server-files';
import { reportFiles } from './report/report-files';
import { ApplianceRenderer, jsonFile, RenderedFile } from './renderer';
import { renderVipTable } from './vip-table';

const specs: ApplianceRenderer = (appliance, vips) => [
  jsonFile('appliance.json', appliance),
  ...vips.map((vip) => jsonFile(`vips/${vip.name}.json`, vip.spec)),
];

const vipTable: ApplianceRenderer = (appliance, vips) => [{ path: 'vip-table.md', content: renderVipTable(appliance, vips) }];

/** Every appliance-level output, in the order written. */
export const APPLIANCE_RENDERERS: ApplianceRenderer[] = [specs, applianceCommands, vipTable, haproxyFiles, keepalivedFiles, nftablesFiles, realServerFiles, reportFiles];

/** All files of an appliance's output folder, each VIP resolved once for all renderers. Pure: same input, byte-identical output. */
export function renderApplianceFiles(appliance: ApplianceSpec, vips: VirtualServiceSpec[]): RenderedFile[] {
  const resolved = vips.map(resolveVirtualService);
  return APPLIANCE_RENDERERS.flatMap((render) => render(appliance, resolved));
}
