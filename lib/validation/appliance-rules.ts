import { ForwardingMethod } from '../spec/forwarding-method';
import { firstOverlap, formatRange, isValidRange } from '../spec/ports';
import { ApplianceSpec, PortRangeSpec, VirtualServiceSpec } from '../spec/virtual-service-spec';
import { addressFamily, canonicalAddress, parseSubnet, unusableAddressReason } from '../net/addresses';
import { printable } from '../net/printable';
import { ApplianceTargetKind } from '../spec/appliance-target-kind';
import { INTERFACE_FORMAT, LOCAL_FOLDER_FORMAT, matches, NAME_FORMAT, PROGRAM_FORMAT } from './formats';
import { numberLookalikeProblems } from './cdktf-number-lookalike';
import { problem, ValidationProblem } from './problem';
import { describeRange, inRange, RANGES } from './ranges';

/** Which fields each target needs (true) or must not have (false). */
const TARGET_FIELDS: Record<ApplianceTargetKind, { folder: boolean; haproxyBinary: boolean }> = {
  [ApplianceTargetKind.LOADBALANCER_ORG_API]: { folder: false, haproxyBinary: false },
  [ApplianceTargetKind.LOCAL_HAPROXY]: { folder: true, haproxyBinary: true },
};

/** Problems of the deploy target: a known kind, and a folder and program that are safe to hand to HAProxy. */
function validateTarget(subject: string, target: ApplianceSpec['target']): ValidationProblem[] {
  if (target === undefined) return [];
  const fields = TARGET_FIELDS[target.kind];
  if (!fields) {
    return [problem(subject, 'target.kind', `"${printable(target.kind)}" is not a known target`, `Use one of ${Object.values(ApplianceTargetKind).join(', ')}`)];
  }
  const problems: ValidationProblem[] = [];
  if (fields.folder && !matches(LOCAL_FOLDER_FORMAT, target.folder)) {
    const what = target.folder === undefined ? 'no folder is given' : `"${printable(target.folder)}" is not a usable folder for HAProxy's files and sockets`;
    problems.push(problem(subject, 'target.folder', what, `Use ${LOCAL_FOLDER_FORMAT.describe}`));
  }
  if (fields.haproxyBinary && target.haproxyBinary !== undefined && !matches(PROGRAM_FORMAT, target.haproxyBinary)) {
    problems.push(problem(subject, 'target.haproxyBinary', `"${printable(target.haproxyBinary)}" is not a usable program`, `Use ${PROGRAM_FORMAT.describe}`));
  }
  for (const field of (['folder', 'haproxyBinary'] as const).filter((f) => !fields[f] && target[f] !== undefined)) {
    problems.push(problem(subject, `target.${field}`, `the ${target.kind} target has no ${field}`, 'Remove it'));
  }
  return problems;
}

/** Problems of the appliance's own settings. */
export function validateApplianceSettings(appliance: ApplianceSpec): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const subject = printable(appliance.name) || '(unnamed appliance)';
  if (!matches(NAME_FORMAT, appliance.name)) {
    problems.push(problem(subject, 'name', `"${subject}" is not a valid appliance name`, `Use ${NAME_FORMAT.describe}`));
  }
  problems.push(...numberLookalikeProblems(subject, appliance.name));
  appliance.managementAddresses.forEach((address, i) => {
    const reason = unusableAddressReason(address);
    const field = i === 0 ? 'managementAddress' : 'peerManagementAddress';
    if (reason) problems.push(problem(subject, field, reason, 'Give the management IPv4 or IPv6 address of the appliance'));
  });
  const [first, second] = appliance.managementAddresses.map(canonicalAddress);
  if (second !== undefined && first === second && addressFamily(first)) {
    problems.push(problem(subject, 'peerManagementAddress', `${second} is also managementAddress, so VRRP never forms and the pair cannot fail over`, "Give the secondary appliance's own management address"));
  }
  const [primary, peer] = appliance.managementAddresses.map(addressFamily);
  if (primary && peer && primary !== peer) {
    problems.push(problem(subject, 'peerManagementAddress', `${appliance.managementAddresses[1]} is ${peer} and managementAddress ${appliance.managementAddresses[0]} is ${primary}, and VRRP between the two needs one family`, 'Give both management addresses in the same family'));
  }
  if (appliance.vipInterface !== undefined && !matches(INTERFACE_FORMAT, appliance.vipInterface)) {
    problems.push(problem(subject, 'vipInterface', `"${printable(appliance.vipInterface)}" is not an interface name`, `Use ${INTERFACE_FORMAT.describe}`));
  }
  for (const subnet of appliance.subnets.filter((s) => !parseSubnet(s))) {
    problems.push(problem(subject, 'subnets', `"${printable(subnet)}" is not a subnet in CIDR notation`, 'Write subnets like 192.0.2.0/24 or 2001:db8::/64'));
  }
  if (!inRange(appliance.apiPort, RANGES.port)) {
    problems.push(problem(subject, 'apiPort', `${printable(appliance.apiPort)} is out of range`, `Use ${describeRange(RANGES.port)}`));
  }
  problems.push(...validateTarget(subject, appliance.target));
  return problems;
}

