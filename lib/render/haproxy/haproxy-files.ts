import type { ApplianceRenderer } from '../renderer';
import { isHaproxyVip, renderHaproxyConfig } from './haproxy-config';

/**
 * The appliance output's `haproxy.cfg`: the appliance's Layer 7 VIPs as HAProxy runs them
 * (Layer 4 VIPs are keepalived's). Written only when the appliance has a Layer 7 VIP.
 */
export const haproxyFiles: ApplianceRenderer = (appliance, vips) =>
  vips.some((vip) => isHaproxyVip(vip)) ? [{ path: 'haproxy.cfg', content: renderHaproxyConfig(appliance, vips) }] : [];
