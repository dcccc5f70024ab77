import { ApplianceTargetKind } from './appliance-target-kind';
import { CheckScriptSource } from './check-script-source';
import { ClientAddressMode } from './client-address-mode';
import { ForwardingMethod } from './forwarding-method';
import { HealthCheckType } from './health-check-type';
import { PersistenceType } from './persistence-type';
import { Protocol } from './protocol';
import { ProxyMode } from './proxy-mode';
import { RealServerState } from './real-server-state';
import { Scheduler } from './scheduler';

/**
 * The JSON Schemas (draft-07) of the spec files: the contract of `VirtualServiceSpec` and
 * `ApplianceSpec` as written at synth and read by the `pacs-lb` CLI. They state types, enums,
 * required fields and that no other key is allowed; ranges, formats and the rules between
 * fields are the semantic rules of lib/validation. A unit test holds them to the TypeScript
 * interfaces in virtual-service-spec.ts, field by field.
 */

/** A JSON Schema object, as plain JSON. */
export type JsonSchema = { readonly [key: string]: unknown };

/** Schema building blocks, shared with the props schemas. */
export const text = { type: 'string' } as const;
/** A number (ranges are semantic rules). */
export const num = { type: 'number' } as const;
/** true or false. */
export const bool = { type: 'boolean' } as const;
/** One of an enum's values. */
export const enumOf = (values: object): JsonSchema => ({ enum: Object.values(values) });
/** An object of text values under any keys. */
export const textMap: JsonSchema = { type: 'object', additionalProperties: text };
/** A list of items. */
export const list = (items: JsonSchema): JsonSchema => ({ type: 'array', items });

/** An object of exactly these fields, the listed ones required. */
export function closedObject(properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema {
  return { type: 'object', properties, required, additionalProperties: false };
}

const PORT_RANGE = closedObject({ first: num, last: num }, ['first', 'last']);

const PORTS = closedObject({ ranges: list(PORT_RANGE), allExcept: list(num) }, ['ranges']);

/** The fields a kind needs (the factories always set them): `{ kind: [fields] }` as if/then rules. */
function fieldsByKind(needs: Record<string, string[]>): JsonSchema[] {
  return Object.entries(needs).map(([kind, required]) => ({ if: { properties: { kind: { const: kind } } }, then: { required } }));
}

const HEALTH_CHECK_BASE = closedObject(
  {
    kind: enumOf(HealthCheckType),
    port: num,
    path: text,
    expectStatus: num,
    expectText: text,
    host: text,
    caFile: text,
    calledAeTitle: text,
    callingAeTitle: text,
    sendingApplication: text,
    sendingFacility: text,
    receivingApplication: text,
    receivingFacility: text,
    script: text,
    intervalSeconds: num,
    timeoutSeconds: num,
    rise: num,
    fall: num,
  },
  ['kind', 'intervalSeconds', 'timeoutSeconds', 'rise', 'fall'],
);

const HEALTH_CHECK = {
  ...HEALTH_CHECK_BASE,
  allOf: fieldsByKind({
    [HealthCheckType.HTTP_GET]: ['path', 'expectStatus'],
    [HealthCheckType.HTTPS_GET]: ['path', 'expectStatus'],
    [HealthCheckType.DICOM_ASSOCIATION]: ['calledAeTitle', 'callingAeTitle'],
    [HealthCheckType.HL7_MLLP]: ['sendingApplication', 'sendingFacility', 'receivingApplication', 'receivingFacility'],
    [HealthCheckType.EXTERNAL]: ['script'],
  }),
};

const PERSISTENCE = {
  ...closedObject({ kind: enumOf(PersistenceType), timeoutSeconds: num, netmask: text, cookieName: text }, ['kind']),
  allOf: fieldsByKind({ [PersistenceType.SOURCE_IP]: ['timeoutSeconds'], [PersistenceType.HTTP_COOKIE]: ['cookieName'] }),
};

const REAL_SERVER = closedObject(
  {
    name: text,
    address: text,
    port: num,
    weight: num,
    minConnections: num,
    maxConnections: num,
    state: enumOf(RealServerState),
    stateManaged: bool,
    encrypted: bool,
  },
  ['name', 'address', 'weight', 'state'],
);

/** The schema of one VIP spec file (`vips/<name>.json`, PACS_LB_SPEC). */
export const VIRTUAL_SERVICE_SPEC_SCHEMA: JsonSchema = {
  ...closedObject(
    {
      schemaVersion: { type: 'integer' },
      appliance: text,
      name: text,
      description: text,
      layer: { enum: [4, 7] },
      forwarding: enumOf(ForwardingMethod),
      proxyMode: enumOf(ProxyMode),
      clientAddress: enumOf(ClientAddressMode),
      address: text,
      protocol: enumOf(Protocol),
      ports: PORTS,
      scheduler: enumOf(Scheduler),
      healthCheck: HEALTH_CHECK,
      persistence: PERSISTENCE,
      clientTimeoutSeconds: num,
      serverTimeoutSeconds: num,
      maxConnections: num,
      realServers: list(REAL_SERVER),
    },
    ['schemaVersion', 'appliance', 'name', 'layer', 'address', 'protocol', 'ports', 'scheduler', 'healthCheck', 'persistence', 'realServers'],
  ),
  allOf: [
    { if: { properties: { layer: { const: 4 } } }, then: { required: ['forwarding'] } },
    { if: { properties: { layer: { const: 7 } } }, then: { required: ['proxyMode', 'clientAddress'] } },
  ],
};

const TARGET = closedObject({ kind: enumOf(ApplianceTargetKind), folder: text, haproxyBinary: text }, ['kind']);

/** The schema of one appliance spec file (`appliance.json`, PACS_LB_APPLIANCE). */
export const APPLIANCE_SPEC_SCHEMA: JsonSchema = {
  ...closedObject(
    {
      schemaVersion: { type: 'integer' },
      name: text,
      managementAddresses: { ...list(text), minItems: 1, maxItems: 2 },
      apiPort: num,
      subnets: list(text),
      target: TARGET,
      vipInterface: text,
      checkScripts: closedObject({ dicom: enumOf(CheckScriptSource), hl7: enumOf(CheckScriptSource) }),
      lbcliOverrides: textMap,
    },
    ['schemaVersion', 'name', 'managementAddresses', 'apiPort', 'subnets'],
  ),
};