/**
 * VIP names must be unique on one appliance (they are the appliance's keys), and must differ in
 * more than case: each VIP's spec is a file named after it, and a case-insensitive file system
 * would keep one of two.
 */
function uniqueNames(vips: VirtualServiceSpec[]): ValidationProblem[] {
  const seen = new Map<string, string>();
  return vips.flatMap((vip) => {
    const earlier = seen.get(vip.name.toLowerCase());
    if (earlier === undefined) seen.set(vip.name.toLowerCase(), vip.name);
    if (earlier === vip.name) return [problem(vip.name, 'name', 'two VIPs on this appliance have this name', 'Give each VIP its own name')];
    if (earlier !== undefined) {
      return [problem(vip.name, 'name', `VIP ${earlier} has the same name but for case, and a case-insensitive file system keeps only one of their spec files`, 'Give each VIP a name that differs in more than case')];
    }
    return [];
  });
}

/**
 * Appliance names in one stack must differ in more than case: each appliance writes its files
 * into pacs-lb/<name>/ of the stack's folder. `earlier` are the names of the appliances before
 * this one in the stack.
 */
export function uniqueApplianceName(name: string, earlier: string[]): ValidationProblem[] {
  const twin = earlier.find((other) => other.toLowerCase() === name.toLowerCase());
  if (twin === undefined) return [];
  const what = twin === name ? 'another appliance in this stack has this name' : `appliance ${printable(twin)} in this stack has the same name but for case`;
  return [problem(printable(name) || '(unnamed appliance)', 'name', `${what}, and the second would overwrite the first's output folder pacs-lb/${printable(name)}`, 'Give each appliance of a stack its own name')];
}

/**
 * An HA pair advertises the VIP addresses of its management addresses' family over VRRP (the
 * other family's ride along unadvertised): with VIPs of the other family only, the VRRP
 * instance has no address and keepalived refuses it.
 */
function vrrpHasAnAddress(appliance: ApplianceSpec, vips: VirtualServiceSpec[]): ValidationProblem[] {
  const family = addressFamily(appliance.managementAddresses[0] ?? '');
  const families = new Set(vips.map((vip) => addressFamily(vip.address)).filter((f) => f !== undefined));
  if (appliance.managementAddresses.length < 2 || !family || families.size === 0 || families.has(family)) return [];
  const other = [...families][0];
  return [problem(printable(appliance.name) || '(unnamed appliance)', 'managementAddresses', `the HA pair's management addresses are ${family} and every VIP is ${other}, so VRRP has no VIP address to advertise`, `Give the pair ${other} management addresses, or add a VIP with an ${family} address`)];
}

/** Groups items by a key, keeping their order. */
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Two VIPs must not listen on the same address, port and protocol. */
function noSharedListeners(vips: VirtualServiceSpec[]): ValidationProblem[] {
  const valid = vips.filter((vip) => vip.ports.ranges.every(isValidRange));
  const listeners = groupBy(valid, (vip) => `${canonicalAddress(vip.address)}|${vip.protocol}`);
  const problems: ValidationProblem[] = [];
  for (const group of listeners.values()) {
    group.forEach((vip, i) => {
      for (const earlier of group.slice(0, i)) {
        const shared = firstOverlap(earlier.ports.ranges, vip.ports.ranges);
        if (shared) {
          problems.push(problem(vip.name, 'ports', `${vip.protocol} port ${formatRange(shared)} on ${vip.address} is also used by VIP ${earlier.name}`, 'Give one of the two VIPs another address or port'));
        }
      }
    });
  }
  return problems;
}

