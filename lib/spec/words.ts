import { ClientAddressMode } from './client-address-mode';
import { ForwardingMethod } from './forwarding-method';
import { HealthCheckType } from './health-check-type';
import { PersistenceType } from './persistence-type';
import { ProxyMode } from './proxy-mode';
import { RealServerState } from './real-server-state';
import { Scheduler } from './scheduler';

/**
 * Every word the library uses for a spec's values, in one module: the words people read (as the
 * Centricity PACS guide's VIP table writes them: VIP tables, reports, comments in generated
 * files) and the names the load balancers' own programs give them (IPVS, HAProxy). Phrases built
 * from them for one VIP are in lib/render/describe.ts.
 */

/** A forwarding method as people write it: `DR`, `NAT`, `SNAT`. */
export const FORWARDING_WORDS: Readonly<Record<ForwardingMethod, string>> = {
  [ForwardingMethod.DR]: 'DR',
  [ForwardingMethod.NAT]: 'NAT',
  [ForwardingMethod.SNAT]: 'SNAT',
};

/** A kind of persistence as people write it. */
export const PERSISTENCE_WORDS: Readonly<Record<PersistenceType, string>> = {
  [PersistenceType.NONE]: 'none',
  [PersistenceType.SOURCE_IP]: 'source IP',
  [PersistenceType.LAST_SUCCESSFUL]: 'last successful',
  [PersistenceType.HTTP_COOKIE]: 'HTTP cookie',
};

/** A kind of health check as people write it. */
export const CHECK_WORDS: Readonly<Record<HealthCheckType, string>> = {
  [HealthCheckType.HTTP_GET]: 'HTTP GET',
  [HealthCheckType.HTTPS_GET]: 'HTTPS GET',
  [HealthCheckType.CONNECT]: 'connect to port',
  [HealthCheckType.PING]: 'ICMP ping',
  [HealthCheckType.DICOM_ASSOCIATION]: 'DICOM association',
  [HealthCheckType.HL7_MLLP]: 'HL7 MLLP',
  [HealthCheckType.EXTERNAL]: 'external script',
  [HealthCheckType.NONE]: 'none',
};

/** A scheduler as people write it. */
export const SCHEDULER_WORDS: Readonly<Record<Scheduler, string>> = {
  [Scheduler.WEIGHTED_LEAST_CONNECTIONS]: 'weighted least connections',
  [Scheduler.ROUND_ROBIN]: 'weighted round robin',
};

/** How a Layer 7 VIP passes the client's address on, as people write it. */
export const CLIENT_ADDRESS_WORDS: Readonly<Record<ClientAddressMode, string>> = {
  [ClientAddressMode.NONE]: 'client address not passed on',
  [ClientAddressMode.X_FORWARDED_FOR]: 'client address in X-Forwarded-For',
  [ClientAddressMode.PROXY_PROTOCOL_V1]: 'client address by PROXY protocol v1',
  [ClientAddressMode.PROXY_PROTOCOL_V2]: 'client address by PROXY protocol v2',
  [ClientAddressMode.TRANSPARENT]: 'transparent (client address kept)',
};

/**
 * A real server's state as the report words it, e.g. `declared online`: the administrative state
 * the spec declares, which is not live health (`pacs-lb status` shows that).
 */
export function declaredState(state: RealServerState): string {
  return `declared ${state}`;
}

/** A Layer 4 VIP's mode as the report's legend words it. */
export const LAYER4_MODE_WORDS: Readonly<Record<ForwardingMethod, string>> = {
  [ForwardingMethod.DR]: 'Layer 4 DR (direct routing)',
  [ForwardingMethod.NAT]: 'Layer 4 NAT',
  [ForwardingMethod.SNAT]: 'Layer 4 SNAT',
};

/** A Layer 7 VIP's mode as the report's legend words it. */
export const LAYER7_MODE_WORDS: Readonly<Record<ProxyMode, string>> = {
  [ProxyMode.TCP]: 'Layer 7 reverse proxy (TCP)',
  [ProxyMode.HTTP]: 'Layer 7 reverse proxy (HTTP)',
};

/** A real server's declared state with what it does, as the report's legend words it. */
export const STATE_LEGEND_WORDS: Readonly<Record<RealServerState, string>> = {
  [RealServerState.ONLINE]: declaredState(RealServerState.ONLINE),
  [RealServerState.DRAIN]: `${declaredState(RealServerState.DRAIN)} (existing sessions finish, no new ones)`,
  [RealServerState.HALT]: `${declaredState(RealServerState.HALT)} (out of rotation, sessions cut)`,
};

/** The scheduler as IPVS names it: keepalived's `lb_algo` and the appliance's Layer 4 `scheduler`. */
export const IPVS_SCHEDULER: Readonly<Record<Scheduler, string>> = {
  [Scheduler.WEIGHTED_LEAST_CONNECTIONS]: 'wlc',
  [Scheduler.ROUND_ROBIN]: 'wrr',
};

/** The scheduler as HAProxy names it: `balance` and the appliance's Layer 7 `scheduler`. */
export const HAPROXY_BALANCE: Readonly<Record<Scheduler, string>> = {
  [Scheduler.WEIGHTED_LEAST_CONNECTIONS]: 'leastconn',
  [Scheduler.ROUND_ROBIN]: 'roundrobin',
};
