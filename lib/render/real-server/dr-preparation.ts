import { ForwardingMethod } from '../../spec/forwarding-method';
import { ResolvedVirtualService } from '../../spec/resolved-virtual-service';
import { addressFamily, hostPrefixLength } from '../../net/addresses';
import { generatedHeader } from '../generated-header';

/** One VIP address a DR real server must own: on its loopback, without answering ARP for it. */
export interface DrVipAddress {
  /** The VIP address. */
  readonly address: string;
  /** Whether it is an IPv6 address. */
  readonly ipv6: boolean;
  /** Its host prefix length: 32 or 128. */
  readonly prefixLength: number;
  /** The VIPs on this address that the host serves, as `VIP <number> <name>`, in VIP order. */
  readonly vips: string[];
}

/**
 * What both real-server preparation scripts (Linux and Windows) need to know about one real
 * server host of Layer 4 DR VIPs: it must own every one of their addresses without answering
 * ARP (or neighbour discovery) for them, because the load balancer forwards packets still
 * addressed to the VIP. One preparation per host address covers all of that host's DR VIPs.
 */
export interface DrPreparation {
  /** The host's address (as the VIPs' real servers give it). */
  readonly host: string;
  /** The names the VIPs give this host, each once, in VIP order. */
  readonly names: string[];
  /** The VIP addresses it must own, each once, in VIP order. */
  readonly addresses: DrVipAddress[];
}

/**
 * The preparation of every real server host of the appliance's DR VIPs (halted servers too:
 * they may be brought online later), in the order the hosts first appear. VIPs are numbered
 * from 1 in the order given, as on the appliance.
 */
export function drPreparations(vips: ResolvedVirtualService[]): DrPreparation[] {
  const hosts = new Map<string, { names: string[]; addresses: Map<string, DrVipAddress> }>();
  vips.forEach((vip, index) => {
    if (vip.layer !== 4 || vip.forwarding !== ForwardingMethod.DR) return;
    const label = `VIP ${index + 1} ${vip.name}`;
    for (const rip of vip.realServers) {
      let host = hosts.get(rip.address);
      if (host === undefined) hosts.set(rip.address, (host = { names: [], addresses: new Map() }));
      if (!host.names.includes(rip.name)) host.names.push(rip.name);
      let address = host.addresses.get(vip.address);
      if (address === undefined) {
        const ipv6 = addressFamily(vip.address) === 'ipv6';
        host.addresses.set(vip.address, (address = { address: vip.address, ipv6, prefixLength: hostPrefixLength(vip.address), vips: [] }));
      }
      if (!address.vips.includes(label)) address.vips.push(label);
    }
  });
  return [...hosts].map(([host, { names, addresses }]) => ({ host, names, addresses: [...addresses.values()] }));
}

/**
 * The file name of a host's scripts without the ending: its address, with IPv6 colons as
 * dashes (a colon cannot be in a Windows file name): `192.0.2.21`, `2001-db8--21`.
 */
export function drScriptName(p: DrPreparation): string {
  return p.host.replace(/:/g, '-');
}

/**
 * The header both scripts start with (after the shebang), as `#` comments: the host, each VIP
 * address and the VIPs on it, and why; `howToRun` ends the explanation (it differs by system).
 */
export function preparationHeader(p: DrPreparation, howToRun: string[]): string[] {
  const count = p.addresses.length === 1 ? 'one VIP address' : `${p.addresses.length} VIP addresses`;
  return [
    ...generatedHeader('#', `DR preparation of real server ${p.host} (${p.names.join(', ')}) for ${count}`),
    ...p.addresses.map((a) => `#  ${a.address}: ${a.vips.join(', ')}`),
    '#',
    '# The load balancer forwards packets still addressed to the VIP, so this server must accept the',
    ...howToRun,
  ];
}