interface RealServerUse {
  readonly vip: string;
  readonly address: string;
  readonly ranges: PortRangeSpec[];
}

function realServerUses(vip: VirtualServiceSpec): RealServerUse[] {
  return vip.realServers.map((rip) => ({
    vip: vip.name,
    address: canonicalAddress(rip.address),
    ranges: rip.port !== undefined ? [{ first: rip.port, last: rip.port }] : vip.ports.ranges,
  }));
}

/** Port sets up to this size are indexed port by port; wider ones (DB_MT's 65,534) are compared range by range. */
const INDEXED_PORTS_LIMIT = 256;

function portsOf(use: RealServerUse): number[] {
  return use.ranges.flatMap((r) => Array.from({ length: r.last - r.first + 1 }, (_, i) => r.first + i));
}

function isNarrow(use: RealServerUse): boolean {
  return use.ranges.reduce((sum, r) => sum + r.last - r.first + 1, 0) <= INDEXED_PORTS_LIMIT;
}

/**
 * The SNAT real-server uses that may overlap a Layer 7 one, found through an index by
 * address and port, so that checking thousands of VIPs stays close to linear.
 */
function snatCandidates(snat: RealServerUse[]): (proxy: RealServerUse) => RealServerUse[] {
  const byAddress = groupBy(snat, (use) => use.address);
  const wideByAddress = groupBy(snat.filter((use) => !isNarrow(use)), (use) => use.address);
  const byPort = new Map<string, RealServerUse[]>();
  for (const use of snat.filter(isNarrow)) {
    for (const port of portsOf(use)) {
      const key = `${use.address}|${port}`;
      const list = byPort.get(key);
      if (list) list.push(use);
      else byPort.set(key, [use]);
    }
  }
  return (proxy) => {
    if (!isNarrow(proxy)) return byAddress.get(proxy.address) ?? [];
    const found = new Set(wideByAddress.get(proxy.address) ?? []);
    for (const port of portsOf(proxy)) for (const use of byPort.get(`${proxy.address}|${port}`) ?? []) found.add(use);
    return [...found];
  };
}

/** A Layer 7 VIP and a Layer 4 SNAT VIP must not send to the same RIP:PORT (their packet-filter rules conflict). */
function noLayer7SnatSharing(vips: VirtualServiceSpec[]): ValidationProblem[] {
  const valid = vips.filter((vip) => vip.ports.ranges.every(isValidRange));
  const layer7 = valid.filter((vip) => vip.layer === 7).flatMap(realServerUses);
  const candidates = snatCandidates(valid.filter((vip) => vip.forwarding === ForwardingMethod.SNAT).flatMap(realServerUses));
  const problems: ValidationProblem[] = [];
  const reported = new Set<string>();
  for (const proxy of layer7) {
    for (const nat of candidates(proxy)) {
      const shared = firstOverlap(proxy.ranges, nat.ranges);
      const key = `${proxy.vip}|${nat.vip}|${proxy.address}`;
      if (shared && !reported.has(key)) {
        reported.add(key);
        problems.push(problem(proxy.vip, 'realServers', `real server ${proxy.address} port ${formatRange(shared)} is also a real server of Layer 4 SNAT VIP ${nat.vip}, and their packet-filter rules conflict`, 'Use another real server port for one of them, or make both VIPs the same mode'));
      }
    }
  }
  return problems;
}

/** Every problem that involves more than one VIP of an appliance, or the appliance and its VIPs. */
export function validateAcrossVips(appliance: ApplianceSpec, vips: VirtualServiceSpec[]): ValidationProblem[] {
  const problems = [...vrrpHasAnAddress(appliance, vips), ...uniqueNames(vips), ...noSharedListeners(vips), ...noLayer7SnatSharing(vips)];
  return problems.map((p) => (p.subject === '' ? { ...p, subject: '(unnamed VIP)' } : p));
}

/** Every problem that involves more than one VIP of an appliance, and the appliance's own. */
export function validateAppliance(appliance: ApplianceSpec, vips: VirtualServiceSpec[]): ValidationProblem[] {
  return [...validateApplianceSettings(appliance), ...validateAcrossVips(appliance, vips)];
}
