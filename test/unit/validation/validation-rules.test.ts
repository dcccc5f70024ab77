/**
 * One test per validation rule: a passing input, and a failing input with the exact message
 * a user sees (`<VIP>: <field>: <what is wrong>. <what to do>.`).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ApplianceTarget,
  ClientAddressMode,
  DicomVip,
  ForwardingMethod,
  HealthCheck,
  Layer4Vip,
  LoadBalancerApplianceProps,
  Persistence,
  Ports,
  ProxyMode,
  LoadBalancerAppliance,
  RealServerProps,
  ReverseProxyVip,
} from '../../../lib';
import { applianceStack, validationMessages, warnings } from '../../support/stacks';

const rip = (name: string, address: string, extra: Partial<RealServerProps> = {}): RealServerProps => ({ name, address, ...extra });
const twoRips = [rip('A', '192.0.2.21'), rip('B', '192.0.2.22')];

type Build = (appliance: LoadBalancerAppliance) => void;

interface RuleCase {
  rule: string;
  passing: Build;
  failing: Build;
  message: string;
  /** Appliance props of both stacks. */
  appliance?: Partial<LoadBalancerApplianceProps>;
  /** Appliance props of the failing stack only. */
  badAppliance?: Partial<LoadBalancerApplianceProps>;
}

const dr = (a: LoadBalancerAppliance, name: string, props: Partial<ConstructorParameters<typeof Layer4Vip>[2]> = {}) =>
  new Layer4Vip(a, name, { address: '192.0.2.100', ports: Ports.single(80), realServers: twoRips, ...props });
const l7 = (a: LoadBalancerAppliance, name: string, props: Partial<ConstructorParameters<typeof ReverseProxyVip>[2]> = {}) =>
  new ReverseProxyVip(a, name, { address: '192.0.2.110', ports: Ports.single(443), realServers: [rip('W1', '203.0.113.1')], ...props });

