import { CheckScriptSource } from '../spec/check-script-source';
import { ClientAddressMode } from '../spec/client-address-mode';
import {
  DEFAULT_API_PORT,
  DEFAULT_CLIENT_ADDRESS,
  DEFAULT_FORWARDING,
  DEFAULT_LAYER4_PROTOCOL,
  DEFAULT_LAYER7_IDLE_TIMEOUT_SECONDS,
  DEFAULT_PROXY_MODE,
  DEFAULT_REAL_SERVER_STATE,
  DEFAULT_SCHEDULER,
  DEFAULT_WEIGHT,
} from '../spec/defaults';
import { ForwardingMethod } from '../spec/forwarding-method';
import { HealthCheck } from '../spec/health-check';
import { HealthCheckType } from '../spec/health-check-type';
import { Persistence } from '../spec/persistence';
import { PersistenceType } from '../spec/persistence-type';
import { Protocol } from '../spec/protocol';
import { ProxyMode } from '../spec/proxy-mode';
import { RealServerState } from '../spec/real-server-state';
import { Scheduler } from '../spec/scheduler';
import { ApplianceSpec, HealthCheckSpec, PersistenceSpec, PortsSpec, RealServerSpec, VirtualServiceSpec } from '../spec/virtual-service-spec';
import { resolvePersistence } from '../spec/resolved-virtual-service';
import { call, CodeConstruct, CodeValue, enumMember, list, num, props, text } from './code-model';

/**
 * The library calls that build one part of a spec: the inverse of the constructs' `toSpec`,
 * leaving out every prop whose value is the construct's default so the code reads as a person
 * would write it. Whether the calls really rebuild the spec is checked by evaluating them
 * (code-evaluation.ts), never assumed.
 */

/** The factory of each check kind. */
const CHECK_FACTORIES: Record<HealthCheckType, string> = {
  [HealthCheckType.HTTP_GET]: 'httpGet',
  [HealthCheckType.HTTPS_GET]: 'httpsGet',
  [HealthCheckType.CONNECT]: 'connect',
  [HealthCheckType.PING]: 'ping',
  [HealthCheckType.DICOM_ASSOCIATION]: 'dicomAssociation',
  [HealthCheckType.HL7_MLLP]: 'hl7Mllp',
  [HealthCheckType.EXTERNAL]: 'external',
  [HealthCheckType.NONE]: 'none',
};

/** A scalar as a value (numbers, text, true). */
function scalar(value: unknown): CodeValue {
  if (typeof value === 'number') return num(value);
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  return text(String(value));
}

/** `HealthCheck.httpGet({ port: 80, path: '/status' })`: only the options that differ from the factory's defaults. */
export function healthCheckCode(check: HealthCheckSpec): CodeValue {
  const method = CHECK_FACTORIES[check.kind];
  const factory = (HealthCheck as unknown as Record<string, (o?: object) => HealthCheck>)[method];
  const defaults = factory({ script: check.script }).toSpec() as unknown as Record<string, unknown>;
  const options: Record<string, CodeValue | undefined> = {};
  for (const [field, value] of Object.entries(check)) {
    const required = field === 'script';
    if (field !== 'kind' && (required || value !== defaults[field])) options[field] = scalar(value);
  }
  const optionsValue = props(options);
  const hasOptions = optionsValue.kind === 'props' && optionsValue.fields.length > 0;
  return hasOptions ? call('HealthCheck', method, optionsValue) : call('HealthCheck', method);
}

/** `Persistence.sourceIp({ timeoutSeconds: 600 })` and the others; the layer's default timeout left out. */
export function persistenceCode(spec: PersistenceSpec, layer: number): CodeValue {
  const persistence = resolvePersistence(spec, layer);
  switch (persistence.kind) {
    case PersistenceType.SOURCE_IP: {
      const fallback = Persistence.sourceIp().toSpec(layer).timeoutSeconds;
      const options = props({
        timeoutSeconds: persistence.timeoutSeconds === fallback ? undefined : num(persistence.timeoutSeconds),
        netmask: persistence.netmask === undefined ? undefined : text(persistence.netmask),
      });
      return options.kind === 'props' && options.fields.length > 0 ? call('Persistence', 'sourceIp', options) : call('Persistence', 'sourceIp');
    }
    case PersistenceType.HTTP_COOKIE:
      return persistence.cookieName === Persistence.httpCookie().toSpec(layer).cookieName ? call('Persistence', 'httpCookie') : call('Persistence', 'httpCookie', props({ cookieName: text(persistence.cookieName) }));
    case PersistenceType.LAST_SUCCESSFUL:
      return call('Persistence', 'lastSuccessful');
    default:
      return call('Persistence', 'none');
  }
}

/** Most single ports a `Ports.list` is written with; beyond it, mixed ranges cannot be written. */
const MOST_LISTED_PORTS = 64;

/** `Ports.single(80)`, `Ports.list([4100, 8080])`, `Ports.between(800, 900)`, `Ports.allTcpExcept([20000])`; undefined when no factory writes them. */
export function portsCode(ports: PortsSpec): CodeValue | undefined {
  if (ports.allExcept) return call('Ports', 'allTcpExcept', list(ports.allExcept.map(num)));
  const [first] = ports.ranges;
  if (ports.ranges.length === 1 && first.first === first.last) return call('Ports', 'single', num(first.first));
  if (ports.ranges.length === 1) return call('Ports', 'between', num(first.first), num(first.last));
  const all = ports.ranges.flatMap((r) => Array.from({ length: r.last - r.first + 1 }, (_, i) => r.first + i));
  return all.length <= MOST_LISTED_PORTS ? call('Ports', 'list', list(all.map(num))) : undefined;
}

