import { shellQuote } from '../shell-quote';
import { DrPreparation, preparationHeader } from './dr-preparation';

/** Where the Linux script makes its ARP settings last across reboots. */
export const LINUX_SYSCTL_FILE = '/etc/sysctl.d/90-pacs-lb-dr.conf';

/** The ARP settings of a DR real server: answer only for addresses of the interface asked, announce the best local address. */
const ARP_SETTINGS = ['net.ipv4.conf.all.arp_ignore=1', 'net.ipv4.conf.all.arp_announce=2'];

/**
 * A POSIX sh script for one Linux real server host of DR VIPs: the ARP settings (when any VIP
 * is IPv4: IPv6 neighbour discovery answers only for addresses of the interface asked, so the
 * loopback is enough) and every VIP address on `lo` as a host address. Idempotent: running it
 * again changes nothing. Every value is quoted by `shellQuote`.
 */
export function renderLinuxDrScript(p: DrPreparation): string {
  const arp = p.addresses.some((a) => !a.ipv6)
    ? [
        '# Answer ARP only for addresses of the interface asked; announce only the best local address.',
        ...ARP_SETTINGS.map((setting) => `sysctl -q -w ${shellQuote(setting)}`),
        `mkdir -p ${shellQuote(LINUX_SYSCTL_FILE.replace(/\/[^/]*$/, ''))}`,
        `printf '%s\\n' ${ARP_SETTINGS.map(shellQuote).join(' ')} > ${shellQuote(LINUX_SYSCTL_FILE)}`,
      ]
    : ['# IPv6 VIPs only: no ARP settings needed (neighbour discovery does not answer for addresses on lo).'];
  const onLoopback = p.addresses.flatMap((a) => {
    const vip = shellQuote(`${a.address}/${a.prefixLength}`);
    return [`if [ -z "$(ip -o addr show dev lo to ${vip})" ]; then`, `  ip addr add ${vip} dev lo`, 'fi'];
  });
  return [
    '#!/bin/sh',
    ...preparationHeader(p, ['# VIP as its own without answering ARP for it ("the ARP problem"). Run as root; safe to run again.']),
    '# The VIPs on lo do not survive a reboot: run this script at boot (e.g. from a systemd unit).',
    'set -eu',
    '',
    ...arp,
    '',
    '# Each VIP on the loopback interface, as a host address.',
    ...onLoopback,
    '',
  ].join('\n');
}
