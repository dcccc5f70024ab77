import { ApplianceTarget } from './appliance-target';
import { CheckScriptSource } from '../spec/check-script-source';
import { ClientAddressMode } from '../spec/client-address-mode';
import { ForwardingMethod } from '../spec/forwarding-method';
import { HealthCheck } from '../spec/health-check';
import { Persistence } from '../spec/persistence';
import { Ports } from '../spec/ports';
import { Protocol } from '../spec/protocol';
import { ProxyMode } from '../spec/proxy-mode';
import { RealServerState } from '../spec/real-server-state';
import { Scheduler } from '../spec/scheduler';
import { bool, closedObject, enumOf, JsonSchema, list, num, text, textMap } from '../spec/spec-schema';
import { registerSchemaClass } from '../validation/schema-problems';

/**
 * The JSON Schemas of construct props, checked at synth before anything else: plain
 * JavaScript, and Python through jsii, give no compile-time types, so every enum, type,
 * required field and unknown key is checked at run time too. Class-valued props (`Ports`,
 * `HealthCheck`...) are required with the `instanceOf` keyword. A unit test holds each schema
 * to its TypeScript props interface. They live with the constructs (CentricityPacs's beside it,
 * centricity/centricity-pacs-props-schema.ts); lib/validation checks props against whatever
 * schema a construct declares, and knows no construct.
 */

registerSchemaClass('Ports', { type: Ports, create: 'Ports.single(104), Ports.list([...]), Ports.between(first, last) or Ports.allTcpExcept([...])' });
registerSchemaClass('HealthCheck', { type: HealthCheck, create: 'HealthCheck.connect(), HealthCheck.httpGet({...}), HealthCheck.dicomAssociation() or another HealthCheck factory' });
registerSchemaClass('Persistence', { type: Persistence, create: 'Persistence.none(), Persistence.sourceIp(), Persistence.lastSuccessful() or Persistence.httpCookie()' });
registerSchemaClass('ApplianceTarget', { type: ApplianceTarget, create: 'ApplianceTarget.loadbalancerOrgApi() or ApplianceTarget.localHaproxy({ folder })' });

/** A props field that must hold an instance of a class registered above (`Ports`, `HealthCheck`...). */
export const instance = (name: string) => ({ instanceOf: name });

/** `RealServerProps`. */
export const REAL_SERVER_PROPS_SCHEMA: JsonSchema = closedObject(
  { name: text, address: text, port: num, weight: num, minConnections: num, maxConnections: num, state: enumOf(RealServerState), encrypted: bool },
  ['name', 'address'],
);

/** The fields of `VirtualServiceBaseProps`. */
const BASE_FIELDS: Record<string, JsonSchema> = {
  name: text,
  description: text,
  address: text,
  scheduler: enumOf(Scheduler),
  healthCheck: instance('HealthCheck'),
  persistence: instance('Persistence'),
  realServers: list(REAL_SERVER_PROPS_SCHEMA),
  maxConnections: num,
};

/** `Layer4VipProps`. */
export const LAYER4_VIP_PROPS_SCHEMA = closedObject({ ...BASE_FIELDS, ports: instance('Ports'), forwarding: enumOf(ForwardingMethod), protocol: enumOf(Protocol) }, ['address', 'ports']);

/** `ReverseProxyVipProps`. */
export const REVERSE_PROXY_VIP_PROPS_SCHEMA = closedObject(
  { ...BASE_FIELDS, ports: instance('Ports'), proxyMode: enumOf(ProxyMode), clientAddress: enumOf(ClientAddressMode), clientTimeoutSeconds: num, serverTimeoutSeconds: num },
  ['address', 'ports'],
);

/** `ProtocolVipProps` (DicomVip, Hl7Vip). */
export const PROTOCOL_VIP_PROPS_SCHEMA = closedObject({ ...BASE_FIELDS, tls: bool, ports: instance('Ports'), forwarding: enumOf(ForwardingMethod) }, ['address']);

/** `LoadBalancerApplianceProps`. */
export const APPLIANCE_PROPS_SCHEMA = closedObject(
  {
    name: text,
    managementAddress: text,
    peerManagementAddress: text,
    subnets: list(text),
    apiPort: num,
    target: instance('ApplianceTarget'),
    vipInterface: text,
    dicomCheckScript: enumOf(CheckScriptSource),
    hl7CheckScript: enumOf(CheckScriptSource),
    lbcliOverrides: textMap,
  },
  ['managementAddress'],
);

const TIMING = { intervalSeconds: num, timeoutSeconds: num, rise: num, fall: num };
const PORT_CHECK = { ...TIMING, port: num };
const HTTP_CHECK = closedObject({ ...PORT_CHECK, path: text, expectStatus: num, expectText: text, host: text, caFile: text });

/**
 * The options of each recording factory, by the name users call it with: checked at synth,
 * under the field the result is given to (`healthCheck.pth: is not a known key`).
 */
export const FACTORY_OPTIONS_SCHEMAS: Record<string, JsonSchema> = {
  'HealthCheck.httpGet': HTTP_CHECK,
  'HealthCheck.httpsGet': HTTP_CHECK,
  'HealthCheck.connect': closedObject(PORT_CHECK),
  'HealthCheck.ping': closedObject(TIMING),
  'HealthCheck.dicomAssociation': closedObject({ ...PORT_CHECK, calledAeTitle: text, callingAeTitle: text }),
  'HealthCheck.hl7Mllp': closedObject({ ...PORT_CHECK, sendingApplication: text, sendingFacility: text, receivingApplication: text, receivingFacility: text }),
  'HealthCheck.external': closedObject({ ...PORT_CHECK, script: text }, ['script']),
  'Persistence.sourceIp': closedObject({ timeoutSeconds: num, netmask: text }),
  'Persistence.httpCookie': closedObject({ cookieName: text }),
  'ApplianceTarget.localHaproxy': closedObject({ folder: text, haproxyBinary: text }, ['folder']),
};