/** The fields of a real server's props that differ from the defaults. */
export function realServerFields(rip: RealServerSpec): Record<string, CodeValue | undefined> {
  return {
    name: text(rip.name),
    address: text(rip.address),
    port: rip.port === undefined ? undefined : num(rip.port),
    weight: rip.weight === DEFAULT_WEIGHT ? undefined : num(rip.weight),
    minConnections: rip.minConnections === undefined ? undefined : num(rip.minConnections),
    maxConnections: rip.maxConnections === undefined ? undefined : num(rip.maxConnections),
    state: rip.state === DEFAULT_REAL_SERVER_STATE ? undefined : enumMember('RealServerState', RealServerState, rip.state),
    encrypted: rip.encrypted ? { kind: 'boolean', value: true } : undefined,
  };
}

/** A real server's props. */
export const realServerCode = (rip: RealServerSpec): CodeValue => props(realServerFields(rip), 'RealServerProps');

/** The fields of VIP props shared by both layers (address, scheduler, check, persistence, connections); `realServers` given. */
function commonVipFields(vip: VirtualServiceSpec, realServers: CodeValue, layerFields: Record<string, CodeValue | undefined>): Record<string, CodeValue | undefined> {
  const defaultCheck = JSON.stringify(HealthCheck.connect().toSpec());
  return {
    description: vip.description === undefined ? undefined : text(vip.description),
    address: text(vip.address),
    ...layerFields,
    scheduler: vip.scheduler === DEFAULT_SCHEDULER ? undefined : enumMember('Scheduler', Scheduler, vip.scheduler),
    healthCheck: JSON.stringify(vip.healthCheck) === defaultCheck ? undefined : healthCheckCode(vip.healthCheck),
    persistence: vip.persistence.kind === PersistenceType.NONE ? undefined : persistenceCode(vip.persistence, vip.layer),
    maxConnections: vip.maxConnections === undefined ? undefined : num(vip.maxConnections),
    realServers,
  };
}

/** A `Layer4Vip` or `ReverseProxyVip` of the spec, with its id the VIP's name; undefined when its ports cannot be written. */
export function vipConstructCode(vip: VirtualServiceSpec, realServers: CodeValue): CodeConstruct | undefined {
  const ports = portsCode(vip.ports);
  if (!ports) return undefined;
  const timeout = (s: number | undefined) => (s === undefined || s === DEFAULT_LAYER7_IDLE_TIMEOUT_SECONDS ? undefined : num(s));
  const layerFields: Record<string, CodeValue | undefined> =
    vip.layer === 4
      ? {
          ports,
          forwarding: vip.forwarding === DEFAULT_FORWARDING || vip.forwarding === undefined ? undefined : enumMember('ForwardingMethod', ForwardingMethod, vip.forwarding),
          protocol: vip.protocol === DEFAULT_LAYER4_PROTOCOL ? undefined : enumMember('Protocol', Protocol, vip.protocol),
        }
      : {
          ports,
          proxyMode: vip.proxyMode === undefined || vip.proxyMode === DEFAULT_PROXY_MODE ? undefined : enumMember('ProxyMode', ProxyMode, vip.proxyMode),
          clientAddress: vip.clientAddress === undefined || vip.clientAddress === DEFAULT_CLIENT_ADDRESS ? undefined : enumMember('ClientAddressMode', ClientAddressMode, vip.clientAddress),
          clientTimeoutSeconds: timeout(vip.clientTimeoutSeconds),
          serverTimeoutSeconds: timeout(vip.serverTimeoutSeconds),
        };
  return { type: vip.layer === 4 ? 'Layer4Vip' : 'ReverseProxyVip', id: vip.name, props: props(commonVipFields(vip, realServers, layerFields)) };
}

/** The `LoadBalancerAppliance` of an appliance spec; its id is the appliance's name. */
export function applianceCode(appliance: ApplianceSpec): CodeConstruct {
  const [primary, peer] = appliance.managementAddresses;
  const script = (source: CheckScriptSource | undefined) => (source === undefined ? undefined : enumMember('CheckScriptSource', CheckScriptSource, source));
  const overrides = Object.entries(appliance.lbcliOverrides ?? {});
  const folder = appliance.target?.folder;
  return {
    type: 'LoadBalancerAppliance',
    id: appliance.name,
    props: props({
      managementAddress: text(primary),
      peerManagementAddress: peer === undefined ? undefined : text(peer),
      subnets: appliance.subnets.length === 0 ? undefined : list(appliance.subnets.map(text)),
      apiPort: appliance.apiPort === DEFAULT_API_PORT ? undefined : num(appliance.apiPort),
      target: folder === undefined ? undefined : call('ApplianceTarget', 'localHaproxy', props({ folder: text(folder), haproxyBinary: appliance.target?.haproxyBinary === undefined ? undefined : text(appliance.target.haproxyBinary) })),
      vipInterface: appliance.vipInterface === undefined ? undefined : text(appliance.vipInterface),
      dicomCheckScript: script(appliance.checkScripts?.dicom),
      hl7CheckScript: script(appliance.checkScripts?.hl7),
      lbcliOverrides: overrides.length === 0 ? undefined : { kind: 'map', entries: overrides.map(([name, value]) => ({ name, value: text(value) })) },
    }),
  };
}
