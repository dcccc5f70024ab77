import { HAPROXY_BALANCE, IPVS_SCHEDULER } from '../spec/words';
import { ClientAddressMode } from '../spec/client-address-mode';
import { DEFAULT_SCHEDULER, DEFAULT_WEIGHT } from '../spec/defaults';
import { ForwardingMethod } from '../spec/forwarding-method';
import { HealthCheck } from '../spec/health-check';
import { Persistence } from '../spec/persistence';
import { PersistenceType } from '../spec/persistence-type';
import { Protocol } from '../spec/protocol';
import { ProxyMode } from '../spec/proxy-mode';
import { RealServerState } from '../spec/real-server-state';
import { Scheduler } from '../spec/scheduler';
import {
  ApplianceSpec,
  HealthCheckSpec,
  PersistenceSpec,
  PortRangeSpec,
  PortsSpec,
  RealServerSpec,
  SPEC_SCHEMA_VERSION,
  VirtualServiceSpec,
} from '../spec/virtual-service-spec';
import { withoutUndefined } from '../spec/without-undefined';
import { PORT_NUMBERS } from '../net/port-number';
import { realServerCommand, vipCommand } from '../render/loadbalancer-org/appliance-commands';
import { APPLIANCE_CHECK_FOLDER, LBCLI_VALUE_WORDS, LbcliWords } from '../render/loadbalancer-org/lbcli-words';
import { APPLIANCE_DEFAULTS, differingParameters, durationMs } from '../targets/loadbalancer-org/reported-values';
import { DumpedRealServer, DumpedVip } from '../targets/target-state';

/**
 * Reads one VIP as the appliance reports it (lbcli parameters, see appliance-reply.ts) back
 * into a {@link VirtualServiceSpec}: the inverse of the parameter mapping table, in the words
 * of the appliance (its `lbcliOverrides`). A parameter the reply leaves out takes the
 * constructs' default. Then the recovered spec is mapped forward again, through the same table
 * `apply` uses, and compared with the reply: every reported parameter that the spec does not
 * reproduce is a *note*, never dropped silently. What the appliance does not report at all
 * (check timing, DICOM AE titles, HL7 MSH fields, descriptions) takes the constructs' defaults.
 */
export interface RecoveredVip {
  /** The spec, or undefined when the VIP cannot be expressed at all (its notes say why). */
  readonly spec?: VirtualServiceSpec;
  /** What the spec does not reproduce, one line each: `<VIP>: <what>`. */
  readonly notes: string[];
}

/** Parameters the reading module adds or every command carries: never a note. */
const BOOKKEEPING = ['vip', 'layer', 'action'];

/** The value-word key whose word (with the appliance's overrides) is `word`, among keys starting with `prefix`. */
function keyOfWord(words: LbcliWords, prefix: string, word: string | undefined): string | undefined {
  if (word === undefined) return undefined;
  const key = Object.keys(LBCLI_VALUE_WORDS).find((k) => k.startsWith(prefix) && words.value(k).toLowerCase() === word.toLowerCase());
  return key?.slice(prefix.length);
}

