import { ApplianceRenderer, jsonFile } from '../renderer';
import { applianceRequests } from './appliance-commands';
import { renderLbcliScript } from './lbcli-script';

/**
 * The Loadbalancer.org API requests of an appliance, as `appliance-commands.json` (the request
 * bodies, in order) and `lbcli-commands.sh` (the same commands for the appliance's shell).
 */
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
