import { formatRange } from '../../spec/ports';
import { ProxyMode } from '../../spec/proxy-mode';
import { ResolvedVirtualService } from '../../spec/resolved-virtual-service';
import { HAPROXY_BALANCE } from '../../spec/words';
import { vipHeading } from '../vip-heading';
import { clientAddressSectionLines } from './client-address-lines';
import { checkSectionLines } from './health-check-lines';
import { hostPort } from '../../net/host-port';
import { haproxyArgument } from './haproxy-argument';
import { PROXY_IDLE_TIMEOUT_SECONDS } from './haproxy-options';
import { persistenceSectionLines } from './persistence-lines';
import { serverLine } from './server-line';

/**
 * One VIP as a `listen` section named exactly as the VIP: a bind for every port or range,
 * the balance algorithm, timeouts, persistence, the health check and a line per real server.
 * `number` is the VIP's place in the appliance's list (as in the VIP table); `bindAddress`
 * replaces the VIP's address when the VIP set runs on another machine.
 */
export function renderVipSection(vip: ResolvedVirtualService, number: number, bindAddress: string): string[] {
  const standIn = vip.layer === 4;
  const mode = vip.layer === 7 && vip.proxyMode === ProxyMode.HTTP ? 'http' : 'tcp';
  const timeouts = vip.layer === 7 ? [vip.clientTimeoutSeconds, vip.serverTimeoutSeconds] : [PROXY_IDLE_TIMEOUT_SECONDS, PROXY_IDLE_TIMEOUT_SECONDS];
  const header = [
    vipHeading(vip, number),
    ...(vip.description ? [`# ${vip.description.replace(/[\x00-\x1f\x7f\u2028\u2029]/g, ' ')}`] : []),
    ...(standIn ? ['# Stood in for by a TCP proxy: servers see the proxy\'s address, and replies return through it.'] : []),
    ...(bindAddress !== vip.address ? [`# Bound to ${bindAddress} in place of the VIP address ${vip.address}.`] : []),
  ];
  const body = [
    `mode ${mode}`,
    ...vip.ports.ranges.map((range) => `bind ${hostPort(bindAddress, formatRange(range))}`),
    `balance ${HAPROXY_BALANCE[vip.scheduler]}`,
    ...(vip.maxConnections !== undefined ? [`maxconn ${vip.maxConnections}`] : []),
    `timeout client ${timeouts[0]}s`,
    `timeout server ${timeouts[1]}s`,
    ...clientAddressSectionLines(vip),
    ...persistenceSectionLines(vip),
    ...checkSectionLines(vip.healthCheck),
    ...vip.realServers.map((server) => serverLine(vip, server)),
  ];
  return [...header, `listen ${haproxyArgument(vip.name)}`, ...body.map((line) => `  ${line}`)];
}
