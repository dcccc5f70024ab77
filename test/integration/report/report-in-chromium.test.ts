/**
 * The example's report.html in a real browser: Debian's Chromium (/usr/bin/chromium, installed by
 * scripts/install-test-tools.sh) driven by playwright-core, which downloads no browser. The page
 * is opened from file://; every request the browser makes is recorded. Artifacts:
 * test-results/report.png (the whole page) and test-results/report-diagram.png (the SVG).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplianceSpec, ForwardingMethod, ProxyMode, RealServerState, VirtualServiceSpec } from '../../../lib';
import { applianceWarnings } from '../../../lib/synth/appliance-renderers';
import { renderReport as renderResolvedReport } from '../../../lib/render/report/report-page';
import { specsIn, synthesizeExample } from '../../support/stacks';
import { resolveVirtualService } from '../../../lib/spec/resolved-virtual-service';
import { ApplianceSpec as ResolverApplianceSpec, VirtualServiceSpec as ResolverVipSpec } from '../../../lib/spec/virtual-service-spec';

/** The report as the callers render it: each spec resolved first. */
const renderReport = (appliance: ResolverApplianceSpec, vips: ResolverVipSpec[], warnings: string[]) => renderResolvedReport(appliance, vips.map(resolveVirtualService), warnings);

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ARTIFACTS = resolve(__dirname, '..', '..', '..', 'test-results');
/** A reviewer's window: the diagram is laid out to fit 1400 px. */
const VIEWPORT = { width: 1400, height: 1000 };

interface DrawnServer {
  name: string;
  state: string;
  text: string;
}
interface DrawnVip {
  name: string;
  mode: string;
  text: string;
  box: { x: number; y: number; width: number; height: number };
  servers: DrawnServer[];
}

/** What the SVG really shows, read from the rendered page. */
function drawnVips(page: Page): Promise<DrawnVip[]> {
  return page.$$eval('svg.diagram g.vip-row', (rows) =>
    rows.map((row) => {
      const r = row.querySelector('g.vip > rect')!.getBoundingClientRect();
      return {
        name: row.getAttribute('data-vip') ?? '',
        mode: row.getAttribute('data-mode') ?? '',
        text: [...row.querySelectorAll('g.vip > text')].map((t) => t.textContent).join(' '),
        box: { x: r.x, y: r.y, width: r.width, height: r.height },
        servers: [...row.querySelectorAll('g.rip')].map((rip) => ({
          name: rip.getAttribute('data-rip') ?? '',
          state: rip.getAttribute('data-state') ?? '',
          text: rip.querySelector('text')?.textContent ?? '',
        })),
      };
    }),
  );
}

