import { ApplianceTargetKind } from '../spec/appliance-target-kind';
import { ClientAddressMode } from '../spec/client-address-mode';
import { ForwardingMethod } from '../spec/forwarding-method';
import { HealthCheckType } from '../spec/health-check-type';
import { PersistenceType } from '../spec/persistence-type';
import { isValidRange, portCount } from '../spec/ports';
import { Protocol } from '../spec/protocol';
import { ProxyMode } from '../spec/proxy-mode';
import { DICOM_PORTS, HL7_PORTS } from '../spec/defaults';
import { ApplianceSpec, RealServerSpec, VirtualServiceSpec } from '../spec/virtual-service-spec';
import { addressFamily, canonicalAddress, insideAnySubnet, isIpv4Netmask, unusableAddressReason } from '../net/addresses';
import { PORT_NUMBERS } from '../net/port-number';
import { printable } from '../net/printable';
import { numberLookalikeProblems } from './cdktf-number-lookalike';
import {
  AE_TITLE_FORMAT,
  COOKIE_NAME_FORMAT,
  DESCRIPTION_FORMAT,
  EXPECT_TEXT_FORMAT,
  FILE_PATH_FORMAT,
  HL7_NAME_FORMAT,
  HOST_FORMAT,
  HTTP_PATH_FORMAT,
  matches,
  NAME_FORMAT,
  SCRIPT_PATH_FORMAT,
  TextFormat,
} from './formats';
import { problem, ValidationProblem } from './problem';
import { describeRange, inRange, NumberRange, RANGES } from './ranges';

/** Application checks that speak their protocol in plain text, and that protocol's TLS port. */
const PLAINTEXT_CHECK_TLS_PORTS: Partial<Record<HealthCheckType, { protocol: string; port: number }>> = {
  [HealthCheckType.DICOM_ASSOCIATION]: { protocol: 'DICOM', port: DICOM_PORTS.tls },
  [HealthCheckType.HL7_MLLP]: { protocol: 'HL7', port: HL7_PORTS.tls },
};

/** Whether the VIP forwards every real server to the port the client used, whatever port is given (DR, or several ports). */
function ignoresRipPort(vip: VirtualServiceSpec): boolean {
  return (vip.layer === 4 && vip.forwarding === ForwardingMethod.DR) || portCount(vip.ports) > 1;
}

function ripAddressKey(rip: RealServerSpec): string {
  return canonicalAddress(rip.address);
}

/** The port a real server is reached on, as far as telling two real servers apart goes. */
function ripPortKey(vip: VirtualServiceSpec, rip: RealServerSpec): string {
  return ignoresRipPort(vip) || rip.port === undefined ? 'vip' : String(rip.port);
}

/**
 * Whether a real server is the VIP itself: at its address and on a port it listens on. Another
 * port of its own host is a real server (a proxy, or IPVS NAT to a local service).
 */
function sendsToItself(vip: VirtualServiceSpec, rip: RealServerSpec): boolean {
  if (ripAddressKey(rip) !== canonicalAddress(vip.address)) return false;
  return rip.port === undefined || vip.ports.ranges.some((r) => rip.port! >= r.first && rip.port! <= r.last);
}

/** One rule about one VIP: the problems it finds, none when the VIP passes. */
type VirtualServiceRule = (vip: VirtualServiceSpec, appliance: ApplianceSpec) => ValidationProblem[];

/** Check types that connect to a port, and so need to know which one on a multi-port VIP. */
const PORT_CHECKS = [
  HealthCheckType.CONNECT,
  HealthCheckType.HTTP_GET,
  HealthCheckType.HTTPS_GET,
  HealthCheckType.DICOM_ASSOCIATION,
  HealthCheckType.HL7_MLLP,
];

function text(vip: VirtualServiceSpec, field: string, value: unknown, format: TextFormat): ValidationProblem[] {
  if (value === undefined || matches(format, value)) return [];
  return [problem(vip.name, field, `"${printable(value)}" is not allowed`, `Use ${format.describe}`)];
}

