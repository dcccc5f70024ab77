import { CHECK_SCRIPT_INSTALL_PATH } from './check-script';
import { ResolvedVirtualService } from '../../spec/resolved-virtual-service';
import { ApplianceSpec } from '../../spec/virtual-service-spec';
import { generatedHeader } from '../generated-header';
import { virtualServerLines } from './virtual-server';
import { addressLines, vipInterface } from './vrrp';

function globalDefs(appliance: ApplianceSpec): string[] {
  const pair = appliance.managementAddresses.length > 1;
  return [
    'global_defs {',
    `  router_id ${appliance.name}`,
    // Scripts must be root-owned and not writable by others. They run as root: keepalived 2.2.7's
    // config test aborts when script_user names another user (keepalived issue #2617, fixed in 2.2.8).
    '  enable_script_security',
    '  script_user root',
    // An HA pair copies IPVS connection state to the other node, so open connections survive a failover.
    ...(pair ? [`  lvs_sync_daemon ${vipInterface(appliance)} ${appliance.name}`] : []),
    '}',
  ];
}

/**
 * `keepalived.conf` of an appliance: the Layer 4 VIPs as IPVS virtual servers with their health
 * checkers, and the VIP addresses (of every VIP, Layer 7 too) held by VRRP on an HA pair.
 * A pure function of the specs; same input, byte-identical output.
 */
export function renderKeepalivedConf(appliance: ApplianceSpec, vips: ResolvedVirtualService[]): string {
  const pair = appliance.managementAddresses.length > 1;
  const sections = [
    globalDefs(appliance),
    addressLines(appliance, vips),
    ...vips.flatMap((vip, index) => (vip.layer === 4 ? [virtualServerLines(vip, index)] : [])),
  ].filter((section) => section.length > 0);
  const header = [
    ...generatedHeader('#', `keepalived configuration of appliance ${appliance.name}: Layer 4 VIPs (IPVS) and the VIP addresses`),
    '#',
    `# Needs: the check script checks/pacs-lb-check installed as ${CHECK_SCRIPT_INSTALL_PATH} (root, 0755);`,
    '# nftables.nft loaded first (firewall marks, SNAT); sysctls net.ipv4.ip_forward=1 (NAT, SNAT),',
    '# net.ipv4.vs.conntrack=1 (SNAT) and net.ipv4.vs.expire_nodest_conn=1 (halted servers lose their connections).',
    ...(pair ? [`# HA pair: run keepalived -i primary on ${appliance.managementAddresses[0]}, keepalived -i secondary on ${appliance.managementAddresses[1]}.`] : []),
  ];
  return [...header, '', sections.map((section) => section.join('\n')).join('\n\n'), ''].join('\n');
}
