import { describeHealthCheck, describeMode, describePersistence } from '../describe';
import { BADGE_ROOM, Box, DiagramLayout, endpoint, LINE_HEIGHT, RealServerPlacement, SERVER_TEXT_PADDING, VipPlacement } from './diagram-layout';
import { declaredState } from '../../spec/words';
import { MODE_STYLES, modeStyle, STATE_STYLES } from './diagram-styles';
import { escapeHtml } from './escape-html';

/**
 * The diagram as inline SVG: the appliance on the left, one row per VIP (a box coloured by its
 * mode, with a badge, its number, name, address and ports), and the VIP's real servers to the
 * right (name, weight, state, address and port; the state also shown by the box's stroke).
 * Every VIP row is a `<g data-vip="...">`, every real server a `<g data-rip="..." data-state="...">`.
 */

function rect(box: Box, attributes: string): string {
  return `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" ${attributes}/>`;
}

/** Lines of text, one `<tspan>` each; the first may be bold. */
function textLines(x: number, firstBaseline: number, lines: string[], boldFirst: boolean, attributes = ''): string {
  const spans = lines.map((line, i) => `<tspan x="${x}" y="${firstBaseline + i * LINE_HEIGHT}"${boldFirst && i === 0 ? ' font-weight="bold"' : ''}>${escapeHtml(line)}</tspan>`);
  return `<text${attributes}>${spans.join('')}</text>`;
}

function arrow(fromX: number, toX: number, y: number, colour: string, marker: string): string {
  return `<line x1="${fromX}" y1="${y}" x2="${toX}" y2="${y}" stroke="${colour}" stroke-width="1.5" marker-end="url(#${marker})"/>`;
}

function markers(idPrefix: string): string {
  return MODE_STYLES.map(
    (style) =>
      `<marker id="${idPrefix}-arrow-${style.key}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${style.colour}"/></marker>`,
  ).join('\n    ');
}

function realServer(placement: RealServerPlacement): string {
  const { server, box, lines } = placement;
  const state = STATE_STYLES[server.state];
  const dash = state.dash ? ` stroke-dasharray="${state.dash}"` : '';
  return [
    `      <g class="rip" data-rip="${escapeHtml(server.name)}" data-state="${escapeHtml(server.state)}">`,
    `        <title>${escapeHtml(`${server.name} ${endpoint(server.address, server.port)}: weight ${server.weight}, ${declaredState(server.state)}`)}</title>`,
    `        ${rect(box, `rx="4" fill="${state.fill}" stroke="${state.stroke}" stroke-width="1.5"${dash}`)}`,
    `        ${textLines(box.x + SERVER_TEXT_PADDING, box.y + 15, lines, true, ` fill="${state.text}"`)}`,
    '      </g>',
  ].join('\n');
}

function vipRow(placement: VipPlacement, layout: DiagramLayout, idPrefix: string): string {
  const { vip, box, lines, serverFrame } = placement;
  const style = modeStyle(vip);
  const middle = box.y + Math.round(box.height / 2);
  const badge: Box = { x: box.x + 6, y: box.y + 6, width: BADGE_ROOM - 14, height: box.height - 12 };
  const tooltip = [`${placement.number} ${vip.name}: ${describeMode(vip)}`, vip.description, `health check: ${describeHealthCheck(vip.healthCheck)}`, `persistence: ${describePersistence(vip.persistence)}`];
  const marker = `${idPrefix}-arrow-${style.key}`;
  return [
    `  <g class="vip-row" data-vip="${escapeHtml(vip.name)}" data-mode="${style.key}">`,
    `    ${arrow(layout.appliance.x + layout.appliance.width, box.x - 1, middle, style.colour, marker)}`,
    `    <g class="vip">`,
    `      <title>${escapeHtml(tooltip.filter((t) => t !== undefined).join('\n'))}</title>`,
    `      ${rect(box, `rx="6" fill="${style.fill}" stroke="${style.colour}" stroke-width="2"`)}`,
    `      ${rect(badge, `rx="4" fill="${style.colour}"`)}`,
    `      ${textLines(badge.x + Math.round(badge.width / 2), badge.y + 15, style.badge, false, ' fill="#ffffff" font-weight="bold" text-anchor="middle"')}`,
    `      ${textLines(box.x + BADGE_ROOM, box.y + 20, lines, true)}`,
    '    </g>',
    `    ${arrow(box.x + box.width, serverFrame.x - 1, middle, style.colour, marker)}`,
    `    ${rect(serverFrame, `rx="6" fill="none" stroke="${style.colour}" stroke-width="1" stroke-opacity="0.6"`)}`,
    ...placement.servers.map(realServer),
    '  </g>',
  ].join('\n');
}

/** The SVG of one appliance's layout. `idPrefix` keeps marker ids unique when a page holds several diagrams. */
export function renderDiagram(layout: DiagramLayout, idPrefix: string): string {
  const [applianceX, vipX, serverX] = layout.columns;
  const app = layout.appliance;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="diagram" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" role="img" aria-label="${escapeHtml(`Appliance ${layout.applianceLines[0]}, its VIPs and their real servers`)}">`,
    `  <defs>\n    ${markers(idPrefix)}\n  </defs>`,
    `  <g class="column-titles" font-weight="bold" fill="#333333">`,
    `    <text x="${applianceX}" y="${layout.titleBaseline}">Appliance</text>`,
    `    <text x="${vipX}" y="${layout.titleBaseline}">Virtual services (VIPs)</text>`,
    `    <text x="${serverX}" y="${layout.titleBaseline}">Real servers (RIPs)</text>`,
    '  </g>',
    `  <g class="appliance" data-appliance="${escapeHtml(layout.applianceLines[0])}">`,
    `    ${rect(app, 'rx="8" fill="#f2f2f2" stroke="#444444" stroke-width="2"')}`,
    `    ${textLines(app.x + 12, app.y + 22, layout.applianceLines, true)}`,
    '  </g>',
    ...layout.vips.map((p) => vipRow(p, layout, idPrefix)),
    '</svg>',
  ].join('\n');
}