function number(vip: VirtualServiceSpec, field: string, value: unknown, range: NumberRange): ValidationProblem[] {
  if (value === undefined || inRange(value, range)) return [];
  return [problem(vip.name, field, `${printable(value)} is out of range`, `Use ${describeRange(range)}`)];
}

function address(vip: VirtualServiceSpec, field: string, value: string): ValidationProblem[] {
  const reason = unusableAddressReason(value);
  return reason ? [problem(vip.name, field, reason, 'Give a unicast IPv4 address such as 192.0.2.10 or an IPv6 address such as 2001:db8::10')] : [];
}

const nameRules: VirtualServiceRule = (vip) => [
  ...(matches(NAME_FORMAT, vip.name) ? [] : [problem(printable(vip.name) || '(unnamed VIP)', 'name', `"${printable(vip.name)}" is not a valid VIP name`, `Use ${NAME_FORMAT.describe}`)]),
  ...numberLookalikeProblems(printable(vip.name) || '(unnamed VIP)', vip.name),
  ...text(vip, 'description', vip.description, DESCRIPTION_FORMAT),
];

const addressRules: VirtualServiceRule = (vip) => address(vip, 'address', vip.address);

const portRules: VirtualServiceRule = (vip) => {
  const problems: ValidationProblem[] = [];
  if (vip.ports.ranges.length === 0) problems.push(problem(vip.name, 'ports', 'no port is given', 'Give at least one port, e.g. Ports.single(104)'));
  for (const range of vip.ports.ranges.filter((r) => !isValidRange(r))) {
    const given = range.first === range.last ? `port ${printable(range.first)} is not a valid port` : `${printable(range.first)}-${printable(range.last)} is not a valid ordered range`;
    problems.push(problem(vip.name, 'ports', given, `Use ports from ${PORT_NUMBERS.min} to ${PORT_NUMBERS.max}, and ranges with the lower port first`));
  }
  if (vip.ports.allExcept && vip.ports.allExcept.length === 0) {
    problems.push(problem(vip.name, 'ports.allExcept', '"every TCP port except" names no port, so the VIP would take every port of its address, the appliance\'s own services\' too', 'List the ports to leave out, e.g. Ports.allTcpExcept([20000]), or list the VIP\'s ports'));
  }
  for (const port of vip.ports.allExcept ?? []) {
    problems.push(...number(vip, 'ports.allExcept', port, RANGES.port));
  }
  if (vip.ports.allExcept && (vip.layer !== 4 || vip.protocol !== Protocol.TCP)) {
    problems.push(problem(vip.name, 'ports', '"every TCP port except" is a Layer 4 TCP service (a firewall mark)', 'Use Layer4Vip with Protocol.TCP, or list the ports'));
  }
  return problems;
};

const modeRules: VirtualServiceRule = (vip) => {
  const problems: ValidationProblem[] = [];
  const l7 = vip.layer === 7;
  const http = vip.proxyMode === ProxyMode.HTTP;
  const checkType = vip.healthCheck.kind;
  const persistence = vip.persistence.kind;
  if (l7 && checkType === HealthCheckType.PING) {
    problems.push(problem(vip.name, 'healthCheck', 'an ICMP ping check is Layer 4 only', 'Use HealthCheck.connect() or HealthCheck.httpsGet() on a Layer 7 VIP'));
  }
  if (!l7 && (persistence === PersistenceType.LAST_SUCCESSFUL || persistence === PersistenceType.HTTP_COOKIE)) {
    problems.push(problem(vip.name, 'persistence', `${persistence} persistence is Layer 7 only`, 'Use ReverseProxyVip, or Persistence.sourceIp() at Layer 4'));
  }
  if (l7 && persistence === PersistenceType.HTTP_COOKIE && !http) {
    problems.push(problem(vip.name, 'persistence', 'cookie persistence needs the proxy to read HTTP', 'Set proxyMode: ProxyMode.HTTP, or use Persistence.sourceIp()'));
  }
  if (l7 && vip.persistence.netmask !== undefined) {
    problems.push(problem(vip.name, 'persistence.netmask', 'a persistence netmask is Layer 4 only', 'Remove the netmask'));
  }
  if (vip.clientAddress === ClientAddressMode.X_FORWARDED_FOR && !http) {
    problems.push(problem(vip.name, 'clientAddress', 'X-Forwarded-For needs the proxy to read HTTP', 'Set proxyMode: ProxyMode.HTTP, or use ClientAddressMode.PROXY_PROTOCOL_V2 or TRANSPARENT'));
  }
  for (const rip of vip.realServers.filter((r) => r.encrypted && !(l7 && http))) {
    problems.push(problem(vip.name, `realServers[${rip.name}].encrypted`, 're-encryption needs a Layer 7 VIP in HTTP mode', 'Remove encrypted, or set proxyMode: ProxyMode.HTTP'));
  }
  return problems;
};

