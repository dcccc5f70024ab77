import { Protocol } from '../../spec/protocol';
import { ResolvedVirtualService } from '../../spec/resolved-virtual-service';
import { ApplianceSpec, VirtualServiceSpec } from '../../spec/virtual-service-spec';
import { parseAddress } from '../../net/addresses';
import { printable } from '../../net/printable';
import { generatedHeader } from '../generated-header';
import { haproxyArgument } from './haproxy-argument';
import { CONNECT_RETRIES, CONNECT_TIMEOUT_SECONDS, DEFAULT_STATS_SOCKET, HaproxyRenderOptions, PROXY_IDLE_TIMEOUT_SECONDS } from './haproxy-options';
import { checkGlobalLines } from './health-check-lines';
import { renderVipSection } from './vip-section';

/**
 * Whether HAProxy carries the VIP: every Layer 7 VIP, and Layer 4 TCP VIPs when asked to stand
 * in for them (not "every port except" ones, which would need 65,000 listeners).
 */
export function isHaproxyVip(vip: VirtualServiceSpec, options: HaproxyRenderOptions = {}): boolean {
  if (vip.layer === 7) return true;
  return options.proxyLayer4 === true && vip.protocol === Protocol.TCP && vip.ports.allExcept === undefined;
}

/** The address a VIP binds: its own, or the one the options give for it (checked, as it reaches the file). */
function bindAddress(vip: ResolvedVirtualService, options: HaproxyRenderOptions): string {
  const replacement = options.bindAddresses?.[vip.name];
  if (replacement === undefined) return vip.address;
  const parsed = parseAddress(replacement);
  if (!parsed) throw new Error(`${vip.name}: bindAddresses: "${printable(replacement)}" is not an IPv4 or IPv6 address. Give an address this machine owns, such as 127.77.0.1.`);
  return parsed.toString();
}

function globalSection(vips: ResolvedVirtualService[], options: HaproxyRenderOptions): string[] {
  const socket = haproxyArgument(options.statsSocket ?? DEFAULT_STATS_SOCKET);
  return [
    '# Process-wide settings. Run in master-worker mode (haproxy -W, or -Ws under systemd) so a',
    '# reload (USR2 or the master CLI "reload") starts new workers while old ones finish their transfers.',
    'global',
    `  stats socket ${socket} mode 600 level admin expose-fd listeners`,
    '  stats timeout 30s',
    ...(options.description === undefined ? [] : [`  description ${haproxyDescription(options.description)}`]),
    ...(options.serverStateFile === undefined ? [] : [`  server-state-file ${haproxyArgument(options.serverStateFile)}`]),
    ...checkGlobalLines(vips.map((vip) => vip.healthCheck)).map((line) => `  ${line}`),
  ];
}

/** A description as it reaches the file: a plain word, refused otherwise (it is not user input, but a typo must not break the file). */
function haproxyDescription(text: string): string {
  if (!/^[A-Za-z0-9_:.-]+$/.test(text)) throw new Error(`HAProxy description "${text.replace(/[^\x20-\x7e]/g, '?')}": only letters, digits, "-", "_", ":" and "." are allowed. Give a plain word.`);
  return text;
}

function defaultsSection(options: HaproxyRenderOptions): string[] {
  return [
    '# Every VIP: a connection a server refuses is retried on another server (redispatch), and',
    '# idle timeouts are long enough for a DICOM association that waits between two images.',
    'defaults',
    '  mode tcp',
    `  retries ${CONNECT_RETRIES}`,
    '  option redispatch 1',
    `  timeout connect ${CONNECT_TIMEOUT_SECONDS}s`,
    `  timeout client ${PROXY_IDLE_TIMEOUT_SECONDS}s`,
    `  timeout server ${PROXY_IDLE_TIMEOUT_SECONDS}s`,
    ...(options.serverStateFile === undefined ? [] : ['  load-server-state-from-file global']),
  ];
}

/**
 * haproxy.cfg for an appliance's VIPs: a global section with the runtime API socket, defaults,
 * and one `listen` section per VIP HAProxy carries (see {@link isHaproxyVip}), named as the
 * VIP and in the order given. Pure: the same input gives byte-identical output.
 */
export function renderHaproxyConfig(appliance: ApplianceSpec, vips: ResolvedVirtualService[], options: HaproxyRenderOptions = {}): string {
  const carried = vips.filter((vip) => isHaproxyVip(vip, options));
  const leftOut = vips.filter((vip) => !isHaproxyVip(vip, options)).map((vip) => vip.name);
  const sections = [
    [...generatedHeader('#', `HAProxy configuration of appliance ${appliance.name}`), ...(leftOut.length > 0 ? [`# Not carried by HAProxy (Layer 4, IPVS): ${leftOut.join(', ')}.`] : [])],
    globalSection(carried, options),
    defaultsSection(options),
    ...vips.flatMap((vip, i) => (isHaproxyVip(vip, options) ? [renderVipSection(vip, i + 1, bindAddress(vip, options))] : [])),
  ];
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
