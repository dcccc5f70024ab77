import { generatedHeader } from '../generated-header';
import { shellQuote } from '../shell-quote';
import { DrPreparation, preparationTitle } from './dr-preparation';

/** Where the Linux script makes its ARP settings last across reboots. */
export const LINUX_SYSCTL_FILE = '/etc/sysctl.d/90-pacs-lb-dr.conf';

/** The ARP settings of a DR real server: answer only for addresses of the interface asked, announce the best local address. */
const ARP_SETTINGS = ['net.ipv4.conf.all.arp_ignore=1', 'net.ipv4.conf.all.arp_announce=2'];

/**
 * A POSIX sh script for a Linux real server of a DR VIP: the ARP settings (IPv4 only: IPv6
 * neighbour discovery answers only for addresses of the interface asked, so the loopback is
 * enough) and the VIP on `lo` as a host address. Idempotent: running it again changes nothing.
 * Every value is quoted by `shellQuote`.
 */
export function renderLinuxDrScript(p: DrPreparation): string {
  const vip = shellQuote(`${p.vip.address}/${p.prefixLength}`);
  const arp = p.ipv6
    ? ['# IPv6 VIP: no ARP settings needed (neighbour discovery does not answer for addresses on lo).']
    : [
        '# Answer ARP only for addresses of the interface asked; announce only the best local address.',
        ...ARP_SETTINGS.map((setting) => `sysctl -q -w ${shellQuote(setting)}`),
        `mkdir -p ${shellQuote(LINUX_SYSCTL_FILE.replace(/\/[^/]*$/, ''))}`,
        `printf '%s\\n' ${ARP_SETTINGS.map(shellQuote).join(' ')} > ${shellQuote(LINUX_SYSCTL_FILE)}`,
      ];
  return [
    '#!/bin/sh',
    ...generatedHeader('#', preparationTitle(p)),
    '#',
    '# The load balancer forwards packets still addressed to the VIP, so this server must accept the',
    '# VIP as its own without answering ARP for it ("the ARP problem"). Run as root; safe to run again.',
    '# The VIP on lo does not survive a reboot: run this script at boot (e.g. from a systemd unit).',
    'set -eu',
    '',
    ...arp,
    '',
    '# The VIP on the loopback interface, as a host address.',
    `if [ -z "$(ip -o addr show dev lo to ${vip})" ]; then`,
    `  ip addr add ${vip} dev lo`,
    'fi',
    '',
  ].join('\n');
}