const healthCheckRules: VirtualServiceRule = (vip) => {
  const check = vip.healthCheck;
  const problems: ValidationProblem[] = [
    ...number(vip, 'healthCheck.port', check.port, RANGES.port),
    ...text(vip, 'healthCheck.path', check.path, HTTP_PATH_FORMAT),
    ...number(vip, 'healthCheck.expectStatus', check.expectStatus, RANGES.expectStatus),
    ...text(vip, 'healthCheck.expectText', check.expectText, EXPECT_TEXT_FORMAT),
    ...text(vip, 'healthCheck.host', check.host, HOST_FORMAT),
    ...text(vip, 'healthCheck.caFile', check.caFile, FILE_PATH_FORMAT),
    ...text(vip, 'healthCheck.calledAeTitle', check.calledAeTitle, AE_TITLE_FORMAT),
    ...text(vip, 'healthCheck.callingAeTitle', check.callingAeTitle, AE_TITLE_FORMAT),
    ...text(vip, 'healthCheck.sendingApplication', check.sendingApplication, HL7_NAME_FORMAT),
    ...text(vip, 'healthCheck.sendingFacility', check.sendingFacility, HL7_NAME_FORMAT),
    ...text(vip, 'healthCheck.receivingApplication', check.receivingApplication, HL7_NAME_FORMAT),
    ...text(vip, 'healthCheck.receivingFacility', check.receivingFacility, HL7_NAME_FORMAT),
    ...number(vip, 'healthCheck.intervalSeconds', check.intervalSeconds, RANGES.checkSeconds),
    ...number(vip, 'healthCheck.timeoutSeconds', check.timeoutSeconds, RANGES.checkSeconds),
    ...number(vip, 'healthCheck.rise', check.rise, RANGES.riseFall),
    ...number(vip, 'healthCheck.fall', check.fall, RANGES.riseFall),
  ];
  if (check.kind === HealthCheckType.EXTERNAL) {
    problems.push(...(matches(SCRIPT_PATH_FORMAT, check.script) ? [] : [problem(vip.name, 'healthCheck.script', `"${printable(check.script)}" is not allowed`, `Use ${SCRIPT_PATH_FORMAT.describe}`)]));
  }
  if (check.caFile !== undefined && check.kind !== HealthCheckType.HTTPS_GET) {
    problems.push(problem(vip.name, 'healthCheck.caFile', `a CA file verifies HTTPS servers, and this is a ${check.kind} check`, 'Remove caFile, or use HealthCheck.httpsGet()'));
  }
  const checkedPort = check.port ?? (portCount(vip.ports) === 1 ? vip.ports.ranges[0].first : undefined);
  const tlsPort = PLAINTEXT_CHECK_TLS_PORTS[check.kind];
  if (tlsPort !== undefined && checkedPort === tlsPort.port) {
    problems.push(problem(vip.name, 'healthCheck', `a ${check.kind} check speaks plain ${tlsPort.protocol} to port ${tlsPort.port}, ${tlsPort.protocol} over TLS, so every real server would be marked down`, 'Use HealthCheck.connect() on the TLS port, or check the plain port with port in the check options'));
  }
  if (PORT_CHECKS.includes(check.kind) && check.port === undefined && portCount(vip.ports) > 1) {
    problems.push(problem(vip.name, 'healthCheck.port', `a ${check.kind} check on a VIP with several ports must name the port it checks`, 'Set port in the health check options, e.g. HealthCheck.connect({ port: 8080 })'));
  }
  return problems;
};

