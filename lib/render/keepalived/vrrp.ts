import { vipInterfaceOrDefault } from '../../spec/defaults';
import { ResolvedVirtualService } from '../../spec/resolved-virtual-service';
import { ApplianceSpec } from '../../spec/virtual-service-spec';
import { hostPrefixLength } from '../../net/addresses';

/** The interface that carries the appliance's VIP addresses and VRRP adverts. */
export function vipInterface(appliance: ApplianceSpec): string {
  return vipInterfaceOrDefault(appliance.vipInterface);
}

/** Config ids of the two nodes of an HA pair: start keepalived with `-i primary` or `-i secondary`. */
export const NODE_CONFIG_IDS = ['primary', 'secondary'] as const;

/** VRRP priority of the primary and the secondary node. */
const NODE_PRIORITIES = [150, 100];

/**
 * The virtual router id (1-255) of an HA pair: FNV-1a of the appliance name, so it is stable
 * across synths. Adverts are unicast to the peer, so a clash with another router's id on the
 * same network does not mix the two.
 */
export function virtualRouterId(applianceName: string): number {
  let hash = 0x811c9dc5;
  for (const char of Buffer.from(applianceName, 'utf8')) {
    hash = Math.imul(hash ^ char, 0x01000193) >>> 0;
  }
  return (hash % 255) + 1;
}

/** Every VIP address once, in the order VIPs are declared, with its host prefix (/32 or /128). */
function vipAddresses(vips: ResolvedVirtualService[], device: string): string[] {
  const addresses = [...new Set(vips.map((vip) => vip.address))];
  return addresses.map((address) => `${address}/${hostPrefixLength(address)} dev ${device}`);
}

function block(name: string, lines: string[]): string[] {
  return lines.length === 0 ? [] : [`${name} {`, ...lines.map((line) => `  ${line}`), '}'];
}

/**
 * The addresses every VIP listens on. An HA pair (two management addresses) gets one VRRP
 * instance: both nodes start as BACKUP, `nopreempt` keeps the addresses where they are when a
 * failed node returns (no second interruption), adverts go unicast between the two management
 * addresses, and no authentication secret is written (VRRP authentication is deprecated and
 * would put a secret in the file). Addresses of the other family than the management addresses
 * go in `virtual_ipaddress_excluded` (brought up, not advertised). A single appliance holds the
 * addresses as `static_ipaddress`. A pair without VIPs gets no VRRP instance.
 */
export function addressLines(appliance: ApplianceSpec, vips: ResolvedVirtualService[]): string[] {
  const addresses = vipAddresses(vips, vipInterface(appliance));
  if (appliance.managementAddresses.length < 2) return block('static_ipaddress', addresses);
  // A pair without VIPs has nothing to fail over, and keepalived refuses a VRRP instance without an address.
  if (addresses.length === 0) return [];
  const family = `/${hostPrefixLength(appliance.managementAddresses[0])}`;
  const advertised = addresses.filter((a) => a.includes(`${family} `));
  const excluded = addresses.filter((a) => !a.includes(`${family} `));
  const nodeLines = NODE_CONFIG_IDS.flatMap((id, i) => {
    const peers = appliance.managementAddresses.filter((_, j) => j !== i);
    return [
      `@${id} priority ${NODE_PRIORITIES[i]}`,
      `@${id} unicast_src_ip ${appliance.managementAddresses[i]}`,
      `@${id} unicast_peer { ${peers.join(' ')} }`,
    ];
  });
  return block(`vrrp_instance ${appliance.name}`, [
    'state BACKUP',
    `interface ${vipInterface(appliance)}`,
    `virtual_router_id ${virtualRouterId(appliance.name)}`,
    ...(family === '/128' ? ['version 3'] : []),
    'advert_int 1',
    'nopreempt',
    ...nodeLines,
    ...block('virtual_ipaddress', advertised),
    ...block('virtual_ipaddress_excluded', excluded),
  ]);
}
