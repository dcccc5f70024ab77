import { portCount } from '../../spec/ports';
import { ResolvedVirtualService } from '../../spec/resolved-virtual-service';

/**
 * Firewall marks of Layer 4 VIPs. keepalived's `virtual_server IP PORT` serves one port, so a VIP
 * with several ports (DAS_Pool: 4100, 8080, 104), a range, or "every TCP port except N" (DB_MT)
 * becomes `virtual_server fwmark MARK`, and an nftables rule gives its packets that mark.
 *
 * The mark is {@link FIREWALL_MARK_BASE} + the VIP's number (its 1-based position on the
 * appliance, as in the VIP table): VIP 9 DAS_Pool gets mark 1009. Deterministic, readable, and
 * a VIP keeps its mark when VIPs are added after it.
 */
export const FIREWALL_MARK_BASE = 1000;

/** Whether the VIP is served as a firewall-mark virtual server (Layer 4 with more than one port). */
export function usesFirewallMark(vip: ResolvedVirtualService): boolean {
  return vip.layer === 4 && (vip.ports.allExcept !== undefined || portCount(vip.ports) > 1);
}

/** The firewall mark of the VIP at 0-based `index` in the appliance's VIP list. */
export function firewallMark(index: number): number {
  return FIREWALL_MARK_BASE + index + 1;
}
