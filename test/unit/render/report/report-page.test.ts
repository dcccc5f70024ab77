import { describe, expect, it } from 'vitest';
import { RealServerState } from '../../../../lib';
import { renderReport as renderResolvedReport, renderReportPage } from '../../../../lib/render/report/report-page';
import { changed, dataValues, exampleSpecs, svgOf } from './report-fixtures';
import { resolveVirtualService } from '../../../../lib/spec/resolved-virtual-service';
import { ApplianceSpec as ResolverApplianceSpec, VirtualServiceSpec as ResolverVipSpec } from '../../../../lib/spec/virtual-service-spec';

/** The report as the callers render it: each spec resolved first. */
const renderReport = (appliance: ResolverApplianceSpec, vips: ResolverVipSpec[], warnings: string[]) => renderResolvedReport(appliance, vips.map(resolveVirtualService), warnings);

const { appliance, vips } = exampleSpecs();

describe('renderReport of the example', () => {
  const html = renderReport(appliance, vips, []);
  const svg = svgOf(html);

  it('draws every VIP once, in declaration order, with its number, name, address and ports', () => {
    expect(dataValues(svg, 'vip')).toEqual(vips.map((v) => v.name));
    expect(vips).toHaveLength(19);
    expect(svg).toContain('>7 DB_MT</tspan>');
    expect(svg).toContain('>198.51.100.100  every TCP port except 20000</tspan>');
    expect(svg).toContain('>9 DAS_Pool</tspan>');
    expect(svg).toContain('>192.0.2.101  ports 104, 4100, 8080</tspan>');
    expect(svg).toContain('>192.0.2.100  port 104</tspan>');
  });

  it('gives every VIP its mode: a data-mode, a badge and a colour per mode', () => {
    const modes = dataValues(svg, 'mode');
    expect(modes.filter((m) => m === 'l4-dr')).toHaveLength(7);
    expect(modes.filter((m) => m === 'l4-snat')).toHaveLength(2);
    expect(modes.filter((m) => m === 'l7-tcp')).toHaveLength(10);
    expect(svg).toMatch(/data-vip="DB_MT" data-mode="l4-snat">[\s\S]*?>L4<\/tspan>[^]*?>SNAT<\/tspan>/);
  });

  it('draws every real server of every VIP inside its VIP row, with address, weight and state', () => {
    for (const vip of vips) {
      const row = svg.match(new RegExp(`<g class="vip-row" data-vip="${vip.name}"[\\s\\S]*?\\n  </g>`))?.[0] ?? '';
      expect(dataValues(row, 'rip')).toEqual(vip.realServers.map((r) => r.name));
      for (const server of vip.realServers) expect(row).toContain(`>${server.address}  weight ${server.weight}</tspan>`);
    }
    expect(dataValues(svg, 'rip')).toHaveLength(vips.flatMap((v) => v.realServers).length);
  });

  it('shows the appliance as an HA pair with both management addresses and its subnets', () => {
    expect(svg).toContain('data-appliance="lb-pacs"');
    for (const line of ['HA pair', 'primary 192.0.2.5', 'secondary 192.0.2.6', 'API port 9443', '192.0.2.0/24', '198.51.100.0/24', '19 VIPs']) expect(svg).toContain(line);
  });

  it('has the VIP table and the health check and persistence of each VIP', () => {
    expect(html).toMatch(/<td>7<\/td><td class="wrap">DB_MT\n[^<]*<\/td><td class="wrap">Layer 4 SNAT<\/td><td>198\.51\.100\.100\nTCP every TCP port except 20000<\/td>/);
    expect(html).toMatch(/<tr data-vip="DB_MT"><td>7<\/td><td>DB_MT<\/td><td class="wrap">connect to port 1521<\/td><td>every 1 s, timeout 2 s\nout after 2 failures, back after 3 successes<\/td><td class="wrap">—<\/td><td>source IP \(300 s\)<\/td><td>weighted least connections<\/td><\/tr>/);
    expect(html).toContain('<td>CCG_IB_2101</td><td class="wrap">connect to port</td>');
    expect(html).toContain('>last successful<');
    expect(dataValues(html.replace(/<svg[\s\S]*?<\/svg>/g, ''), 'vip')).toEqual([...vips, ...vips].map((v) => v.name));
  });

  it('sums up modes, states and warnings', () => {
    expect(html).toContain('19 VIPs: 7 Layer 4 DR (direct routing), 2 Layer 4 SNAT, 10 Layer 7 reverse proxy (TCP); 39 real servers: 39 declared online; 0 warnings');
    expect(html).toContain('No warnings.');
  });

  it('is deterministic: the same input, a copy of it, byte-identical output', () => {
    expect(renderReport(structuredClone(appliance), structuredClone(vips), [])).toBe(html);
  });

  it('fetches nothing: a CSP that forbids it, no scripts, links, images, frames, imports or external URLs', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;;`);
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed|image|use|foreignObject)\b/i);
    expect(html).not.toMatch(/\b(src|href|xlink:href)=|@import|@font-face/i);
    // The only URL-like texts: the SVG namespace (a name, never fetched) and references to the page's own markers.
    expect([...html.matchAll(/[a-z]+:\/\/[^\s"')]+/gi)].map((m) => m[0]).filter((u) => u !== 'http://www.w3.org/2000/svg')).toEqual([]);
    expect([...html.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1]).every((ref) => /^#a1-arrow-[a-z0-9-]+$/.test(ref))).toBe(true);
  });

  it('starts with the doctype and the generated-file header', () => {
    expect(html.split('\n').slice(0, 3)).toEqual([
      '<!DOCTYPE html>',
      '<!-- Load balancing report of appliance lb-pacs. -->',
      '<!-- Generated by cdktf-pacs-lb at synth; hand edits will be overwritten. -->',
    ]);
  });
});

describe('renderReport of changed specs', () => {
  it('shows drain and halt: state in the data, the text, the stroke and the summary', () => {
    const ea = vips[1];
    const drained = changed(ea, { realServers: [{ ...ea.realServers[0], state: RealServerState.DRAIN }, { ...ea.realServers[1], state: RealServerState.HALT, weight: 0, port: 11112 }] });
    const svg = svgOf(renderReport(appliance, [drained], []));
    expect(svg).toMatch(/data-rip="EA1" data-state="drain">[\s\S]*?stroke="#b36b00" stroke-width="1.5" stroke-dasharray="6 3"\/>[\s\S]*?>EA1  declared drain</);
    expect(svg).toMatch(/data-rip="EA2" data-state="halt">[\s\S]*?fill="#ececec" stroke="#c62828" stroke-width="1.5" stroke-dasharray="2 2"\/>[\s\S]*?>EA2  declared halt<\/tspan><tspan [^>]*>192\.0\.2\.22:11112  weight 0</);
    expect(renderReport(appliance, [drained], [])).toContain('2 real servers: 1 declared drain, 1 declared halt');
  });

  it('lists the warnings it is given, escaped', () => {
    const html = renderReport(appliance, vips.slice(0, 1), ['[pacs-lb:x] EA_XDS_Service: realServers: <b>bold</b> & more.']);
    expect(html).toContain('<ul class="warnings">\n  <li>[pacs-lb:x] EA_XDS_Service: realServers: &lt;b&gt;bold&lt;/b&gt; &amp; more.</li>\n</ul>');
    expect(html).toContain('1 warning');
    expect(html).not.toContain('No warnings.');
  });

  it('escapes every value, even of specs that never passed validation', () => {
    const hostile = '--> "><script>alert(1)</script><x y=\'';
    const vip = changed(vips[0], {
      name: hostile,
      description: hostile,
      address: hostile,
      healthCheck: { ...vips[0].healthCheck, path: hostile, expectText: hostile, host: hostile },
      realServers: [{ name: hostile, address: hostile, weight: 1, state: RealServerState.ONLINE }],
    });
    const html = renderReport({ ...appliance, name: hostile, subnets: [hostile], managementAddresses: [hostile] }, [vip], [hostile]);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<x y');
    expect(html).not.toMatch(/="[^"]*"><script/);
    expect(html).toContain('--&gt; &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;x y=&#39;');
    expect(html.match(/-->/g)).toHaveLength(2); // only the two header comment lines end a comment
  });

  it('numbers the VIPs in the order given and reports several appliances on one page with unique marker ids', () => {
    const second = { ...appliance, name: 'lb-dr-site', managementAddresses: ['192.0.2.9'], subnets: [] };
    const html = renderReportPage([
      { appliance, vips: vips.slice(0, 2).map(resolveVirtualService), warnings: [] },
      { appliance: second, vips: [resolveVirtualService(vips[8])], warnings: ['w'] },
    ]);
    expect(dataValues(html, 'appliance')).toEqual(['lb-pacs', 'lb-pacs', 'lb-dr-site', 'lb-dr-site']);
    expect(html).toContain('<title>PACS load balancing: lb-pacs, lb-dr-site</title>');
    expect(html).toContain('>1 DAS_Pool</tspan>');
    expect(html).toContain('single appliance');
    const ids = dataValues(html.replace(/ id="/g, ' data-id="'), 'id');
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.some((id) => id.startsWith('a2-'))).toBe(true);
  });
});
