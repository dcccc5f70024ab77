import { ResolvedVirtualService, resolveVirtualService } from '../spec/resolved-virtual-service';
import { ApplianceSpec, VirtualServiceSpec } from '../spec/virtual-service-spec';
import { applianceRequests } from '../targets/loadbalancer-org/appliance-commands';
import { renderLbcliScript } from '../targets/loadbalancer-org/lbcli-script';
import { haproxyFiles } from './haproxy/haproxy-files';
import { keepalivedFiles } from './keepalived/keepalived-files';
import { nftablesFiles } from './nftables/nftables-files';
import { realServerFiles } from './real-server/real-server-files';
import { reportFiles } from './report/report-files';
import { renderVipTable } from './vip-table';

/** A file to write, by path relative to the appliance's output folder. */
export interface RenderedFile {
  /** Relative path, `/`-separated. */
  readonly path: string;
  /** Full text of the file. */
  readonly content: string;
}

/** JSON as written to disk: two-space indentation and a final newline. */
export function jsonFile(path: string, value: unknown): RenderedFile {
  return { path, content: `${JSON.stringify(value, null, 2)}\n` };
}

/**
 * A renderer of appliance-level files: a pure function of the appliance and the resolved view
 * of its VIP specs. Adding an output format is adding an entry to {@link APPLIANCE_RENDERERS}.
 */
export type ApplianceRenderer = (appliance: ApplianceSpec, vips: ResolvedVirtualService[]) => RenderedFile[];

const applianceCommands: ApplianceRenderer = (appliance, vips) => {
  const requests = applianceRequests(vips, appliance);
  return [
    jsonFile('appliance-commands.json', {
      generatedBy: 'cdktf-pacs-lb',
      appliance: appliance.name,
      note: 'REST API v2 request bodies, in order: POST each body to the appliance API (pacs-lb apply does this idempotently).',
      requests,
    }),
    { path: 'lbcli-commands.sh', content: renderLbcliScript(appliance.name, requests) },
  ];
};

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
