import { RealServerSpec, VirtualServiceSpec } from '../../spec/virtual-service-spec';
import { addressFamily, hostPrefixLength } from '../../net/addresses';

/**
 * What both real-server preparation scripts (Linux and Windows) need to know: a real server of
 * a Layer 4 DR VIP, which must own the VIP address without answering ARP (or neighbour
 * discovery) for it, because the load balancer forwards packets still addressed to the VIP.
 */
export interface DrPreparation {
  /** The VIP. */
  readonly vip: VirtualServiceSpec;
  /** The VIP's 1-based number on the appliance. */
  readonly vipNumber: number;
  /** The real server prepared. */
  readonly rip: RealServerSpec;
  /** Whether the VIP is an IPv6 address. */
  readonly ipv6: boolean;
  /** The VIP's host prefix length: 32 or 128. */
  readonly prefixLength: number;
}

/** The preparation of one real server of a DR VIP. */
export function drPreparation(vip: VirtualServiceSpec, index: number, rip: RealServerSpec): DrPreparation {
  const ipv6 = addressFamily(vip.address) === 'ipv6';
  return { vip, vipNumber: index + 1, rip, ipv6, prefixLength: hostPrefixLength(vip.address) };
}

/** The first line of both scripts' headers. */
export function preparationTitle(p: DrPreparation): string {
  return `DR preparation of real server ${p.rip.name} (${p.rip.address}) for VIP ${p.vipNumber} ${p.vip.name} (${p.vip.address})`;
}
