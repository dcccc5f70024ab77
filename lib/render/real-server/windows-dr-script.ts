import { DrPreparation, preparationHeader } from './dr-preparation';
import { powerShellQuote } from './powershell-quote';

/** How Windows names the loopback adapter that carries the VIP. */
export const WINDOWS_LOOPBACK_ADAPTER = 'Microsoft KM-TEST Loopback Adapter';

/**
 * A PowerShell script for one Windows real server host (2012 and later) of DR VIPs: every VIP
 * address on the Microsoft loopback adapter (not a source address, not registered in DNS), and
 * the weak host model for each address family of its VIPs (the LAN adapter receives for the
 * VIPs; the loopback adapter receives and sends for them). Idempotent. Every value is quoted
 * by `powerShellQuote`.
 */
export function renderWindowsDrScript(p: DrPreparation): string {
  const families = [...new Set(p.addresses.map((a) => (a.ipv6 ? 'IPv6' : 'IPv4')))].sort();
  return [
    ...preparationHeader(p, ['# VIP as its own without answering ARP for it ("the ARP problem"). Run in an elevated PowerShell;', '# safe to run again.']),
    '#Requires -RunAsAdministrator',
    "$ErrorActionPreference = 'Stop'",
    '',
    `$realServerAddress = ${powerShellQuote(p.host)}`,
    `$loopbackDescription = ${powerShellQuote(`${WINDOWS_LOOPBACK_ADAPTER}*`)}`,
    '',
    `# 1. The loopback adapter (install it once: Device Manager, Add legacy hardware, Network adapters, Microsoft, ${WINDOWS_LOOPBACK_ADAPTER}).`,
    '$loopback = Get-NetAdapter | Where-Object { $_.InterfaceDescription -like $loopbackDescription } | Select-Object -First 1',
    `if (-not $loopback) { throw ${powerShellQuote(`No ${WINDOWS_LOOPBACK_ADAPTER} found. Install it, then run this script again.`)} }`,
    '',
    '# 2. Each VIP on the loopback adapter, never used as a source address; the adapter not registered in DNS.',
    ...p.addresses.flatMap((a) => [
      `$vip = ${powerShellQuote(a.address)}`,
      'if (-not (Get-NetIPAddress -InterfaceIndex $loopback.ifIndex -IPAddress $vip -ErrorAction SilentlyContinue)) {',
      `  New-NetIPAddress -InterfaceIndex $loopback.ifIndex -IPAddress $vip -PrefixLength ${a.prefixLength} -SkipAsSource $true | Out-Null`,
      '}',
    ]),
    'Set-DnsClient -InterfaceIndex $loopback.ifIndex -RegisterThisConnectionsAddress $false',
    '',
    '# 3. Weak host model: the LAN adapter accepts packets for the VIPs; the loopback adapter receives and sends for them.',
    '$lan = Get-NetIPAddress -IPAddress $realServerAddress -ErrorAction SilentlyContinue | Select-Object -First 1',
    `if (-not $lan) { throw ${powerShellQuote(`This server does not have the address ${p.host}. Run the script of this server.`)} }`,
    ...families.flatMap((family) => [
      `Set-NetIPInterface -InterfaceIndex $lan.InterfaceIndex -AddressFamily ${family} -WeakHostReceive Enabled`,
      `Set-NetIPInterface -InterfaceIndex $loopback.ifIndex -AddressFamily ${family} -WeakHostReceive Enabled -WeakHostSend Enabled`,
    ]),
    '',
  ].join('\n');
}