describe('report.html of the example in headless Chromium', () => {
  let folder: string;
  let specs: Record<string, VirtualServiceSpec>;
  let profile: string;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const complaints: string[] = [];

  beforeAll(async () => {
    folder = synthesizeExample();
    specs = specsIn(folder);
    profile = mkdtempSync(join(tmpdir(), 'pacs-lb-chromium-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: VIEWPORT });
    context.on('request', (request) => requests.push(request.url()));
    page = await context.newPage();
    page.on('console', (message) => complaints.push(`console ${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => complaints.push(`page error: ${error.message}`));
    await page.goto(pathToFileURL(join(folder, 'report.html')).href, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('draws every one of the 19 VIPs, with its mode badge, number, name, address and ports', async () => {
    const drawn = await drawnVips(page);
    expect(Object.keys(specs)).toHaveLength(19);
    expect(drawn.map((v) => v.name).sort()).toEqual(Object.keys(specs).sort());
    drawn.forEach((vip, i) => {
      const spec = specs[vip.name];
      expect(vip.text).toContain(`${i + 1} ${spec.name}`);
      expect(vip.text).toContain(spec.address);
      expect(vip.mode).toBe(spec.layer === 7 ? `l7-${spec.proxyMode}` : `l4-${spec.forwarding}`);
      expect(vip.box.width).toBeGreaterThan(0);
    });
  });

  it('draws every real server of every VIP with its address, weight and state', async () => {
    for (const vip of await drawnVips(page)) {
      const expected = specs[vip.name].realServers;
      expect(vip.servers.map((s) => s.name)).toEqual(expected.map((r) => r.name));
      vip.servers.forEach((drawn, i) => {
        expect(drawn.state).toBe(expected[i].state);
        expect(drawn.text).toContain(`${expected[i].name}  declared ${expected[i].state}`);
        expect(drawn.text).toContain(`${expected[i].address}  weight ${expected[i].weight}`);
      });
    }
  });

  it('is legible: rows do not overlap, every text fits its box in the fonts the browser uses, the diagram fits the window', async () => {
    const drawn = await drawnVips(page);
    drawn.slice(1).forEach((vip, i) => expect(vip.box.y).toBeGreaterThanOrEqual(drawn[i].box.y + drawn[i].box.height));
    const overflowing = await page.$$eval('svg.diagram :is(g.appliance, g.vip, g.rip) > text', (texts) =>
      texts
        .map((text) => {
          const box = text.parentElement!.querySelector('rect')!.getBBox();
          const t = (text as SVGTextElement).getBBox();
          return { text: text.textContent, fits: t.x >= box.x && t.x + t.width <= box.x + box.width && t.y >= box.y && t.y + t.height <= box.y + box.height };
        })
        .filter((t) => !t.fits)
        .map((t) => t.text),
    );
    expect(overflowing).toEqual([]);
    const fontSize = await page.$eval('svg.diagram', (svg) => getComputedStyle(svg).fontSize);
    expect(fontSize).toBe('12px');
    const svgWidth = await page.$eval('svg.diagram', (svg) => svg.getBoundingClientRect().right);
    expect(svgWidth).toBeLessThanOrEqual(VIEWPORT.width);
  });

  it('shows the VIP table and the health checks and persistence of all 19 VIPs, and the warnings section', async () => {
    const rows = await page.$$eval('table tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-vip')));
    const drawnOrder = (await drawnVips(page)).map((v) => v.name);
    expect(rows).toEqual([...drawnOrder, ...drawnOrder]);
    const headers = await page.$$eval('table', (tables) => tables.map((t) => [...t.querySelectorAll('th')].map((th) => th.textContent).join(', ')));
    expect(headers).toEqual(['#, VIP, Mode, Listens on, Limits, Real servers', '#, VIP, Health check, Timing, Expects, Persistence, Scheduler']);
    expect(await page.textContent('section.appliance')).toContain('No warnings.');
  });

  it('made no network request: only the file itself was loaded, and nothing complained', () => {
    expect(requests).toEqual([pathToFileURL(join(folder, 'report.html')).href]);
    expect(requests.every((url) => url.startsWith('file:') || url.startsWith('data:'))).toBe(true);
    expect(complaints).toEqual([]);
  });

  it('saves a screenshot of the page and of the diagram as test artifacts', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const pagePng = join(ARTIFACTS, 'report.png');
    const diagramPng = join(ARTIFACTS, 'report-diagram.png');
    rmSync(pagePng, { force: true });
    await page.screenshot({ path: pagePng, fullPage: true });
    await page.locator('svg.diagram').screenshot({ path: diagramPng });
    for (const png of [pagePng, diagramPng]) {
      expect(readFileSync(png).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(statSync(png).size).toBeGreaterThan(20_000);
    }
  });
});

describe('a report with every mode and state, in headless Chromium', () => {
  it('draws drain dashed and halt dotted on grey, NAT and HTTP-mode VIPs in their own colours; screenshot test-results/report-states.png', async () => {
    const folder = synthesizeExample();
    const appliance = JSON.parse(readFileSync(join(folder, 'appliance.json'), 'utf8')) as ApplianceSpec;
    const specs = specsIn(folder);
    const ea = specs.EA_Dicom_Service;
    const vips: VirtualServiceSpec[] = [
      { ...ea, realServers: [{ ...ea.realServers[0], state: RealServerState.DRAIN }, { ...ea.realServers[1], state: RealServerState.HALT, weight: 0 }] },
      { ...specs.DB_DBVIP, name: 'DB_NAT', forwarding: ForwardingMethod.NAT },
      specs.DB_DBVIP,
      { ...specs.ZFP, proxyMode: ProxyMode.HTTP },
      specs.UV,
    ];
    const file = join(mkdtempSync(join(tmpdir(), 'pacs-lb-report-')), 'report.html');
    writeFileSync(file, renderReport(appliance, vips, applianceWarnings({ ...appliance, subnets: [] }, vips)));
    const profile = mkdtempSync(join(tmpdir(), 'pacs-lb-chromium-'));
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: VIEWPORT });
    try {
      const page = await context.newPage();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      const strokes = await page.$$eval('svg.diagram g.rip > rect', (rects) => rects.map((r) => `${r.parentElement!.getAttribute('data-state')} ${getComputedStyle(r).strokeDasharray}`));
      expect(strokes.slice(0, 2)).toEqual(['drain 6px, 3px', 'halt 2px, 2px']);
      expect(strokes.slice(2).every((s) => s === 'online none')).toBe(true);
      const colours = await page.$$eval('svg.diagram g.vip > rect:first-of-type', (rects) => rects.map((r) => getComputedStyle(r).stroke));
      expect(new Set(colours).size).toBe(5);
      expect(await page.textContent('ul.warnings')).toContain('[pacs-lb:dr-subnets-undeclared] EA_Dicom_Service');
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'report-states.png'), fullPage: true });
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

describe('the request recorder and the policy, checked on control pages', () => {
  let profile: string;
  let context: BrowserContext;
  /** A loopback HTTP server that counts what reaches it. */
  let server: Server;
  let probeUrl: string;
  const hits: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      hits.push(request.url ?? '');
      response.writeHead(404).end();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    probeUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/probe.png`;
    profile = mkdtempSync(join(tmpdir(), 'pacs-lb-chromium-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await new Promise((done) => server?.close(done));
  });

  /** Opens a page with an image on the loopback server; returns the requests, why they failed, and console messages. */
  async function open(head: string): Promise<{ requests: string[]; failures: string[]; messages: string[] }> {
    const file = join(mkdtempSync(join(tmpdir(), 'pacs-lb-control-')), 'control.html');
    writeFileSync(file, `<!DOCTYPE html><html><head>${head}</head><body><img src="${probeUrl}"></body></html>`);
    const page = await context.newPage();
    const requests: string[] = [];
    const messages: string[] = [];
    const failures: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('requestfailed', (r) => failures.push(`${r.url()} ${r.failure()?.errorText}`));
    page.on('console', (m) => messages.push(m.text()));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.close();
    expect(existsSync(file)).toBe(true);
    return { requests, failures, messages };
  }

  it('records a fetch when a page makes one (so an empty record means something)', async () => {
    hits.length = 0;
    const { requests } = await open('');
    expect(requests).toContain(probeUrl);
    expect(hits).toEqual(['/probe.png']);
  });

  it('the report\'s policy blocks the same fetch; the attempt is still recorded, so the report test would catch it', async () => {
    const report = readFileSync(join(synthesizeExample(), 'report.html'), 'utf8');
    const policy = report.match(/<meta http-equiv="Content-Security-Policy"[^>]*>/)?.[0] ?? '';
    expect(policy).not.toBe('');
    hits.length = 0;
    const { requests, failures, messages } = await open(policy);
    expect(requests).toContain(probeUrl);
    expect(failures).toEqual([`${probeUrl} csp`]);
    expect(hits).toEqual([]);
    expect(messages.some((m) => m.includes('Content Security Policy'))).toBe(true);
  });
});
