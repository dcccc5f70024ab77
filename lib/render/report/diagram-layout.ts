import { describePortsWithNoun } from '../../spec/ports';
import { ResolvedVirtualService } from '../../spec/resolved-virtual-service';
import { ApplianceSpec, RealServerSpec } from '../../spec/virtual-service-spec';
import { declaredState } from '../../spec/words';
import { hostPort } from '../../net/host-port';

/**
 * Where each part of the diagram goes: a pure function of the specs, in whole pixels, so the
 * same input always gives the same picture. Widths follow the longest text (monospace, so the
 * width of a text is its length times one character's advance).
 */

/** A rectangle in SVG user units. */
export interface Box {
  /** Left edge. */
  readonly x: number;
  /** Top edge. */
  readonly y: number;
  /** Width. */
  readonly width: number;
  /** Height. */
  readonly height: number;
}

/** A real server's box in the row of its VIP. */
export interface RealServerPlacement {
  /** The real server drawn. */
  readonly server: RealServerSpec;
  /** Its box. */
  readonly box: Box;
  /** `EA1  declared online`, then `192.0.2.21  weight 100` (`192.0.2.21:8080  weight 100` with a port). */
  readonly lines: [string, string];
}

/** A VIP's box, its number in declaration order, and the frame around its real servers. */
export interface VipPlacement {
  /** The VIP drawn. */
  readonly vip: ResolvedVirtualService;
  /** 1-based position, as the VIP table numbers it. */
  readonly number: number;
  /** The VIP's box. */
  readonly box: Box;
  /** `7 DB_MT`, then `198.51.100.100  every TCP port except 20000`. */
  readonly lines: [string, string];
  /** The frame around the VIP's real servers. */
  readonly serverFrame: Box;
  /** The real servers, in declaration order. */
  readonly servers: RealServerPlacement[];
}

/** The whole diagram of one appliance. */
export interface DiagramLayout {
  /** Width of the SVG. */
  readonly width: number;
  /** Height of the SVG. */
  readonly height: number;
  /** Baseline of the column titles. */
  readonly titleBaseline: number;
  /** Left edges of the three columns: appliance, VIPs, real servers. */
  readonly columns: [number, number, number];
  /** The appliance's box, as tall as the VIP rows. */
  readonly appliance: Box;
  /** The appliance's text: name, HA pair or single, addresses, API port, subnets, VIP count. */
  readonly applianceLines: string[];
  /** One row per VIP, top to bottom. */
  readonly vips: VipPlacement[];
}

/** Advance of one character of the 12px monospace font the diagram uses (DejaVu/Liberation Mono: 0.6 em), rounded up. */
export const CHAR_WIDTH = 7.3;
/** Height of one text line. */
export const LINE_HEIGHT = 15;

const MARGIN = 12;
const COLUMN_GAP = 48;
const ROW_GAP = 8;
const TOP = 40;
const VIP_HEIGHT = 48;
/** Room left of a VIP's text for its mode badge. */
export const BADGE_ROOM = 58;
const SERVER_HEIGHT = 36;
const SERVER_GAP = 8;
const FRAME_PADDING = 6;
const SERVERS_PER_LINE = 4;
const TEXT_PADDING = 12;
/** Left (and right) padding of a real server's text. */
export const SERVER_TEXT_PADDING = 10;
/** Texts longer than this are cut with `…` (the full text is in the VIP table and the tooltip). */
const MAX_VIP_CHARS = 64;
const MAX_SERVER_CHARS = 48;

