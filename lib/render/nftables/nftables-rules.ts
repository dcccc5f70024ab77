import { ForwardingMethod } from '../../spec/forwarding-method';
import { formatRange } from '../../spec/ports';
import { ResolvedVirtualService } from '../../spec/resolved-virtual-service';
import { ApplianceSpec } from '../../spec/virtual-service-spec';
import { addressFamily } from '../../net/addresses';
import { generatedHeader } from '../generated-header';
import { firewallMark, FIREWALL_MARK_BASE, usesFirewallMark } from '../keepalived/firewall-mark';
import { vipHeading } from '../vip-heading';

/** The nftables table that holds every rule of this file; reloading the file replaces it whole. */
export const NFTABLES_TABLE = 'pacs_lb';

/** `{ 104, 4100, 8080 }`, `{ 1-100 }`, or `!= { 20000 }` for "every TCP port except 20000". */
function portMatch(vip: ResolvedVirtualService): string {
  if (vip.ports.allExcept) return `!= { ${vip.ports.allExcept.join(', ')} }`;
  return `{ ${vip.ports.ranges.map(formatRange).join(', ')} }`;
}

/** `ip` or `ip6`: the nftables address family of the VIP. */
function ipFamily(vip: ResolvedVirtualService): string {
  return addressFamily(vip.address) === 'ipv6' ? 'ip6' : 'ip';
}

/** Packets to a firewall-mark VIP get its mark before IPVS sees them. */
function markRule(vip: ResolvedVirtualService, index: number): string {
  return `${ipFamily(vip)} daddr ${vip.address} ${vip.protocol} dport ${portMatch(vip)} meta mark set ${firewallMark(index)}`;
}

/**
 * SNAT: connections that came in for the VIP and that IPVS forwards (NAT) leave with the load
 * balancer's address, so the real servers answer through it. Matched on the connection's
 * original destination (the VIP and its ports), which needs `net.ipv4.vs.conntrack=1`.
 */
function snatRule(vip: ResolvedVirtualService): string {
  return `meta l4proto ${vip.protocol} ct original ${ipFamily(vip)} daddr ${vip.address} ct original proto-dst ${portMatch(vip)} masquerade`;
}

/** One chain: a comment naming each VIP before its rule, VIPs in declaration order. */
function chain(name: string, hook: string, comment: string, rules: [ResolvedVirtualService, number, string][]): string[] {
  return [
    `  # ${comment}`,
    `  chain ${name} {`,
    `    ${hook}`,
    ...rules.flatMap(([vip, index, rule]) => [`    ${vipHeading(vip, index + 1)}`, `    ${rule}`]),
    '  }',
  ];
}

/**
 * `nftables.nft` of an appliance: the firewall marks of multi-port Layer 4 VIPs (keepalived's
 * `virtual_server fwmark N`, N = 1000 + VIP number) and the masquerade rules of Layer 4 SNAT
 * VIPs. Loading the file (`nft -f nftables.nft`) replaces the table `pacs_lb` whole, so it is
 * idempotent and leaves other tables alone. Pure: same input, byte-identical output.
 */
export function renderNftablesRules(appliance: ApplianceSpec, vips: ResolvedVirtualService[]): string {
  const layer4 = vips.map((vip, index) => [vip, index] as [ResolvedVirtualService, number]).filter(([vip]) => vip.layer === 4);
  const marks = layer4.filter(([vip]) => usesFirewallMark(vip)).map(([vip, index]) => [vip, index, markRule(vip, index)] as [ResolvedVirtualService, number, string]);
  const snats = layer4.filter(([vip]) => vip.layer === 4 && vip.forwarding === ForwardingMethod.SNAT).map(([vip, index]) => [vip, index, snatRule(vip)] as [ResolvedVirtualService, number, string]);
  return [
    '#!/usr/sbin/nft -f',
    ...generatedHeader('#', `nftables rules of appliance ${appliance.name}: firewall marks of multi-port Layer 4 VIPs and SNAT`),
    '#',
    `# Load before keepalived: nft -f nftables.nft (replaces table inet ${NFTABLES_TABLE}, nothing else).`,
    `# Firewall mark of a VIP = ${FIREWALL_MARK_BASE} + its number, as in keepalived.conf. SNAT needs net.ipv4.vs.conntrack=1.`,
    '',
    `table inet ${NFTABLES_TABLE}`,
    `delete table inet ${NFTABLES_TABLE}`,
    '',
    `table inet ${NFTABLES_TABLE} {`,
    ...chain('mark_vips', 'type filter hook prerouting priority mangle; policy accept;', 'Firewall marks: one keepalived virtual server for all ports of a VIP', marks),
    '',
    ...chain('snat_vips', 'type nat hook postrouting priority srcnat; policy accept;', 'SNAT: real servers of these VIPs see the load balancer as the client', snats),
    '}',
    '',
  ].join('\n');
}