const CASES: RuleCase[] = [
  {
    rule: 'VIP names use a strict character set',
    passing: (a) => dr(a, 'EA_XDS_Service'),
    failing: (a) => dr(a, 'x', { name: 'EA XDS; rm -rf /' }),
    message: 'EA XDS; rm -rf /: name: "EA XDS; rm -rf /" is not a valid VIP name. Use 1-64 characters: letters, digits, "_", "." and "-", starting with a letter or digit.',
  },
  {
    rule: 'VIP names are at most 64 characters',
    passing: (a) => dr(a, 'V'.repeat(64)),
    failing: (a) => dr(a, 'V'.repeat(65)),
    message: `${'V'.repeat(65)}: name: "${'V'.repeat(65)}" is not a valid VIP name. Use 1-64 characters: letters, digits, "_", "." and "-", starting with a letter or digit.`,
  },
  {
    rule: 'VIP names are unique on an appliance',
    passing: (a) => { dr(a, 'one'); dr(a, 'two', { ports: Ports.single(81) }); },
    failing: (a) => { dr(a, 'one'); dr(a, 'other', { name: 'one', ports: Ports.single(81) }); },
    message: 'one: name: two VIPs on this appliance have this name. Give each VIP its own name.',
  },
  {
    rule: 'real server names use a strict character set (no newlines)',
    passing: (a) => dr(a, 'web', { realServers: [rip('EA-1.site', '192.0.2.21')] }),
    failing: (a) => dr(a, 'web', { realServers: [rip('EA1\nlbcli --action delete-vip', '192.0.2.21')] }),
    message: 'web: realServers[EA1?lbcli --action delete-vip].name: "EA1?lbcli --action delete-vip" is not a valid real server name. Use 1-64 characters: letters, digits, "_", "." and "-", starting with a letter or digit.',
  },
  {
    rule: 'real server names are unique within a VIP',
    passing: (a) => dr(a, 'web', { realServers: [rip('A', '192.0.2.21'), rip('B', '192.0.2.22')] }),
    failing: (a) => dr(a, 'web', { realServers: [rip('A', '192.0.2.21'), rip('A', '192.0.2.22')] }),
    message: 'web: realServers[A].name: the name A is used by two real servers. Give each real server of a VIP its own name.',
  },
  {
    rule: 'VIP addresses are IPv4 or IPv6 addresses',
    appliance: { subnets: ['192.0.2.0/24', '2001:db8::/64'] },
    passing: (a) => dr(a, 'web', { address: '2001:db8::10', realServers: [rip('A', '2001:db8::21')] }),
    failing: (a) => dr(a, 'web', { address: '192.0.2.300' }),
    message: 'web: address: "192.0.2.300" is not an IPv4 or IPv6 address. Give a unicast IPv4 address such as 192.0.2.10 or an IPv6 address such as 2001:db8::10.',
  },
  {
    rule: 'legacy address forms are refused, not guessed at',
    passing: (a) => dr(a, 'web', { address: '192.0.2.10' }),
    failing: (a) => dr(a, 'web', { address: '0xc0.0.2.10' }),
    message: 'web: address: "0xc0.0.2.10" is not an IPv4 or IPv6 address. Give a unicast IPv4 address such as 192.0.2.10 or an IPv6 address such as 2001:db8::10.',
  },
  {
    rule: 'real server addresses are unicast addresses',
    passing: (a) => dr(a, 'web', { realServers: [rip('A', '192.0.2.21')] }),
    failing: (a) => dr(a, 'web', { realServers: [rip('A', '0.0.0.0')] }),
    message: 'web: realServers[A].address: 0.0.0.0 is a unspecified address. Give a unicast IPv4 address such as 192.0.2.10 or an IPv6 address such as 2001:db8::10.',
  },
  {
    rule: 'ports are 1-65535',
    passing: (a) => dr(a, 'web', { ports: Ports.single(65535) }),
    failing: (a) => dr(a, 'web', { ports: Ports.single(65536) }),
    message: 'web: ports: port 65536 is not a valid port. Use ports from 1 to 65535, and ranges with the lower port first.',
  },
  {
    rule: 'port ranges are ordered',
    passing: (a) => dr(a, 'web', { ports: Ports.between(800, 900), healthCheck: HealthCheck.connect({ port: 800 }) }),
    failing: (a) => dr(a, 'web', { ports: Ports.between(900, 800), healthCheck: HealthCheck.connect({ port: 800 }) }),
    message: 'web: ports: 900-800 is not a valid ordered range. Use ports from 1 to 65535, and ranges with the lower port first.',
  },
  {
    rule: 'no two VIPs on the same address, port and protocol',
    passing: (a) => { dr(a, 'one', { ports: Ports.between(80, 90), healthCheck: HealthCheck.connect({ port: 80 }) }); dr(a, 'two', { ports: Ports.single(91) }); },
    failing: (a) => { dr(a, 'one', { ports: Ports.between(80, 90), healthCheck: HealthCheck.connect({ port: 80 }) }); dr(a, 'two', { ports: Ports.single(85) }); },
    message: 'two: ports: tcp port 85 on 192.0.2.100 is also used by VIP one. Give one of the two VIPs another address or port.',
  },
  {
    rule: 'DR cannot translate ports',
    passing: (a) => dr(a, 'web', { realServers: [rip('A', '192.0.2.21', { port: 80 })] }),
    failing: (a) => dr(a, 'web', { realServers: [rip('A', '192.0.2.21', { port: 8080 })] }),
    message: 'web: realServers[A].port: DR cannot translate ports (VIP port 80, real server port 8080). Remove the port, or use ForwardingMethod.NAT, SNAT or a ReverseProxyVip.',
  },
  {
    rule: 'DR real servers are inside an appliance subnet when subnets are declared',
    passing: (a) => dr(a, 'web', { realServers: [rip('A', '192.0.2.21')] }),
    failing: (a) => dr(a, 'web', { realServers: [rip('A', '198.51.100.21')] }),
    message: 'web: realServers[A].address: 198.51.100.21 is outside every subnet of appliance lb1 (192.0.2.0/24), and DR needs the appliance in the real server\'s subnet. Add the subnet to the appliance, or use ForwardingMethod.SNAT or a ReverseProxyVip.',
  },
  {
    rule: 'a Layer 7 VIP and a Layer 4 SNAT VIP do not share a RIP:PORT',
    passing: (a) => { l7(a, 'web', { realServers: [rip('W1', '192.0.2.30', { port: 8443 })] }); dr(a, 'db', { forwarding: ForwardingMethod.SNAT, ports: Ports.single(1521), realServers: [rip('D1', '192.0.2.30')] }); },
    failing: (a) => { l7(a, 'web', { realServers: [rip('W1', '192.0.2.30', { port: 1521 })] }); dr(a, 'db', { forwarding: ForwardingMethod.SNAT, ports: Ports.single(1521), realServers: [rip('D1', '192.0.2.30')] }); },
    message: 'web: realServers: real server 192.0.2.30 port 1521 is also a real server of Layer 4 SNAT VIP db, and their packet-filter rules conflict. Use another real server port for one of them, or make both VIPs the same mode.',
  },
  {
    rule: 'multi-port VIPs with a port check name the check port',
    passing: (a) => dr(a, 'das', { ports: Ports.list([4100, 8080, 104]), healthCheck: HealthCheck.httpGet({ port: 8080 }) }),
    failing: (a) => dr(a, 'das', { ports: Ports.list([4100, 8080, 104]), healthCheck: HealthCheck.httpGet() }),
    message: 'das: healthCheck.port: a http-get check on a VIP with several ports must name the port it checks. Set port in the health check options, e.g. HealthCheck.connect({ port: 8080 }).',
  },
  {
    rule: 'last-successful persistence is Layer 7 only',
    passing: (a) => l7(a, 'ccg', { persistence: Persistence.lastSuccessful() }),
    failing: (a) => dr(a, 'ccg', { persistence: Persistence.lastSuccessful() }),
    message: 'ccg: persistence: last-successful persistence is Layer 7 only. Use ReverseProxyVip, or Persistence.sourceIp() at Layer 4.',
  },
  {
    rule: 'cookie persistence is Layer 7 only',
    passing: (a) => l7(a, 'web', { proxyMode: ProxyMode.HTTP, persistence: Persistence.httpCookie() }),
    failing: (a) => dr(a, 'web', { persistence: Persistence.httpCookie() }),
    message: 'web: persistence: http-cookie persistence is Layer 7 only. Use ReverseProxyVip, or Persistence.sourceIp() at Layer 4.',
  },
  {
    rule: 'cookie persistence needs HTTP mode',
    passing: (a) => l7(a, 'web', { proxyMode: ProxyMode.HTTP, persistence: Persistence.httpCookie() }),
    failing: (a) => l7(a, 'web', { persistence: Persistence.httpCookie() }),
    message: 'web: persistence: cookie persistence needs the proxy to read HTTP. Set proxyMode: ProxyMode.HTTP, or use Persistence.sourceIp().',
  },
  {
    rule: 'ICMP ping checks are Layer 4 only',
    passing: (a) => dr(a, 'db', { healthCheck: HealthCheck.ping() }),
    failing: (a) => l7(a, 'web', { healthCheck: HealthCheck.ping() }),
    message: 'web: healthCheck: an ICMP ping check is Layer 4 only. Use HealthCheck.connect() or HealthCheck.httpsGet() on a Layer 7 VIP.',
  },
  {
    rule: 'X-Forwarded-For needs HTTP mode',
    passing: (a) => l7(a, 'web', { proxyMode: ProxyMode.HTTP, clientAddress: ClientAddressMode.X_FORWARDED_FOR }),
    failing: (a) => l7(a, 'web', { clientAddress: ClientAddressMode.X_FORWARDED_FOR }),
    message: 'web: clientAddress: X-Forwarded-For needs the proxy to read HTTP. Set proxyMode: ProxyMode.HTTP, or use ClientAddressMode.PROXY_PROTOCOL_V2 or TRANSPARENT.',
  },
  {
    rule: 'every VIP has at least one real server',
    passing: (a) => dr(a, 'web'),
    failing: (a) => dr(a, 'web', { realServers: [] }),
    message: 'web: realServers: the VIP has no real server. Add at least one with realServers or addRealServer().',
  },
  {
    rule: 'weights are 0-256',
    passing: (a) => dr(a, 'web', { realServers: [rip('A', '192.0.2.21', { weight: 0 })] }),
    failing: (a) => dr(a, 'web', { realServers: [rip('A', '192.0.2.21', { weight: 1000 })] }),
    message: 'web: realServers[A].weight: 1000 is out of range. Use a whole number from 0 to 256.',
  },
  {
    rule: 'check timing is in range',
    passing: (a) => dr(a, 'web', { healthCheck: HealthCheck.connect({ intervalSeconds: 5, timeoutSeconds: 3 }) }),
    failing: (a) => dr(a, 'web', { healthCheck: HealthCheck.connect({ timeoutSeconds: 0 }) }),
    message: 'web: healthCheck.timeoutSeconds: 0 is out of range. Use a whole number from 1 to 3600.',
  },
  {
    rule: 'persistence timeouts are in range',
    passing: (a) => dr(a, 'web', { persistence: Persistence.sourceIp({ timeoutSeconds: 86400 }) }),
    failing: (a) => dr(a, 'web', { persistence: Persistence.sourceIp({ timeoutSeconds: -5 }) }),
    message: 'web: persistence.timeoutSeconds: -5 is out of range. Use a whole number from 1 to 86400.',
  },
  {
    rule: 'Layer 7 idle timeouts are in range',
    passing: (a) => l7(a, 'web', { clientTimeoutSeconds: 7200 }),
    failing: (a) => l7(a, 'web', { serverTimeoutSeconds: 100000 }),
    message: 'web: serverTimeoutSeconds: 100000 is out of range. Use a whole number from 1 to 86400.',
  },
  {
    rule: 'minConnections is at most maxConnections',
    passing: (a) => dr(a, 'web', { realServers: [rip('A', '192.0.2.21', { minConnections: 10, maxConnections: 100 })] }),
    failing: (a) => dr(a, 'web', { realServers: [rip('A', '192.0.2.21', { minConnections: 100, maxConnections: 10 })] }),
    message: 'web: realServers[A].minConnections: minConnections 100 is above maxConnections 10. Make minConnections at most maxConnections.',
  },
  {
    rule: 'HTTP check paths cannot carry quotes or spaces into a config file',
    passing: (a) => dr(a, 'web', { healthCheck: HealthCheck.httpGet({ path: '/status?full=1' }) }),
    failing: (a) => dr(a, 'web', { healthCheck: HealthCheck.httpGet({ path: '/x"\n  server evil 6.6.6.6:80' }) }),
    message: 'web: healthCheck.path: "/x"?  server evil 6.6.6.6:80" is not allowed. Use a path starting with "/", at most 255 characters of letters, digits and /._~%?&=+:-.',
  },
  {
    rule: 'DICOM AE titles are 1-16 safe characters',
    passing: (a) => new DicomVip(a, 'dicom', { address: '192.0.2.100', realServers: twoRips, healthCheck: HealthCheck.dicomAssociation({ calledAeTitle: 'EA ARCHIVE' }) }),
    failing: (a) => new DicomVip(a, 'dicom', { address: '192.0.2.100', realServers: twoRips, healthCheck: HealthCheck.dicomAssociation({ calledAeTitle: 'A_VERY_LONG_AE_TITLE' }) }),
    message: 'dicom: healthCheck.calledAeTitle: "A_VERY_LONG_AE_TITLE" is not allowed. Use 1-16 characters: letters, digits, "_", "." and "-", with inner spaces allowed.',
  },
  {
    rule: 'external check scripts are absolute paths without shell characters',
    passing: (a) => dr(a, 'web', { healthCheck: HealthCheck.external({ script: '/usr/local/bin/check-pacs' }) }),
    failing: (a) => dr(a, 'web', { healthCheck: HealthCheck.external({ script: '/tmp/x;reboot' }) }),
    message: 'web: healthCheck.script: "/tmp/x;reboot" is not allowed. Use an absolute path of letters, digits and _./- without "..".',
  },
  {
    rule: 'a CA file is an absolute path, for HTTPS checks only',
    passing: (a) => dr(a, 'web', { healthCheck: HealthCheck.httpsGet({ caFile: '/etc/pki/pacs-ca.pem' }) }),
    failing: (a) => dr(a, 'web', { healthCheck: HealthCheck.httpGet({ caFile: '/etc/pki/pacs-ca.pem' }) }),
    message: 'web: healthCheck.caFile: a CA file verifies HTTPS servers, and this is a http-get check. Remove caFile, or use HealthCheck.httpsGet().',
  },
  {
    rule: 'a CA file path carries no shell or config characters',
    passing: (a) => dr(a, 'web', { healthCheck: HealthCheck.httpsGet({ caFile: '/etc/pki/pacs-ca.pem' }) }),
    failing: (a) => dr(a, 'web', { healthCheck: HealthCheck.httpsGet({ caFile: 'ca.pem verify none' }) }),
    message: 'web: healthCheck.caFile: "ca.pem verify none" is not allowed. Use an absolute path of letters, digits and _./- without "..".',
  },
  {
    rule: 'a persistence netmask is a contiguous IPv4 netmask',
    passing: (a) => dr(a, 'web', { persistence: Persistence.sourceIp({ netmask: '255.255.255.0' }) }),
    failing: (a) => dr(a, 'web', { persistence: Persistence.sourceIp({ netmask: '255.0.255.0' }) }),
    message: 'web: persistence.netmask: "255.0.255.0" is not an IPv4 netmask. Use a netmask such as 255.255.255.0.',
  },
  {
    rule: 'a persistence netmask is for IPv4 VIPs only',
    appliance: { subnets: ['192.0.2.0/24', '2001:db8::/64'] },
    passing: (a) => dr(a, 'web', { persistence: Persistence.sourceIp({ netmask: '255.255.255.0' }) }),
    failing: (a) => dr(a, 'web', { address: '2001:db8::10', realServers: [rip('A', '2001:db8::21')], persistence: Persistence.sourceIp({ netmask: '255.255.255.0' }) }),
    message: 'web: persistence.netmask: a persistence netmask groups IPv4 clients, and this VIP is IPv6. Remove the netmask.',
  },
  {
    rule: 'the two management addresses of an HA pair are of one family',
    appliance: { peerManagementAddress: '192.0.2.6' },
    badAppliance: { peerManagementAddress: '2001:db8::6' },
    passing: (a) => dr(a, 'web'),
    failing: (a) => dr(a, 'web'),
    message: 'lb1: peerManagementAddress: 2001:db8::6 is ipv6 and managementAddress 192.0.2.5 is ipv4, and VRRP between the two needs one family. Give both management addresses in the same family.',
  },
  {
    rule: 'a Layer 4 VIP forwards within one address family',
    appliance: { subnets: ['192.0.2.0/24', '2001:db8::/64'] },
    passing: (a) => dr(a, 'web', { address: '2001:db8::10', realServers: [rip('A', '2001:db8::21')] }),
    failing: (a) => dr(a, 'web', { address: '2001:db8::10', realServers: [rip('A', '192.0.2.21')] }),
    message: 'web: realServers[A].address: a Layer 4 VIP cannot forward ipv6 to an ipv4 real server. Use a real server address of the same family as the VIP, or a ReverseProxyVip.',
  },
  {
    rule: 'the appliance management address is an address',
    badAppliance: { managementAddress: 'lb.example.org' },
    passing: () => undefined,
    failing: (a) => dr(a, 'web'),
    message: 'lb1: managementAddress: "lb.example.org" is not an IPv4 or IPv6 address. Give the management IPv4 or IPv6 address of the appliance.',
  },
  {
    rule: 'the VIP interface is an interface name',
    appliance: { vipInterface: 'bond0.20' },
    badAppliance: { vipInterface: 'eth0; reboot' },
    passing: (a) => dr(a, 'web'),
    failing: (a) => dr(a, 'web'),
    message: 'lb1: vipInterface: "eth0; reboot" is not an interface name. Use 1-15 characters: letters, digits, "_", "." and "-", starting with a letter or digit (an alias label such as eth0:1 is not an interface).',
  },
  {
    rule: 'appliance subnets are CIDR',
    badAppliance: { subnets: ['192.0.2.0/24', '198.51.100.0'] },
    passing: () => undefined,
    failing: (a) => dr(a, 'web'),
    message: 'lb1: subnets: "198.51.100.0" is not a subnet in CIDR notation. Write subnets like 192.0.2.0/24 or 2001:db8::/64.',
  },
];