/** A text cut to `max` characters, ending in `…` when cut. */
export function fit(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function textWidth(lines: string[], max: number): number {
  return Math.ceil(Math.max(...lines.map((l) => Math.min(l.length, max))) * CHAR_WIDTH);
}

/** `192.0.2.21:8080`, `[2001:db8::21]:8080`, or the address alone when the server takes the client's port. */
export function endpoint(address: string, port: number | undefined): string {
  if (port === undefined) return address;
  return hostPort(address, port);
}

function vipLines(vip: ResolvedVirtualService, number: number): [string, string] {
  return [fit(`${number} ${vip.name}`, MAX_VIP_CHARS), fit(`${vip.address}  ${describePortsWithNoun(vip.ports)}`, MAX_VIP_CHARS)];
}

function serverLines(server: RealServerSpec): [string, string] {
  return [fit(`${server.name}  ${declaredState(server.state)}`, MAX_SERVER_CHARS), fit(`${endpoint(server.address, server.port)}  weight ${server.weight}`, MAX_SERVER_CHARS)];
}

function applianceLines(appliance: ApplianceSpec, vipCount: number): string[] {
  const [primary, ...peers] = appliance.managementAddresses;
  return [
    appliance.name,
    peers.length > 0 ? 'HA pair' : 'single appliance',
    `${peers.length > 0 ? 'primary ' : ''}${primary}`,
    ...peers.map((p) => `secondary ${p}`),
    `API port ${appliance.apiPort}`,
    ...(appliance.subnets.length > 0 ? ['subnets:', ...appliance.subnets.map((s) => `  ${s}`)] : ['no subnets declared']),
    `${vipCount} VIP${vipCount === 1 ? '' : 's'}`,
  ];
}

/** Lays out one appliance, its VIPs in the given order, and each VIP's real servers. */
export function layoutDiagram(appliance: ApplianceSpec, vips: ResolvedVirtualService[]): DiagramLayout {
  const appLines = applianceLines(appliance, vips.length).map((l) => fit(l, MAX_VIP_CHARS));
  const vipTexts = vips.map((vip, i) => vipLines(vip, i + 1));
  const serverTexts = vips.map((vip) => vip.realServers.map(serverLines));

  const applianceWidth = Math.max(180, textWidth(appLines, MAX_VIP_CHARS) + 2 * TEXT_PADDING);
  const vipWidth = Math.max(280, BADGE_ROOM + textWidth(vipTexts.flat(), MAX_VIP_CHARS) + TEXT_PADDING);
  const serverWidth = Math.max(150, textWidth(serverTexts.flat(2).concat(['']), MAX_SERVER_CHARS) + 2 * SERVER_TEXT_PADDING);
  const vipX = MARGIN + applianceWidth + COLUMN_GAP;
  const serverX = vipX + vipWidth + COLUMN_GAP;

  let y = TOP;
  const placements = vips.map((vip, i): VipPlacement => {
    const lineCount = Math.max(1, Math.ceil(vip.realServers.length / SERVERS_PER_LINE));
    const perLine = Math.min(Math.max(vip.realServers.length, 1), SERVERS_PER_LINE);
    const frame: Box = {
      x: serverX,
      y,
      width: perLine * serverWidth + (perLine - 1) * SERVER_GAP + 2 * FRAME_PADDING,
      height: lineCount * SERVER_HEIGHT + (lineCount - 1) * SERVER_GAP + 2 * FRAME_PADDING,
    };
    const servers = vip.realServers.map((server, j): RealServerPlacement => ({
      server,
      lines: serverTexts[i][j],
      box: {
        x: serverX + FRAME_PADDING + (j % SERVERS_PER_LINE) * (serverWidth + SERVER_GAP),
        y: y + FRAME_PADDING + Math.floor(j / SERVERS_PER_LINE) * (SERVER_HEIGHT + SERVER_GAP),
        width: serverWidth,
        height: SERVER_HEIGHT,
      },
    }));
    const placement: VipPlacement = { vip, number: i + 1, lines: vipTexts[i], box: { x: vipX, y, width: vipWidth, height: VIP_HEIGHT }, serverFrame: frame, servers };
    y += Math.max(VIP_HEIGHT, frame.height) + ROW_GAP;
    return placement;
  });

  const rowsBottom = Math.max(y - ROW_GAP, TOP + appLines.length * LINE_HEIGHT + 2 * TEXT_PADDING);
  const widestFrame = Math.max(0, ...placements.map((p) => p.serverFrame.width));
  return {
    width: serverX + Math.max(widestFrame, serverWidth) + MARGIN,
    height: rowsBottom + MARGIN,
    titleBaseline: TOP - 14,
    columns: [MARGIN, vipX, serverX],
    appliance: { x: MARGIN, y: TOP, width: applianceWidth, height: rowsBottom - TOP },
    applianceLines: appLines,
    vips: placements,
  };
}
