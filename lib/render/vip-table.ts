import { describePorts } from '../spec/ports';
import { ResolvedVirtualService } from '../spec/resolved-virtual-service';
import { ApplianceSpec } from '../spec/virtual-service-spec';
import { describeHealthCheck, describeMode, describePersistence } from './describe';
import { generatedHeader } from './generated-header';
import { ApplianceRenderer } from './renderer';

/** Escapes the characters that would break a markdown table cell. */
function cell(value: string): string {
  return value.replace(/\|/g, '\\|');
}

/**
 * The VIP set of an appliance as a markdown table, laid out like the Centricity PACS guide's
 * table, with the address and real servers added.
 */
export function renderVipTable(appliance: ApplianceSpec, vips: ResolvedVirtualService[]): string {
  const header = generatedHeader('<!--', `VIP table of appliance ${appliance.name}`).map((line) => `${line} -->`);
  const rows = vips.map((vip, i) =>
    [
      String(i + 1),
      vip.name,
      describeMode(vip),
      vip.address,
      describePorts(vip.ports),
      describePersistence(vip.persistence),
      describeHealthCheck(vip.healthCheck),
      vip.realServers.map((r) => `${r.name} ${r.address}${r.port ? `:${r.port}` : ''}${r.state !== 'online' ? ` (${r.state})` : ''}`).join(', '),
    ].map(cell),
  );
  return [
    ...header,
    '',
    `# Appliance ${appliance.name} (${appliance.managementAddresses.join(', ')})`,
    '',
    '| # | VIP name | Mode | Address | Port(s) | Persistence | Health check | Real servers |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
  ].join('\n');
}

/** `vip-table.md`: the VIP set as a table laid out like the vendor guide's. */
export const vipTableFiles: ApplianceRenderer = (appliance, vips) => [{ path: 'vip-table.md', content: renderVipTable(appliance, vips) }];
