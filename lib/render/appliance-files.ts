import { ApplianceSpec, VirtualServiceSpec } from '../spec/virtual-service-spec';
import { applianceRequests } from '../targets/loadbalancer-org/appliance-commands';
import { renderLbcliScript } from '../targets/loadbalancer-org/lbcli-script';
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
 * A renderer of appliance-level files: a pure function of the appliance, its VIP specs (in
 * declaration order) and the validation warnings synth gives them. Adding an output format is
 * adding an entry to APPLIANCE_RENDERERS (lib/synth/appliance-renderers.ts).
 */
export type ApplianceRenderer = (appliance: ApplianceSpec, vips: VirtualServiceSpec[], warnings: string[]) => RenderedFile[];

/** `appliance-commands.json` and `lbcli-commands.sh`: the appliance's requests in order. */
export const applianceCommands: ApplianceRenderer = (appliance, vips) => {
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

/** `vip-table.md`: the VIP set as a table laid out like the vendor guide's. */
export const vipTable: ApplianceRenderer = (appliance, vips) => [{ path: 'vip-table.md', content: renderVipTable(appliance, vips) }];
