import { ClientAddressMode } from '../../spec/client-address-mode';
import { describePorts } from '../../spec/ports';
import { Scheduler } from '../../spec/scheduler';
import { HealthCheckSpec, VirtualServiceSpec } from '../../spec/virtual-service-spec';
import { describeHealthCheck, describeMode, describePersistence } from '../describe';
import { endpoint } from './diagram-layout';
import { declaredState } from './diagram-styles';
import { escapeHtml } from './escape-html';

/**
 * The report's two tables of an appliance's VIPs, in declaration order: the VIP table (mode,
 * address and ports, limits, real servers) and the health checks, persistence and scheduler.
 * Cells are plain text, escaped here; a cell's lines are shown on separate lines.
 */

const SCHEDULER_WORDS: Record<Scheduler, string> = {
  [Scheduler.WEIGHTED_LEAST_CONNECTIONS]: 'weighted least connections',
  [Scheduler.ROUND_ROBIN]: 'weighted round robin',
};

const CLIENT_ADDRESS_WORDS: Record<ClientAddressMode, string> = {
  [ClientAddressMode.NONE]: 'client address not passed on',
  [ClientAddressMode.X_FORWARDED_FOR]: 'client address in X-Forwarded-For',
  [ClientAddressMode.PROXY_PROTOCOL_V1]: 'client address by PROXY protocol v1',
  [ClientAddressMode.PROXY_PROTOCOL_V2]: 'client address by PROXY protocol v2',
  [ClientAddressMode.TRANSPARENT]: 'transparent (client address kept)',
};

/** A cell's lines, without the ones that do not apply. */
function lines(...values: Array<string | false | undefined>): string {
  return values.filter((v): v is string => typeof v === 'string').join('\n');
}

/** One column: its header, its cell of a VIP, and whether long text may wrap (else only explicit lines break). */
interface Column {
  readonly header: string;
  readonly cell: (vip: VirtualServiceSpec, index: number) => string;
  readonly wrap?: boolean;
}

function table(caption: string, columns: Column[], vips: VirtualServiceSpec[]): string {
  const cellTag = (column: Column, text: string): string => `<td${column.wrap ? ' class="wrap"' : ''}>${escapeHtml(text)}</td>`;
  const head = `    <tr>${columns.map((c) => `<th scope="col">${escapeHtml(c.header)}</th>`).join('')}</tr>`;
  const rows = vips.map((vip, i) => `    <tr data-vip="${escapeHtml(vip.name)}">${columns.map((c) => cellTag(c, c.cell(vip, i))).join('')}</tr>`);
  return [`<table>`, `  <caption>${escapeHtml(caption)}</caption>`, '  <thead>', head, '  </thead>', '  <tbody>', ...rows, '  </tbody>', '</table>'].join('\n');
}

const NUMBER: Column = { header: '#', cell: (_vip, i) => String(i + 1) };

function limits(vip: VirtualServiceSpec): string {
  return lines(
    vip.maxConnections !== undefined && `at most ${vip.maxConnections} connections`,
    vip.clientTimeoutSeconds !== undefined && `client idle timeout ${vip.clientTimeoutSeconds} s`,
    vip.serverTimeoutSeconds !== undefined && `server idle timeout ${vip.serverTimeoutSeconds} s`,
    vip.clientAddress !== undefined && CLIENT_ADDRESS_WORDS[vip.clientAddress],
  ) || '—';
}

function realServers(vip: VirtualServiceSpec): string {
  return lines(
    ...vip.realServers.map((r) =>
      [
        `${r.name} ${endpoint(r.address, r.port)}`,
        `weight ${r.weight}`,
        declaredState(r.state),
        r.minConnections !== undefined ? `min ${r.minConnections}` : undefined,
        r.maxConnections !== undefined ? `max ${r.maxConnections}` : undefined,
        r.encrypted ? 're-encrypted' : undefined,
      ]
        .filter((part) => part !== undefined)
        .join(', '),
    ),
  );
}

function timing(check: HealthCheckSpec): string {
  return `every ${check.intervalSeconds} s, timeout ${check.timeoutSeconds} s\nout after ${check.fall} failures, back after ${check.rise} successes`;
}

function expectation(check: HealthCheckSpec): string {
  return lines(
    check.expectStatus !== undefined && `status ${check.expectStatus}`,
    check.expectText !== undefined && `body contains "${check.expectText}"`,
    check.host !== undefined && `Host: ${check.host}`,
    check.sendingFacility !== undefined && `sending facility ${check.sendingFacility}`,
    check.receivingFacility !== undefined && `receiving facility ${check.receivingFacility}`,
  ) || '—';
}

/** The VIP table: one row per VIP with its real servers. */
export function renderVipHtmlTable(vips: VirtualServiceSpec[]): string {
  return table(
    'VIPs and real servers',
    [
      NUMBER,
      { header: 'VIP', cell: (vip) => lines(vip.name, vip.description), wrap: true },
      { header: 'Mode', cell: (vip) => describeMode(vip), wrap: true },
      { header: 'Listens on', cell: (vip) => `${vip.address}\n${vip.protocol.toUpperCase()} ${describePorts(vip.ports)}` },
      { header: 'Limits', cell: limits },
      { header: 'Real servers', cell: realServers },
    ],
    vips,
  );
}

/** The health check, persistence and scheduler of each VIP. */
export function renderCheckHtmlTable(vips: VirtualServiceSpec[]): string {
  return table(
    'Health checks, persistence and scheduling',
    [
      NUMBER,
      { header: 'VIP', cell: (vip) => vip.name },
      { header: 'Health check', cell: (vip) => describeHealthCheck(vip.healthCheck), wrap: true },
      { header: 'Timing', cell: (vip) => timing(vip.healthCheck) },
      { header: 'Expects', cell: (vip) => expectation(vip.healthCheck), wrap: true },
      { header: 'Persistence', cell: (vip) => describePersistence(vip.persistence) },
      { header: 'Scheduler', cell: (vip) => SCHEDULER_WORDS[vip.scheduler] },
    ],
    vips,
  );
}
