import { ForwardingMethod } from '../../spec/forwarding-method';
import { PersistenceType } from '../../spec/persistence-type';
import { portCount } from '../../spec/ports';
import { Protocol } from '../../spec/protocol';
import { RealServerState } from '../../spec/real-server-state';
import { checkPortOf, ResolvedLayer4Vip } from '../../spec/resolved-virtual-service';
import { IPVS_SCHEDULER } from '../../spec/words';
import { RealServerSpec } from '../../spec/virtual-service-spec';
import { addressFamily } from '../../net/addresses';
import { checkerLines } from './checker';
import { firewallMark, usesFirewallMark } from './firewall-mark';
import { vipHeading } from '../vip-heading';

/** IPVS forwarding: SNAT is NAT here, plus the masquerade rule in nftables.nft. */
const LB_KIND: Record<ForwardingMethod, string> = {
  [ForwardingMethod.DR]: 'DR',
  [ForwardingMethod.NAT]: 'NAT',
  [ForwardingMethod.SNAT]: 'NAT',
};

const PROTOCOL: Record<Protocol, string> = {
  [Protocol.TCP]: 'TCP',
  [Protocol.UDP]: 'UDP',
};

/** The single port of a VIP that is not a firewall-mark service. */
function singlePort(vip: ResolvedLayer4Vip): number | undefined {
  return portCount(vip.ports) === 1 ? vip.ports.ranges[0].first : undefined;
}

function indent(lines: string[]): string[] {
  return lines.map((line) => (line === '' ? line : `  ${line}`));
}

/**
 * One real server. Drain is weight 0: IPVS keeps its open connections and sends it no new ones.
 * Halt leaves the server out: keepalived removes it from IPVS, and with
 * `net.ipv4.vs.expire_nodest_conn=1` its connections are cut at their next packet.
 */
function realServerLines(vip: ResolvedLayer4Vip, rip: RealServerSpec): string[] {
  if (rip.state === RealServerState.HALT) {
    return [`# real server ${rip.name} ${rip.address}: halted, left out`];
  }
  const vipPort = singlePort(vip);
  const port = vipPort === undefined ? 0 : rip.port ?? vipPort;
  const checkPort = checkPortOf(vip.healthCheck) ?? rip.port ?? vipPort ?? 0;
  const limits = [
    ...(rip.maxConnections !== undefined ? [`  uthreshold ${rip.maxConnections}`] : []),
    ...(rip.minConnections !== undefined ? [`  lthreshold ${rip.minConnections}`] : []),
  ];
  if (hasNoWeight(vip)) {
    return [
      `# real server ${rip.name} (no weight in this VIP: held at weight 0 by a check that always fails, open connections kept)`,
      `real_server ${rip.address} ${port} {`,
      '  weight 1',
      '  inhibit_on_failure',
      ...limits,
      '  MISC_CHECK {',
      `    misc_path "${ALWAYS_FAILING_CHECK}"`,
      '  }',
      '}',
    ];
  }
  const weight = effectiveWeight(rip);
  return [
    `# real server ${rip.name}${rip.state === RealServerState.DRAIN ? ' (drain: weight 0, open connections kept)' : ''}`,
    `real_server ${rip.address} ${port} {`,
    `  weight ${weight}`,
    ...limits,
    ...indent(checkerLines(vip.healthCheck, { vip, rip, port: checkPort })),
    '}',
  ];
}

/** The IPVS weight of a real server that is not halted: 0 when drained. */
function effectiveWeight(rip: RealServerSpec): number {
  return rip.state === RealServerState.DRAIN ? 0 : rip.weight;
}

/** A check program that always fails: root-owned on every Linux, so keepalived's script security accepts it. */
const ALWAYS_FAILING_CHECK = '/bin/false';

/**
 * Whether the real servers of a VIP that are not halted add up to weight 0 (all drained or at
 * weight 0): a normal state during maintenance, which keepalived refuses as written (its quorum
 * of 1 exceeds the total weight 0). Such a VIP's servers are written at weight 1 with
 * `inhibit_on_failure` and a check that always fails, so keepalived holds each in IPVS at weight
 * 0: no new connections, open ones kept, which is what drain and weight 0 mean.
 */
function hasNoWeight(vip: ResolvedLayer4Vip): boolean {
  return vip.realServers.filter((rip) => rip.state !== RealServerState.HALT).every((rip) => effectiveWeight(rip) === 0);
}

function persistenceLines(vip: ResolvedLayer4Vip): string[] {
  const persistence = vip.persistence;
  if (persistence.kind !== PersistenceType.SOURCE_IP) return [];
  // The netmask is an IPv4 netmask (validated); it does not apply to an IPv6 VIP.
  const granularity = persistence.netmask !== undefined && addressFamily(vip.address) === 'ipv4' ? [`persistence_granularity ${persistence.netmask}`] : [];
  return [`persistence_timeout ${persistence.timeoutSeconds}`, ...granularity];
}

/**
 * The `virtual_server` of one Layer 4 VIP, preceded by the comment naming it. A VIP with one
 * port is `virtual_server ADDRESS PORT`; any other is `virtual_server fwmark MARK`, marked by
 * nftables.nft. `index` is the VIP's 0-based position on the appliance. A VIP whose every
 * real server is halted has only its comment.
 */
export function virtualServerLines(vip: ResolvedLayer4Vip, index: number): string[] {
  if (vip.realServers.every((rip) => rip.state === RealServerState.HALT)) {
    // keepalived would ignore a virtual server without real servers (and say so); clients are refused.
    return [vipHeading(vip, index + 1), '# every real server is halted: no virtual server'];
  }
  const fwmark = usesFirewallMark(vip);
  const head = fwmark ? `virtual_server fwmark ${firewallMark(index)} {` : `virtual_server ${vip.address} ${singlePort(vip)} {`;
  const family = fwmark && addressFamily(vip.address) === 'ipv6' ? ['ip_family inet6'] : [];
  return [
    vipHeading(vip, index + 1),
    head,
    ...indent([
      `delay_loop ${vip.healthCheck.intervalSeconds}`,
      `lb_algo ${IPVS_SCHEDULER[vip.scheduler]}`,
      `lb_kind ${LB_KIND[vip.forwarding]}`,
      ...(fwmark ? family : [`protocol ${PROTOCOL[vip.protocol]}`]),
      'alpha',
      ...persistenceLines(vip),
      ...vip.realServers.flatMap((rip) => ['', ...realServerLines(vip, rip)]),
    ]),
    '}',
  ];
}
