import { describe, expect, it } from 'vitest';
import { RealServerState } from '../../../../lib';
import { BADGE_ROOM, Box, CHAR_WIDTH, endpoint, fit, layoutDiagram as layoutResolved, SERVER_TEXT_PADDING } from '../../../../lib/render/report/diagram-layout';
import { changed, exampleSpecs } from './report-fixtures';
import { resolveVirtualService } from '../../../../lib/spec/resolved-virtual-service';
import { ApplianceSpec as ResolverApplianceSpec, VirtualServiceSpec as ResolverVipSpec } from '../../../../lib/spec/virtual-service-spec';

/** The layout as the report makes it: each spec resolved first. */
const layoutDiagram = (appliance: ResolverApplianceSpec, vips: ResolverVipSpec[]) => layoutResolved(appliance, vips.map(resolveVirtualService));

const { appliance, vips } = exampleSpecs();

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inside(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

describe('layoutDiagram', () => {
  const layout = layoutDiagram(appliance, vips);
  const canvas: Box = { x: 0, y: 0, width: layout.width, height: layout.height };

  it('places every VIP and real server on the canvas, in whole pixels', () => {
    const boxes = [layout.appliance, ...layout.vips.flatMap((p) => [p.box, p.serverFrame, ...p.servers.map((s) => s.box)])];
    for (const box of boxes) {
      expect(inside(box, canvas)).toBe(true);
      for (const n of [box.x, box.y, box.width, box.height]) expect(Number.isInteger(n)).toBe(true);
    }
    expect(layout.vips.map((p) => p.number)).toEqual(vips.map((_, i) => i + 1));
  });

  it('lets no two VIP rows overlap, and keeps each VIP\'s servers inside its frame without overlapping', () => {
    const rows = layout.vips.map((p) => ({ x: 0, y: p.box.y, width: layout.width, height: Math.max(p.box.height, p.serverFrame.height) }));
    rows.forEach((row, i) => rows.slice(i + 1).forEach((other) => expect(overlap(row, other)).toBe(false)));
    for (const p of layout.vips) {
      p.servers.forEach((s, i) => {
        expect(inside(s.box, p.serverFrame)).toBe(true);
        p.servers.slice(i + 1).forEach((t) => expect(overlap(s.box, t.box)).toBe(false));
      });
      expect(overlap(p.box, p.serverFrame)).toBe(false);
    }
  });

  it('makes boxes wide enough for their longest line in the 12px monospace font', () => {
    for (const p of layout.vips) {
      for (const line of p.lines) expect(BADGE_ROOM + line.length * CHAR_WIDTH).toBeLessThanOrEqual(p.box.width);
      for (const s of p.servers) for (const line of s.lines) expect(SERVER_TEXT_PADDING + line.length * CHAR_WIDTH).toBeLessThanOrEqual(s.box.width);
    }
    expect(layout.appliance.height).toBeGreaterThanOrEqual(layout.applianceLines.length * 15);
  });

  it('fits the example in a 1400 px wide window (the page has 20 px margins)', () => {
    expect(layout.width).toBeLessThanOrEqual(1360);
  });

  it('wraps more than four real servers onto further lines of the frame, growing the row', () => {
    const servers = Array.from({ length: 9 }, (_, i) => ({ name: `S${i + 1}`, address: `192.0.2.${40 + i}`, weight: 100, state: RealServerState.ONLINE }));
    const big = layoutDiagram(appliance, [changed(vips[0], { realServers: servers }), vips[1]]);
    const [first, second] = big.vips;
    expect(new Set(first.servers.map((s) => s.box.y)).size).toBe(3);
    expect(new Set(first.servers.map((s) => s.box.x)).size).toBe(4);
    expect(second.box.y).toBeGreaterThanOrEqual(first.serverFrame.y + first.serverFrame.height);
  });

  it('cuts over-long texts with an ellipsis, so one long value cannot stretch the page', () => {
    const long = layoutDiagram(appliance, [changed(vips[0], { name: 'N'.repeat(64), ports: { ranges: Array.from({ length: 60 }, (_, i) => ({ first: 1000 + 2 * i, last: 1000 + 2 * i })) } })]);
    expect(long.vips[0].lines[1]).toHaveLength(64);
    expect(long.vips[0].lines[1].endsWith('…')).toBe(true);
    expect(long.vips[0].box.width).toBeLessThanOrEqual(BADGE_ROOM + Math.ceil(64 * CHAR_WIDTH) + 12);
    expect(fit('abcdef', 4)).toBe('abc…');
    expect(fit('abcd', 4)).toBe('abcd');
  });

  it('writes endpoints with the port when the server has one, brackets around IPv6', () => {
    expect(endpoint('192.0.2.21', undefined)).toBe('192.0.2.21');
    expect(endpoint('192.0.2.21', 8080)).toBe('192.0.2.21:8080');
    expect(endpoint('2001:db8::21', 8080)).toBe('[2001:db8::21]:8080');
  });

  it('says "single appliance" and "no subnets declared" for such an appliance', () => {
    const single = layoutDiagram({ ...appliance, managementAddresses: ['192.0.2.9'], subnets: [] }, vips.slice(0, 1));
    expect(single.applianceLines).toEqual(['lb-pacs', 'single appliance', '192.0.2.9', 'API port 9443', 'no subnets declared', '1 VIP']);
  });
});
