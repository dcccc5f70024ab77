import { RealServerState } from '../../spec/real-server-state';
import { ResolvedVirtualService } from '../../spec/resolved-virtual-service';
import { ApplianceSpec } from '../../spec/virtual-service-spec';
import { generatedHeader } from '../generated-header';
import { layoutDiagram } from './diagram-layout';
import { declaredState } from '../../spec/words';
import { MODE_STYLES, modeStyle, STATE_STYLES } from './diagram-styles';
import { renderDiagram } from './diagram-svg';
import { escapeHtml } from './escape-html';
import { renderCheckHtmlTable, renderVipHtmlTable } from './vip-tables';

/** One appliance's part of a report: the appliance, its VIPs in declaration order, and its validation warnings. */
export interface ApplianceReport {
  /** The appliance. */
  readonly appliance: ApplianceSpec;
  /** Its VIPs, in the order they are numbered. */
  readonly vips: ResolvedVirtualService[];
  /** Its validation warnings, as synth words them. */
  readonly warnings: string[];
}

/**
 * The page allows nothing to be fetched: no scripts, fonts, images, frames or connections; only
 * the inline style below. Fonts are the reader's own (monospace for the diagram).
 */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const STYLE = `
  body { margin: 16px 20px; font: 14px/1.4 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #1a1a1a; background: #ffffff; }
  h1 { font-size: 22px; margin: 0 0 4px; }
  h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid #cccccc; }
  h3 { font-size: 15px; margin: 20px 0 6px; }
  .summary { margin: 0 0 8px; color: #333333; }
  .legend { display: flex; flex-wrap: wrap; gap: 6px 16px; margin: 8px 0; padding: 0; list-style: none; font-size: 13px; }
  .legend li { display: flex; align-items: center; gap: 6px; }
  .swatch { display: inline-block; min-width: 44px; padding: 1px 4px; border-radius: 3px; color: #ffffff; font: bold 11px "DejaVu Sans Mono", "Liberation Mono", monospace; text-align: center; }
  .state { display: inline-block; width: 36px; height: 14px; border-radius: 3px; border-width: 2px; }
  .diagram-frame { overflow-x: auto; }
  .diagram { display: block; font: 12px "DejaVu Sans Mono", "Liberation Mono", monospace; }
  table { border-collapse: collapse; margin: 4px 0 12px; font-size: 13px; }
  caption { text-align: left; font-size: 15px; font-weight: bold; margin: 20px 0 6px; }
  th, td { border: 1px solid #bbbbbb; padding: 3px 6px; text-align: left; vertical-align: top; white-space: pre; }
  td.wrap { white-space: pre-line; min-width: 12em; }
  th { background: #eeeeee; }
  tbody tr:nth-child(even) { background: #f7f7f7; }
  .warnings li { margin: 4px 0; }
`;

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `19 VIPs: 9 Layer 4 DR (direct routing), ...; 39 real servers: 39 declared online; 0 warnings`. */
function summary(report: ApplianceReport): string {
  const modes = MODE_STYLES.map((style) => [style.legend, report.vips.filter((vip) => modeStyle(vip) === style).length] as const).filter(([, n]) => n > 0);
  const servers = report.vips.flatMap((vip) => vip.realServers);
  const states = Object.values(RealServerState).map((state) => [state, servers.filter((s) => s.state === state).length] as const).filter(([, n]) => n > 0);
  return [
    `${count(report.vips.length, 'VIP')}${modes.length > 0 ? `: ${modes.map(([words, n]) => `${n} ${words}`).join(', ')}` : ''}`,
    `${count(servers.length, 'real server')}${states.length > 0 ? `: ${states.map(([state, n]) => `${n} ${declaredState(state)}`).join(', ')}` : ''}`,
    count(report.warnings.length, 'warning'),
  ].join('; ');
}

function legend(): string {
  const modes = MODE_STYLES.map((style) => `  <li><span class="swatch" style="background: ${style.colour}">${escapeHtml(style.badge.join(' '))}</span>${escapeHtml(style.legend)}</li>`);
  const states = Object.values(RealServerState).map((state) => {
    const s = STATE_STYLES[state];
    return `  <li><span class="state" style="background: ${s.fill}; border-color: ${s.stroke}; border-style: ${s.border}"></span>real server ${escapeHtml(s.legend)}</li>`;
  });
  return ['<ul class="legend">', ...modes, ...states, '</ul>'].join('\n');
}

function warningList(warnings: string[]): string {
  if (warnings.length === 0) return '<p class="warnings">No warnings.</p>';
  return ['<ul class="warnings">', ...warnings.map((w) => `  <li>${escapeHtml(w)}</li>`), '</ul>'].join('\n');
}

function applianceSection(report: ApplianceReport, index: number): string {
  const name = report.appliance.name;
  return [
    `<section class="appliance" data-appliance="${escapeHtml(name)}">`,
    `<h2>Appliance ${escapeHtml(name)}</h2>`,
    `<p class="summary">${escapeHtml(summary(report))}</p>`,
    '<p class="summary">Real-server states are the administrative states the specs declare (online, drain, halt), not live health; <code>pacs-lb status</code> shows what the appliance reports.</p>',
    '<h3>Diagram</h3>',
    legend(),
    '<div class="diagram-frame">',
    renderDiagram(layoutDiagram(report.appliance, report.vips), `a${index + 1}`),
    '</div>',
    renderVipHtmlTable(report.vips),
    renderCheckHtmlTable(report.vips),
    '<h3>Validation warnings</h3>',
    warningList(report.warnings),
    '</section>',
  ].join('\n');
}

/** A self-contained HTML page reporting one or more appliances. Pure: same input, byte-identical output. */
export function renderReportPage(reports: ApplianceReport[]): string {
  const names = reports.map((r) => r.appliance.name).join(', ');
  return [
    '<!DOCTYPE html>',
    ...generatedHeader('<!--', escapeHtml(`Load balancing report of appliance${reports.length === 1 ? '' : 's'} ${names}`)).map((line) => `${line} -->`),
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(`PACS load balancing: ${names}`)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(`PACS load balancing: ${names}`)}</h1>`,
    ...reports.map(applianceSection),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * The report of one appliance: a self-contained HTML page with an SVG diagram of the appliance,
 * its VIPs (mode and ports) and their real servers (address, port, weight, state), the VIP table,
 * each VIP's health check and persistence, and the validation warnings. Nothing is fetched.
 */
export function renderReport(appliance: ApplianceSpec, vips: ResolvedVirtualService[], warnings: string[]): string {
  return renderReportPage([{ appliance, vips, warnings }]);
}
