import { VirtualServiceSpec } from '../../spec/virtual-service-spec';

/** The loopback network the VIPs are moved to: 127.77.0.1, 127.77.0.2, ... */
const LOOPBACK_PREFIX = '127.77.0.';

/**
 * Bind addresses that let a VIP set run on a machine that owns none of its addresses (a
 * workstation, a CI runner): each distinct VIP address becomes its own loopback address, in
 * order of first use, so VIPs that share an address still share one and their ports do not
 * collide. For {@link LocalHaproxyTargetProps.bindAddresses}.
 */
export function loopbackBindAddresses(vips: VirtualServiceSpec[]): Record<string, string> {
  const byAddress = new Map<string, string>();
  for (const vip of vips) {
    if (!byAddress.has(vip.address)) byAddress.set(vip.address, `${LOOPBACK_PREFIX}${byAddress.size + 1}`);
  }
  if (byAddress.size > 254) throw new Error(`loopbackBindAddresses: ${byAddress.size} VIP addresses do not fit in ${LOOPBACK_PREFIX}0/24. Run at most 254 distinct VIP addresses locally.`);
  return Object.fromEntries(vips.map((vip) => [vip.name, byAddress.get(vip.address)!]));
}
