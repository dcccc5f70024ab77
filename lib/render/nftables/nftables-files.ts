import type { ApplianceRenderer } from '../renderer';
import { renderNftablesRules } from './nftables-rules';

/** `nftables.nft`: firewall marks and SNAT rules beside keepalived.conf. */
export const nftablesFiles: ApplianceRenderer = (appliance, vips) => [{ path: 'nftables.nft', content: renderNftablesRules(appliance, vips) }];
