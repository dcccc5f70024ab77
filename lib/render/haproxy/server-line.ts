import { RealServerState } from '../../spec/real-server-state';
import { checkPortOf, ResolvedVirtualService } from '../../spec/resolved-virtual-service';
import { RealServerSpec } from '../../spec/virtual-service-spec';
import { checkServerOptions } from './health-check-lines';
import { clientAddressServerOptions } from './client-address-lines';
import { bracketedHost, hostPort } from '../../net/host-port';
import { haproxyArgument } from './haproxy-argument';
import { persistenceServerOptions } from './persistence-lines';

/**
 * Real-server states as HAProxy holds them. Drain: weight 0, so no new connections while the
 * existing ones finish (after a hitless reload they live on in the old worker). Halt: the
 * server is in maintenance (`disabled`); the local target also cuts its open sessions.
 */
const STATE_OPTIONS: Record<RealServerState, (server: RealServerSpec) => string[]> = {
  [RealServerState.ONLINE]: (server) => ['weight', String(server.weight)],
  [RealServerState.DRAIN]: () => ['weight', '0'],
  [RealServerState.HALT]: (server) => ['weight', String(server.weight), 'disabled'],
};

/**
 * The port the check connects to, when HAProxy would not know it: the check's own port, or
 * the VIP's port for a server that has none (it follows the client's port, which a check has not).
 */
function checkPort(vip: ResolvedVirtualService, server: RealServerSpec): number | undefined {
  return checkPortOf(vip.healthCheck) ?? (server.port === undefined ? vip.ports.ranges[0].first : undefined);
}

/**
 * One `server` line. A server without a port is written without one, so HAProxy connects to the
 * port the client connected to (every port of a multi-port VIP goes to the same port).
 */
export function serverLine(vip: ResolvedVirtualService, server: RealServerSpec): string {
  const address = server.port === undefined ? bracketedHost(server.address) : hostPort(server.address, server.port);
  return [
    'server',
    haproxyArgument(server.name),
    address,
    ...STATE_OPTIONS[server.state](server),
    ...(server.maxConnections !== undefined ? ['maxconn', String(server.maxConnections)] : []),
    ...persistenceServerOptions(vip, server),
    ...clientAddressServerOptions(vip, server),
    ...(server.encrypted ? ['ssl', 'verify', 'none'] : []),
    ...checkServerOptions(vip.healthCheck, checkPort(vip, server)),
  ].join(' ');
}
