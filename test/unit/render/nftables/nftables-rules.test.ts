/**
 * What nftables.nft says for Layer 4 VIPs. `nft -c` accepts the same files in
 * test/integration/keepalived; the marks are also proven live on packets there.
 */
import { describe, expect, it } from 'vitest';
import { ForwardingMethod, HealthCheck, Ports, Protocol } from '../../../../lib';
import { renderKeepalivedConf as renderResolvedKeepalived } from '../../../../lib/render/keepalived/keepalived-conf';
import { renderNftablesRules as renderResolvedNftables } from '../../../../lib/render/nftables/nftables-rules';
import { block, layer4, layer7, site, Site } from '../keepalived/layer4-site';
import { resolveVirtualService } from '../../../../lib/spec/resolved-virtual-service';
import { ApplianceSpec as ResolverApplianceSpec, VirtualServiceSpec as ResolverVipSpec } from '../../../../lib/spec/virtual-service-spec';

/** The renderer as the callers use it: each spec resolved first. */
const renderKeepalivedConf = (appliance: ResolverApplianceSpec, vips: ResolverVipSpec[]) => renderResolvedKeepalived(appliance, vips.map(resolveVirtualService));
/** The renderer as the callers use it: each spec resolved first. */
const renderNftablesRules = (appliance: ResolverApplianceSpec, vips: ResolverVipSpec[]) => renderResolvedNftables(appliance, vips.map(resolveVirtualService));

const render = (s: Site) => renderNftablesRules(s.appliance, s.vips);

const guideSite = () =>
  site(
    (a) => {
      layer4(a, 'EA_Dicom_Service', { ports: Ports.single(104) });
      layer4(a, 'DB_MT', { ports: Ports.allTcpExcept([20000]), forwarding: ForwardingMethod.SNAT, address: '198.51.100.100', realServers: [{ name: 'DB1', address: '198.51.100.11' }], healthCheck: HealthCheck.connect({ port: 1521 }) });
      layer4(a, 'DB_DBVIP', { ports: Ports.single(20000), forwarding: ForwardingMethod.SNAT, address: '198.51.100.100', realServers: [{ name: 'DB1', address: '198.51.100.11' }], healthCheck: HealthCheck.ping() });
      layer4(a, 'DAS_Pool', { ports: Ports.list([4100, 8080, 104]), address: '192.0.2.101', healthCheck: HealthCheck.httpGet({ port: 8080 }) });
      layer7(a, 'ZFP', { ports: Ports.list([443, 8443]), healthCheck: HealthCheck.connect({ port: 443 }) });
    },
    { subnets: ['192.0.2.0/24', '198.51.100.0/24'] },
  );

describe('nftables.nft', () => {
  it('marks every port of a multi-port VIP, and every TCP port but the excluded ones, with 1000 + the VIP number', () => {
    const mark = block(render(guideSite()), /^chain mark_vips/);
    expect(mark).toEqual([
      'chain mark_vips {',
      'type filter hook prerouting priority mangle; policy accept;',
      '# VIP 2 DB_MT — Layer 4 SNAT, every TCP port except 20000',
      'ip daddr 198.51.100.100 tcp dport != { 20000 } meta mark set 1002',
      '# VIP 4 DAS_Pool — Layer 4 DR, ports 104, 4100, 8080',
      'ip daddr 192.0.2.101 tcp dport { 104, 4100, 8080 } meta mark set 1004',
      '}',
    ]);
  });

  it('the marks are those of the fwmark virtual servers in keepalived.conf', () => {
    const s = guideSite();
    const nftMarks = [...render(s).matchAll(/meta mark set (\d+)/g)].map((m) => m[1]);
    const keepalivedMarks = [...renderKeepalivedConf(s.appliance, s.vips).matchAll(/virtual_server fwmark (\d+)/g)].map((m) => m[1]);
    expect(nftMarks).toEqual(keepalivedMarks);
  });

  it('masquerades connections IPVS forwards for SNAT VIPs, matched on their original destination', () => {
    expect(block(render(guideSite()), /^chain snat_vips/)).toEqual([
      'chain snat_vips {',
      'type nat hook postrouting priority srcnat; policy accept;',
      '# VIP 2 DB_MT — Layer 4 SNAT, every TCP port except 20000',
      'meta l4proto tcp ct original ip daddr 198.51.100.100 ct original proto-dst != { 20000 } masquerade',
      '# VIP 3 DB_DBVIP — Layer 4 SNAT, port 20000',
      'meta l4proto tcp ct original ip daddr 198.51.100.100 ct original proto-dst { 20000 } masquerade',
      '}',
    ]);
  });

  it('writes IPv6 and UDP VIPs with their own families and protocols', () => {
    const text = render(
      site(
        (a) => layer4(a, 'V6', { ports: Ports.between(5000, 5010), protocol: Protocol.UDP, forwarding: ForwardingMethod.SNAT, address: '2001:db8::100', realServers: [{ name: 'A', address: '2001:db8::21' }], healthCheck: HealthCheck.ping() }),
        { subnets: ['2001:db8::/64'] },
      ),
    );
    expect(text).toContain('ip6 daddr 2001:db8::100 udp dport { 5000-5010 } meta mark set 1001');
    expect(text).toContain('meta l4proto udp ct original ip6 daddr 2001:db8::100 ct original proto-dst { 5000-5010 } masquerade');
  });

  it('replaces only its own table, so loading it again is idempotent', () => {
    const text = render(guideSite());
    expect(text).toContain('table inet pacs_lb\ndelete table inet pacs_lb\n\ntable inet pacs_lb {');
    expect(text.match(/^table /gm)).toHaveLength(2);
  });

  it('has empty chains, and still replaces the table, when no VIP needs a mark or SNAT', () => {
    const text = render(site((a) => layer4(a, 'V', { ports: Ports.single(104) })));
    expect(text).not.toMatch(/meta mark set|masquerade/);
    expect(text).toContain('delete table inet pacs_lb');
  });

  it('starts with the generated header and is deterministic', () => {
    const text = render(guideSite());
    expect(text.split('\n').slice(0, 3)).toEqual([
      '#!/usr/sbin/nft -f',
      '# nftables rules of appliance lb1: firewall marks of multi-port Layer 4 VIPs and SNAT.',
      '# Generated by cdktf-pacs-lb at synth; hand edits will be overwritten.',
    ]);
    expect(render(guideSite())).toBe(text);
  });
});