const persistenceRules: VirtualServiceRule = (vip) => {
  const p = vip.persistence;
  const problems = [
    ...number(vip, 'persistence.timeoutSeconds', p.timeoutSeconds, RANGES.persistenceSeconds),
    ...text(vip, 'persistence.cookieName', p.cookieName, COOKIE_NAME_FORMAT),
  ];
  if (p.netmask !== undefined && !isIpv4Netmask(p.netmask)) {
    problems.push(problem(vip.name, 'persistence.netmask', `"${printable(p.netmask)}" is not an IPv4 netmask`, 'Use a netmask such as 255.255.255.0'));
  } else if (p.netmask !== undefined && addressFamily(vip.address) === 'ipv6') {
    problems.push(problem(vip.name, 'persistence.netmask', 'a persistence netmask groups IPv4 clients, and this VIP is IPv6', 'Remove the netmask'));
  }
  return problems;
};

const layer7TimeoutRules: VirtualServiceRule = (vip) => [
  ...number(vip, 'clientTimeoutSeconds', vip.clientTimeoutSeconds, RANGES.idleTimeoutSeconds),
  ...number(vip, 'serverTimeoutSeconds', vip.serverTimeoutSeconds, RANGES.idleTimeoutSeconds),
  ...number(vip, 'maxConnections', vip.maxConnections, RANGES.maxConnections),
];

const realServerRules: VirtualServiceRule = (vip, appliance) => {
  const problems: ValidationProblem[] = [];
  if (vip.realServers.length === 0) {
    problems.push(problem(vip.name, 'realServers', 'the VIP has no real server', 'Add at least one with realServers or addRealServer()'));
  }
  const seen = new Set<string>();
  const servedBy = new Map<string, string>();
  const multiPort = portCount(vip.ports) > 1;
  const vipPort = vip.ports.ranges[0]?.first;
  for (const rip of vip.realServers) {
    const field = `realServers[${printable(rip.name)}]`;
    if (!matches(NAME_FORMAT, rip.name)) {
      problems.push(problem(vip.name, `${field}.name`, `"${printable(rip.name)}" is not a valid real server name`, `Use ${NAME_FORMAT.describe}`));
    } else if (seen.has(rip.name)) {
      problems.push(problem(vip.name, `${field}.name`, `the name ${rip.name} is used by two real servers`, 'Give each real server of a VIP its own name'));
    }
    seen.add(rip.name);
    problems.push(
      ...address(vip, `${field}.address`, rip.address),
      ...number(vip, `${field}.port`, rip.port, RANGES.port),
      ...number(vip, `${field}.weight`, rip.weight, RANGES.weight),
      ...number(vip, `${field}.minConnections`, rip.minConnections, RANGES.minConnections),
      ...number(vip, `${field}.maxConnections`, rip.maxConnections, RANGES.maxConnections),
    );
    if (rip.minConnections !== undefined && rip.maxConnections !== undefined && rip.minConnections > rip.maxConnections) {
      problems.push(problem(vip.name, `${field}.minConnections`, `minConnections ${rip.minConnections} is above maxConnections ${rip.maxConnections}`, 'Make minConnections at most maxConnections'));
    }
    if (rip.port !== undefined && multiPort) {
      problems.push(problem(vip.name, `${field}.port`, 'a VIP with several ports forwards each port to the same port, so a real server port cannot be set', 'Remove the port'));
    } else if (rip.port !== undefined && vip.forwarding === ForwardingMethod.DR && rip.port !== vipPort) {
      problems.push(problem(vip.name, `${field}.port`, `DR cannot translate ports (VIP port ${vipPort}, real server port ${rip.port})`, 'Remove the port, or use ForwardingMethod.NAT, SNAT or a ReverseProxyVip'));
    }
    if (sendsToItself(vip, rip)) {
      problems.push(problem(vip.name, `${field}.address`, `${rip.address} is the VIP's own address and port, so the VIP would send traffic to itself`, "Give the real server's own address, or another port"));
    }
    const key = `${ripAddressKey(rip)}|${ripPortKey(vip, rip)}`;
    const twin = servedBy.get(key);
    if (twin !== undefined) {
      problems.push(problem(vip.name, `${field}.address`, `${rip.address}${rip.port !== undefined && !ignoresRipPort(vip) ? ` port ${rip.port}` : ''} is also real server ${twin} of this VIP, and one address and port is one real server`, `Remove one of the two${ignoresRipPort(vip) ? '' : ', or give them different ports'}`));
    } else {
      servedBy.set(key, printable(rip.name));
    }
    const sameFamilyNeeded = vip.layer === 4;
    const ripFamily = addressFamily(rip.address);
    const vipFamily = addressFamily(vip.address);
    if (sameFamilyNeeded && ripFamily && vipFamily && ripFamily !== vipFamily) {
      problems.push(problem(vip.name, `${field}.address`, `a Layer 4 VIP cannot forward ${vipFamily} to an ${ripFamily} real server`, 'Use a real server address of the same family as the VIP, or a ReverseProxyVip'));
    }
    if (vip.forwarding === ForwardingMethod.DR && appliance.subnets.length > 0 && ripFamily && !insideAnySubnet(rip.address, appliance.subnets)) {
      problems.push(problem(vip.name, `${field}.address`, `${rip.address} is outside every subnet of appliance ${appliance.name} (${appliance.subnets.join(', ')}), and DR needs the appliance in the real server's subnet`, 'Add the subnet to the appliance, or use ForwardingMethod.SNAT or a ReverseProxyVip'));
    }
  }
  return problems;
};

