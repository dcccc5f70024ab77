import { generatedHeader } from '../generated-header';
import { shellQuote } from '../shell-quote';
import { ApiRequest } from './appliance-commands';
import { LbcliCommand } from './lbcli-command';

/** One command as it is typed on the appliance's shell: `lbcli --action add-vip --vip EA_XDS_Service ...`. */
export function lbcliCommandLine(command: LbcliCommand): string {
  const { action, ...parameters } = command;
  const options = Object.entries(parameters).map(([name, value]) => `--${name} ${shellQuote(value)}`);
  return ['lbcli', '--action', shellQuote(action), ...options].join(' ');
}

/**
 * The same requests as a shell script for the appliance's console: the human-readable form of
 * the commands, and a fallback when the REST API is not enabled.
 */
export function renderLbcliScript(applianceName: string, requests: ApiRequest[]): string {
  const lines = ['#!/bin/sh', ...generatedHeader('#', `lbcli commands for appliance ${applianceName}, in the order they apply`), 'set -e', ''];
  for (const request of requests) {
    lines.push(request.vip ? `# VIP ${request.vip}` : '# Make the changes take effect: reload the service of each layer changed');
    lines.push(...request.body.lbcli.map(lbcliCommandLine), '');
  }
  return lines.join('\n');
}