/** A reported number, or undefined when absent or not a number. */
function numberOf(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

const isOn = (text: string | undefined) => ['on', 'true', 'yes', '1'].includes((text ?? '').toLowerCase());

/** `80`, `80:81`, `800-900`, `1-19999:20001-65535` as a ports spec; every port but a few as "all except". */
export function portsFromLbcli(text: string | undefined): PortsSpec | undefined {
  if (text === undefined) return undefined;
  const ranges: PortRangeSpec[] = [];
  for (const part of text.split(/[:,]/)) {
    const match = /^\s*(\d+)(?:-(\d+))?\s*$/.exec(part);
    if (!match) return undefined;
    ranges.push({ first: Number(match[1]), last: Number(match[2] ?? match[1]) });
  }
  ranges.sort((a, b) => a.first - b.first);
  const allExcept: number[] = [];
  for (let i = 1; i < ranges.length; i++) {
    for (let port = ranges[i - 1].last + 1; port < ranges[i].first; port++) allExcept.push(port);
  }
  const spansAll = ranges.length > 1 && ranges[0].first === 1 && ranges[ranges.length - 1].last === PORT_NUMBERS.max;
  return spansAll && allExcept.length <= 64 ? { ranges, allExcept } : { ranges };
}

/** A reported timeout (`3600s`, `1h`, `3600000`) in whole seconds. */
function seconds(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = durationMs(text.trim().toLowerCase());
  return ms === undefined ? undefined : Math.round(ms / 1000);
}

/** The health check a VIP's check parameters describe (timing is not reported: the defaults). */
function healthCheckOf(layer: number, p: Record<string, string>, words: LbcliWords, name: string): HealthCheckSpec | undefined {
  const kind = keyOfWord(words, `layer${layer}.check.`, p.check_type);
  const port = numberOf(p.check_port);
  if (kind === undefined) return p.check_type === undefined ? HealthCheck.connect().toSpec() : undefined;
  if (kind === 'http-get' || kind === 'https-get') {
    const secure = layer === 4 ? keyOfWord(words, 'layer4.check-service.', p.check_service) === 'https-get' : kind === 'https-get';
    const expected = layer === 4 ? p.check_response : p.check_receive;
    const status = /^\d{3}$/.test(expected ?? '') ? Number(expected) : undefined;
    const options = { port, path: p.check_request, host: layer === 4 ? p.check_vhost : p.check_host, expectStatus: status, expectText: status === undefined ? expected : undefined };
    return (secure ? HealthCheck.httpsGet(withoutUndefined(options)) : HealthCheck.httpGet(withoutUndefined(options))).toSpec();
  }
  if (kind === 'external') {
    const script = layer === 4 ? p.check_command : p.external_check_script;
    if (script === undefined) return undefined;
    if (script === words.value('check.dicom.appliance-script') || script === `${words.value('check.dicom.uploaded-prefix')}${name}`) return HealthCheck.dicomAssociation({ port }).toSpec();
    if (script === `${words.value('check.hl7.uploaded-prefix')}${name}`) return HealthCheck.hl7Mllp({ port }).toSpec();
    return HealthCheck.external({ port, script: `${APPLIANCE_CHECK_FOLDER}${script}` }).toSpec();
  }
  if (kind === 'connect') return HealthCheck.connect({ port }).toSpec();
  if (kind === 'ping') return HealthCheck.ping().toSpec();
  return HealthCheck.none().toSpec();
}

function persistenceOf(layer: number, p: Record<string, string>, words: LbcliWords): PersistenceSpec | undefined {
  if (layer === 4) {
    if (!isOn(p.persistent)) return Persistence.none().toSpec(4);
    return Persistence.sourceIp(withoutUndefined({ timeoutSeconds: numberOf(p.persist_time ?? APPLIANCE_DEFAULTS.vip4.persist_time), netmask: p.granularity })).toSpec(4);
  }
  const kind = keyOfWord(words, 'layer7.persistence.', p.persistence) ?? (p.persistence === undefined ? PersistenceType.NONE : undefined);
  if (kind === PersistenceType.SOURCE_IP) {
    const time = numberOf(p.persist_time);
    const perUnit = words.value('layer7.persist-time.unit') === 'seconds' ? 1 : 60;
    return Persistence.sourceIp(withoutUndefined({ timeoutSeconds: time === undefined ? undefined : time * perUnit })).toSpec(7);
  }
  if (kind === PersistenceType.HTTP_COOKIE) return Persistence.httpCookie(withoutUndefined({ cookieName: p.cookiename })).toSpec(7);
  if (kind === PersistenceType.LAST_SUCCESSFUL) return Persistence.lastSuccessful().toSpec(7);
  if (kind === PersistenceType.NONE) return Persistence.none().toSpec(7);
  return undefined;
}

function clientAddressOf(p: Record<string, string>, words: LbcliWords): ClientAddressMode {
  if (isOn(p.tproxy)) return ClientAddressMode.TRANSPARENT;
  const proxy = keyOfWord(words, 'layer7.send-proxy.', p.send_proxy);
  if (proxy === ClientAddressMode.PROXY_PROTOCOL_V1 || proxy === ClientAddressMode.PROXY_PROTOCOL_V2) return proxy;
  return isOn(p.forward_for) ? ClientAddressMode.X_FORWARDED_FOR : ClientAddressMode.NONE;
}

function schedulerOf(layer: number, word: string | undefined): Scheduler | undefined {
  if (word === undefined) return DEFAULT_SCHEDULER;
  const names = layer === 4 ? IPVS_SCHEDULER : HAPROXY_BALANCE;
  return (Object.keys(names) as Scheduler[]).find((s) => names[s] === word.toLowerCase());
}

function realServerOf(rip: DumpedRealServer): RealServerSpec {
  const p = rip.parameters;
  const state = Object.values(RealServerState).find((s) => s === rip.state) ?? RealServerState.ONLINE;
  return withoutUndefined({
    name: rip.name,
    address: p.ip,
    port: numberOf(p.port),
    weight: numberOf(p.weight) ?? DEFAULT_WEIGHT,
    minConnections: numberOf(p.minconns),
    maxConnections: numberOf(p.maxconns),
    state,
    encrypted: isOn(p.encrypted) ? true : undefined,
  });
}

/** The layer a reply states, or the one its parameters betray (`mode` is Layer 7 only, `forwarding` Layer 4 only). */
function layerOf(vip: DumpedVip): number | undefined {
  if (vip.layer !== undefined) return vip.layer;
  if (vip.parameters.mode !== undefined || vip.parameters.persistence !== undefined) return 7;
  if (vip.parameters.forwarding !== undefined || vip.parameters.persistent !== undefined) return 4;
  return undefined;
}

/** Renames parameters the appliance's overrides rename back to the table's names. */
function inTableNames(parameters: Record<string, string>, appliance: ApplianceSpec | undefined): Record<string, string> {
  const renamed: Record<string, string> = { ...parameters };
  for (const [key, name] of Object.entries(appliance?.lbcliOverrides ?? {})) {
    const match = /^(?:layer4|layer7|rip)\.parameter\.(.+)$/.exec(key);
    if (match && renamed[name] !== undefined) {
      renamed[match[1]] = renamed[name];
      delete renamed[name];
    }
  }
  return renamed;
}

/** Reported parameters the forward command of the recovered spec does not reproduce. */
function unreproduced(what: string, sent: Record<string, string>, reported: Record<string, string>, differing: string[]): string[] {
  const notes = differing.map((key) => `${what}: ${key} is reported as "${reported[key] ?? '(left out)'}", the constructs would send "${sent[key]}"`);
  for (const [key, value] of Object.entries(reported)) {
    if (!(key in sent) && !BOOKKEEPING.includes(key)) notes.push(`${what}: ${key}="${value}" has no prop in the constructs`);
  }
  return notes;
}

/** One reported VIP as a spec of `appliance`, with what it does not reproduce. */
export function recoverVirtualService(vip: DumpedVip, appliance: ApplianceSpec): RecoveredVip {
  const words = LbcliWords.of(appliance);
  const p = inTableNames(vip.parameters, appliance);
  const layer = layerOf(vip);
  const ports = portsFromLbcli(p.ports);
  const healthCheck = layer === undefined ? undefined : healthCheckOf(layer, p, words, vip.name);
  const persistence = layer === undefined ? undefined : persistenceOf(layer, p, words);
  const scheduler = layer === undefined ? undefined : schedulerOf(layer, p.scheduler);
  const missing = [
    [layer, 'layer (neither reported nor betrayed by its parameters)'],
    [p.ip, 'ip'],
    [ports, `ports "${p.ports ?? '(left out)'}"`],
    [healthCheck, `check_type "${p.check_type}"`],
    [persistence, `persistence "${p.persistence ?? p.persistent}"`],
    [scheduler, `scheduler "${p.scheduler}"`],
  ].filter(([value]) => !value);
  if (missing.length > 0) return { notes: missing.map(([, what]) => `${vip.name}: cannot read ${what}; the VIP is left out of the code`) };

  const forwarding = keyOfWord(words, 'layer4.forwarding.', p.forwarding) as ForwardingMethod | undefined;
  const spec: VirtualServiceSpec = withoutUndefined({
    schemaVersion: SPEC_SCHEMA_VERSION,
    appliance: appliance.name,
    name: vip.name,
    layer: layer!,
    forwarding: layer === 4 ? (forwarding ?? ForwardingMethod.DR) : undefined,
    proxyMode: layer === 7 ? (p.mode?.toLowerCase() === ProxyMode.HTTP ? ProxyMode.HTTP : ProxyMode.TCP) : undefined,
    clientAddress: layer === 7 ? clientAddressOf(p, words) : undefined,
    address: p.ip,
    protocol: p.protocol?.toLowerCase() === Protocol.UDP ? Protocol.UDP : Protocol.TCP,
    ports: ports!,
    scheduler: scheduler!,
    healthCheck: healthCheck!,
    persistence: persistence!,
    // A timeout the reply leaves out is the appliance's default (12 h), which apply would keep.
    clientTimeoutSeconds: layer === 7 ? seconds(p.timeout_client ?? APPLIANCE_DEFAULTS.vip7.timeout_client) : undefined,
    serverTimeoutSeconds: layer === 7 ? seconds(p.timeout_server ?? APPLIANCE_DEFAULTS.vip7.timeout_server) : undefined,
    maxConnections: numberOf(p.maxconn),
    realServers: vip.realServers.map(realServerOf),
  });
  return { spec, notes: notReproduced(vip, spec, appliance) };
}

/** Every reported value the spec, mapped forward through the apply table, does not reproduce. */
function notReproduced(vip: DumpedVip, spec: VirtualServiceSpec, appliance: ApplianceSpec): string[] {
  const add = vipCommand('add-vip', spec, appliance);
  const notes = unreproduced(vip.name, add, vip.parameters, differingParameters(add, vip.parameters));
  for (const rip of vip.realServers) {
    const command = realServerCommand('add-rip', spec, rip.name, appliance);
    notes.push(...unreproduced(`${vip.name}: real server ${rip.name}`, command, rip.parameters, differingParameters(command, rip.parameters)));
  }
  if (vip.realServers.some((r) => r.state !== undefined && !Object.values(RealServerState).includes(r.state as RealServerState))) {
    notes.push(`${vip.name}: a real server's state is not online, drain or halt; it is imported as online`);
  }
  return notes;
}