/** Every per-VIP rule, in the order their problems are reported. */
const VIRTUAL_SERVICE_RULES: VirtualServiceRule[] = [
  nameRules,
  addressRules,
  portRules,
  modeRules,
  healthCheckRules,
  persistenceRules,
  layer7TimeoutRules,
  realServerRules,
];

/** Every problem of one VIP on its own (rules across VIPs are in appliance-rules). */
export function validateVirtualService(vip: VirtualServiceSpec, appliance: ApplianceSpec): ValidationProblem[] {
  // Rules name the VIP as given; messages name an unnamed one so that they keep their form.
  return VIRTUAL_SERVICE_RULES.flatMap((rule) => rule(vip, appliance)).map((p) => (p.subject === '' ? { ...p, subject: '(unnamed VIP)' } : p));
}

/** Legal but risky: each warning has a stable identifier in brackets. */
export function virtualServiceWarnings(vip: VirtualServiceSpec, appliance: ApplianceSpec): string[] {
  const warnings: string[] = [];
  if (vip.forwarding === ForwardingMethod.DR && appliance.subnets.length === 0) {
    warnings.push(`[pacs-lb:dr-subnets-undeclared] ${vip.name}: realServers: DR needs the appliance to have an interface in every real server's subnet, and appliance ${appliance.name} declares no subnets, so this cannot be checked. Set subnets on the LoadBalancerAppliance.`);
  }
  const carriedByProxy = !vip.ports.allExcept && vip.protocol === Protocol.TCP;
  if (appliance.target?.kind === ApplianceTargetKind.LOCAL_HAPROXY && !carriedByProxy) {
    warnings.push(`[pacs-lb:local-haproxy-skips-vip] ${vip.name}: ports: the local HAProxy target carries TCP VIPs with listed ports only, so it leaves this VIP out. Deploy it to a Layer 4 appliance, or list its TCP ports.`);
  }
  return warnings;
}
