import { ForwardingMethod } from '../spec/forwarding-method';
import { Scheduler } from '../spec/scheduler';
import { closedObject, enumOf, list, num, text } from '../spec/spec-schema';
import { instance, REAL_SERVER_PROPS_SCHEMA } from '../appliance/props-schemas';
import { ServicePack } from './service-pack';

/**
 * The JSON Schema of `CentricityPacsProps`, checked at synth like every construct's props
 * (see appliance/props-schemas.ts). A unit test holds it to the TypeScript props interfaces.
 */

const COMPONENT_FIELDS = { address: text, servers: list(REAL_SERVER_PROPS_SCHEMA) };
const COMPONENT = closedObject(COMPONENT_FIELDS, ['address', 'servers']);

/** `CentricityVipOverride`. */
const VIP_OVERRIDE = closedObject({
  address: text,
  ports: instance('Ports'),
  healthCheck: instance('HealthCheck'),
  persistence: instance('Persistence'),
  scheduler: enumOf(Scheduler),
  realServers: list(REAL_SERVER_PROPS_SCHEMA),
  forwarding: enumOf(ForwardingMethod),
  maxConnections: num,
});

/** `CentricityPacsProps`, with its components, check options and overrides. */
export const CENTRICITY_PACS_PROPS_SCHEMA = closedObject(
  {
    servicePack: enumOf(ServicePack),
    enterpriseArchive: COMPONENT,
    database: closedObject({ ...COMPONENT_FIELDS, mtCheckPort: num }, ['address', 'servers']),
    das: COMPONENT,
    zfp: COMPONENT,
    uv: COMPONENT,
    dakota: COMPONENT,
    wfm: COMPONENT,
    xe: COMPONENT,
    ccg: COMPONENT,
    enterpriseArchiveCheck: closedObject({ port: num, path: text, expectStatus: num }),
    dasCheckPort: num,
    layer4PersistenceSeconds: num,
    layer7PersistenceSeconds: num,
    overrides: { type: 'object', additionalProperties: VIP_OVERRIDE },
  },
  ['servicePack'],
);