describe('validation rules', () => {
  it.each(CASES)('$rule', ({ passing, failing, message, appliance, badAppliance }) => {
    const good = applianceStack(appliance);
    passing(good.appliance);
    expect(validationMessages(good.stack)).toEqual([]);

    const bad = applianceStack({ ...appliance, ...badAppliance });
    failing(bad.appliance);
    expect(validationMessages(bad.stack)).toContain(message);
  });

  it('reports every problem at once, each naming its VIP and field', () => {
    const { stack, appliance } = applianceStack();
    dr(appliance, 'one', { address: 'nope', ports: Ports.single(0), realServers: [] });
    l7(appliance, 'two', { healthCheck: HealthCheck.ping(), persistence: Persistence.sourceIp({ timeoutSeconds: 0 }) });
    const messages = validationMessages(stack);
    expect(messages.map((m) => m.split(':').slice(0, 2).join(':'))).toEqual([
      'one: address',
      'one: ports',
      'one: realServers',
      'two: healthCheck',
      'two: persistence.timeoutSeconds',
    ]);
  });

  it('synthesis fails with all the messages and writes nothing', () => {
    const { app, appliance } = applianceStack();
    dr(appliance, 'web', { realServers: [] });
    dr(appliance, 'web2', { ports: Ports.single(80) });
    expect(() => app.synth()).toThrow('[test-stack/lb1/web] web: realServers: the VIP has no real server. Add at least one with realServers or addRealServer().');
    expect(() => app.synth()).toThrow('[test-stack/lb1] web2: ports: tcp port 80 on 192.0.2.100 is also used by VIP web. Give one of the two VIPs another address or port.');
    expect(existsSync(join(app.outdir, 'stacks', 'test-stack', 'pacs-lb'))).toBe(false);
  });

  it('warns (but synthesizes) when DR real servers cannot be checked against undeclared subnets', () => {
    const { stack, appliance } = applianceStack({ subnets: [] });
    dr(appliance, 'web');
    expect(validationMessages(stack)).toEqual([]);
    expect(warnings(stack)).toEqual([
      "[pacs-lb:dr-subnets-undeclared] web: realServers: DR needs the appliance to have an interface in every real server's subnet, and appliance lb1 declares no subnets, so this cannot be checked. Set subnets on the LoadBalancerAppliance.",
    ]);
  });

  it('warns when the local HAProxy target has to leave a VIP out', () => {
    const { stack, appliance } = applianceStack({ target: ApplianceTarget.localHaproxy({ folder: '/var/lib/pacs-lb/lb1' }) });
    dr(appliance, 'db', { address: '192.0.2.101', forwarding: ForwardingMethod.SNAT, ports: Ports.allTcpExcept([20000]), healthCheck: HealthCheck.connect({ port: 1521 }) });
    dr(appliance, 'web', { ports: Ports.single(81) });
    expect(validationMessages(stack)).toEqual([]);
    expect(warnings(stack)).toEqual([
      '[pacs-lb:local-haproxy-skips-vip] db: ports: the local HAProxy target carries TCP VIPs with listed ports only, so it leaves this VIP out. Deploy it to a Layer 4 appliance, or list its TCP ports.',
    ]);
  });

  it('a VIP outside an appliance fails at once, naming its path', () => {
    const { stack } = applianceStack();
    expect(() => new Layer4Vip(stack, 'orphan', { address: '192.0.2.1', ports: Ports.single(80) })).toThrow(
      'test-stack/orphan: a VIP must be created inside a LoadBalancerAppliance: pass the appliance (or a construct inside it) as the scope',
    );
  });
});
