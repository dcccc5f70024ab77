import { DEFAULT_LAYER7_IDLE_TIMEOUT_SECONDS } from '../../spec/defaults';
import { formatRange } from '../../spec/ports';
import { ProxyMode } from '../../spec/proxy-mode';
import { VirtualServiceSpec } from '../../spec/virtual-service-spec';
import { HAPROXY_BALANCE } from '../scheduler-names';
import { vipHeading } from '../vip-heading';
import { clientAddressSectionLines } from './client-address-lines';
import { checkSectionLines } from './health-check-lines';
import { hostPort } from '../../net/host-port';
import { haproxyArgument } from './haproxy-argument';
import { persistenceSectionLines } from './persistence-lines';
import { serverLine } from './server-line';

/**
 * One VIP as a `listen` section named exactly as the VIP: a bind for every port or range,
 * the balance algorithm, timeouts, persistence, the health check and a line per real server.
 * `number` is the VIP's place in the appliance's list (as in the VIP table); `bindAddress`
 * replaces the VIP's address when the VIP set runs on another machine.
 */
export function renderVipSection(vip: VirtualServiceSpec, number: number, bindAddress: string): string[] {
  const standIn = vip.layer === 4;
  const mode = vip.proxyMode === ProxyMode.HTTP ? 'http' : 'tcp';
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
    `timeout client ${vip.clientTimeoutSeconds ?? DEFAULT_LAYER7_IDLE_TIMEOUT_SECONDS}s`,
    `timeout server ${vip.serverTimeoutSeconds ?? DEFAULT_LAYER7_IDLE_TIMEOUT_SECONDS}s`,
    ...clientAddressSectionLines(vip),
    ...persistenceSectionLines(vip),
    ...checkSectionLines(vip.healthCheck),
    ...vip.realServers.map((server) => serverLine(vip, server)),
  ];
  return [...header, `listen ${haproxyArgument(vip.name)}`, ...body.map((line) => `  ${line}`)];
}
