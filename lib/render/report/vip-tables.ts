import { HealthCheckType } from '../../spec/health-check-type';
import { describePorts } from '../../spec/ports';
import { ResolvedHealthCheck, ResolvedVirtualService } from '../../spec/resolved-virtual-service';
import { CLIENT_ADDRESS_WORDS, declaredState, SCHEDULER_WORDS } from '../../spec/words';
import { describeHealthCheck, describeMode, describePersistence } from '../describe';
import { endpoint } from './diagram-layout';
import { escapeHtml } from './escape-html';

/**
 * The report's two tables of an appliance's VIPs, in declaration order: the VIP table (mode,
 * address and ports, limits, real servers) and the health checks, persistence and scheduler.
 * Cells are plain text, escaped here; a cell's lines are shown on separate lines.
 */

/** A cell's lines, without the ones that do not apply. */
function lines(...values: Array<string | false | undefined>): string {
  return values.filter((v): v is string => typeof v === 'string').join('\n');
}

/** One column: its header, its cell of a VIP, and whether long text may wrap (else only explicit lines break). */
interface Column {
  readonly header: string;
  readonly cell: (vip: ResolvedVirtualService, index: number) => string;
  readonly wrap?: boolean;
}

function table(caption: string, columns: Column[], vips: ResolvedVirtualService[]): string {
  const cellTag = (column: Column, text: string): string => `<td${column.wrap ? ' class="wrap"' : ''}>${escapeHtml(text)}</td>`;
  const head = `    <tr>${columns.map((c) => `<th scope="col">${escapeHtml(c.header)}</th>`).join('')}</tr>`;
  const rows = vips.map((vip, i) => `    <tr data-vip="${escapeHtml(vip.name)}">${columns.map((c) => cellTag(c, c.cell(vip, i))).join('')}</tr>`);
  return [`<table>`, `  <caption>${escapeHtml(caption)}</caption>`, '  <thead>', head, '  </thead>', '  <tbody>', ...rows, '  </tbody>', '</table>'].join('\n');
}

const NUMBER: Column = { header: '#', cell: (_vip, i) => String(i + 1) };

function limits(vip: ResolvedVirtualService): string {
  const proxy = vip.layer === 7
    ? [`client idle timeout ${vip.clientTimeoutSeconds} s`, `server idle timeout ${vip.serverTimeoutSeconds} s`, CLIENT_ADDRESS_WORDS[vip.clientAddress]]
    : [];
  return lines(vip.maxConnections !== undefined && `at most ${vip.maxConnections} connections`, ...proxy) || '—';
}

function realServers(vip: ResolvedVirtualService): string {
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

function timing(check: ResolvedHealthCheck): string {
  return `every ${check.intervalSeconds} s, timeout ${check.timeoutSeconds} s\nout after ${check.fall} failures, back after ${check.rise} successes`;
}

/** What the check expects: an HTTP check's status, body text and Host header, an HL7 check's facilities. */
function expectation(check: ResolvedHealthCheck): string {
  switch (check.kind) {
    case HealthCheckType.HTTP_GET:
    case HealthCheckType.HTTPS_GET:
      return lines(`status ${check.expectStatus}`, check.expectText !== undefined && `body contains "${check.expectText}"`, check.host !== undefined && `Host: ${check.host}`);
    case HealthCheckType.HL7_MLLP:
      return lines(`sending facility ${check.sendingFacility}`, `receiving facility ${check.receivingFacility}`);
    default:
      return '—';
  }
}

/** The VIP table: one row per VIP with its real servers. */
export function renderVipHtmlTable(vips: ResolvedVirtualService[]): string {
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
export function renderCheckHtmlTable(vips: ResolvedVirtualService[]): string {
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
