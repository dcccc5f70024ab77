/**
 * Construct props from plain JavaScript (and Python through jsii): no compile-time types, so
 * every enum, type, required field and unknown key is checked at synth, with the nearest known
 * key or value suggested, and never answered with a raw TypeError. The props schemas are held
 * to the TypeScript props interfaces here too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CentricityPacs, DicomVip, HealthCheck, Layer4Vip, LoadBalancerAppliance, Persistence, Ports, ReverseProxyVip, ServicePack } from '../../../lib';
import { JsonSchema } from '../../../lib/spec/spec-schema';
import {
  APPLIANCE_PROPS_SCHEMA,
  FACTORY_OPTIONS_SCHEMAS,
  LAYER4_VIP_PROPS_SCHEMA,
  PROTOCOL_VIP_PROPS_SCHEMA,
  REAL_SERVER_PROPS_SCHEMA,
  REVERSE_PROXY_VIP_PROPS_SCHEMA,
} from '../../../lib/appliance/props-schemas';
import { CENTRICITY_PACS_PROPS_SCHEMA } from '../../../lib/centricity/centricity-pacs-props-schema';
import { applianceStack, validationMessages } from '../../support/stacks';

const LIB = join(__dirname, '../../../lib');
const FILES = ['spec/health-check.ts', 'spec/persistence.ts', 'appliance/appliance-target.ts', 'spec/real-server.ts', 'vips/virtual-service-props.ts', 'vips/layer4-vip.ts', 'vips/reverse-proxy-vip.ts', 'vips/protocol-vip-props.ts', 'appliance/load-balancer-appliance-props.ts', 'centricity/centricity-pacs-props.ts'];

/** Every props interface of those files: field name -> optional, inherited fields included. */
function interfaces(): Record<string, Record<string, boolean>> {
  const own: Record<string, { fields: Record<string, boolean>; bases: string[] }> = {};
  for (const file of FILES) {
    const path = join(LIB, file);
    ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2020, true).forEachChild((node) => {
      if (!ts.isInterfaceDeclaration(node)) return;
      own[node.name.text] = {
        fields: Object.fromEntries(node.members.filter(ts.isPropertySignature).map((m) => [(m.name as ts.Identifier).text, m.questionToken !== undefined])),
        bases: (node.heritageClauses ?? []).flatMap((h) => h.types.map((t) => t.expression.getText())),
      };
    });
  }
  const all = (name: string): Record<string, boolean> => ({ ...Object.assign({}, ...own[name].bases.filter((b) => own[b]).map(all)), ...own[name].fields });
  return Object.fromEntries(Object.keys(own).map((name) => [name, all(name)]));
}

const props = (schema: JsonSchema) => schema.properties as Record<string, JsonSchema>;
const SCHEMA_OF: Record<string, JsonSchema> = {
  RealServerProps: REAL_SERVER_PROPS_SCHEMA,
  Layer4VipProps: LAYER4_VIP_PROPS_SCHEMA,
  ReverseProxyVipProps: REVERSE_PROXY_VIP_PROPS_SCHEMA,
  ProtocolVipProps: PROTOCOL_VIP_PROPS_SCHEMA,
  LoadBalancerApplianceProps: APPLIANCE_PROPS_SCHEMA,
  CentricityPacsProps: CENTRICITY_PACS_PROPS_SCHEMA,
  CentricityComponent: props(CENTRICITY_PACS_PROPS_SCHEMA).das,
  CentricityDatabaseComponent: props(CENTRICITY_PACS_PROPS_SCHEMA).database,
  EnterpriseArchiveCheckOptions: props(CENTRICITY_PACS_PROPS_SCHEMA).enterpriseArchiveCheck,
  CentricityVipOverride: props(CENTRICITY_PACS_PROPS_SCHEMA).overrides.additionalProperties as JsonSchema,
  HttpCheckOptions: FACTORY_OPTIONS_SCHEMAS['HealthCheck.httpGet'],
  PortCheckOptions: FACTORY_OPTIONS_SCHEMAS['HealthCheck.connect'],
  HealthCheckTiming: FACTORY_OPTIONS_SCHEMAS['HealthCheck.ping'],
  DicomCheckOptions: FACTORY_OPTIONS_SCHEMAS['HealthCheck.dicomAssociation'],
  Hl7CheckOptions: FACTORY_OPTIONS_SCHEMAS['HealthCheck.hl7Mllp'],
  ExternalCheckOptions: FACTORY_OPTIONS_SCHEMAS['HealthCheck.external'],
  SourceIpPersistenceOptions: FACTORY_OPTIONS_SCHEMAS['Persistence.sourceIp'],
  CookiePersistenceOptions: FACTORY_OPTIONS_SCHEMAS['Persistence.httpCookie'],
  LocalHaproxyTargetOptions: FACTORY_OPTIONS_SCHEMAS['ApplianceTarget.localHaproxy'],
};

describe('the props schemas', () => {
  const found = interfaces();
  it.each(Object.keys(SCHEMA_OF))('%s: same fields, the same ones required, no other key allowed', (name) => {
    const schema = SCHEMA_OF[name];
    expect(Object.keys(props(schema)).sort()).toEqual(Object.keys(found[name]).sort());
    expect([...(schema.required as string[])].sort()).toEqual(Object.entries(found[name]).filter(([, optional]) => !optional).map(([f]) => f).sort());
    expect(schema.additionalProperties).toBe(false);
  });
});

const rips = [{ name: 'A', address: '192.0.2.21' }];
/** A Layer 4 VIP from plain JavaScript: whatever the props hold. */
const jsVip = (appliance: LoadBalancerAppliance, given: unknown) => new Layer4Vip(appliance, 'V', given as any);
const messagesOf = (given: unknown) => {
  const { stack, appliance } = applianceStack();
  jsVip(appliance, given);
  return validationMessages(stack);
};
const base = { address: '192.0.2.100', ports: Ports.single(104), realServers: rips };

describe('VIP props from plain JavaScript', () => {
  it.each([
    ['scheduler', 'wrr2', 'V: scheduler: "wrr2" is not a known scheduler. Use wrr (the nearest), or another of wlc, wrr.'],
    ['protocol', 'tpc', 'V: protocol: "tpc" is not a known protocol. Use tcp (the nearest), or another of tcp, udp.'],
    ['forwarding', 'dsr', 'V: forwarding: "dsr" is not a known forwarding. Use dr (the nearest), or another of dr, nat, snat.'],
  ])('an enum value outside the enum: %s', (field, value, message) => {
    expect(messagesOf({ ...base, [field]: value })).toEqual([message]);
  });

  it('a misspelt real-server state, proxy mode and client-address mode', () => {
    expect(messagesOf({ ...base, realServers: [{ ...rips[0], state: 'drained' }] })).toEqual([
      'V: realServers[A].state: "drained" is not a known state. Use drain (the nearest), or another of online, drain, halt.',
    ]);
    const { stack, appliance } = applianceStack();
    new ReverseProxyVip(appliance, 'W', { address: '192.0.2.110', ports: Ports.single(443), realServers: rips, proxyMode: 'htp', clientAddress: 'proxy-v3' } as any);
    expect(validationMessages(stack)).toEqual([
      'W: proxyMode: "htp" is not a known proxyMode. Use http (the nearest), or another of tcp, http.',
      'W: clientAddress: "proxy-v3" is not a known clientAddress. Use proxy-v1 (the nearest), or another of none, x-forwarded-for, proxy-v1, proxy-v2, transparent.',
    ]);
  });

  it('an unknown key, with the nearest known one; the missing field it was meant to be', () => {
    const { ports, ...rest } = base;
    expect(messagesOf({ ...rest, prots: ports })).toEqual([
      'V: ports: is missing. Give a Ports, made with Ports.single(104), Ports.list([...]), Ports.between(first, last) or Ports.allTcpExcept([...]).',
      'V: prots: is not a known key. Did you mean ports? Correct its spelling, or remove it.',
    ]);
  });

  it('a plain object where a HealthCheck is expected, null in a list, a weight as text: one message each', () => {
    expect(messagesOf({ ...base, healthCheck: { kind: 'connect' }, realServers: [null, { ...rips[0], weight: '50' }] })).toEqual([
      'V: healthCheck: a plain object is not a HealthCheck. Create it with HealthCheck.connect(), HealthCheck.httpGet({...}), HealthCheck.dicomAssociation() or another HealthCheck factory.',
      'V: realServers[0]: is null, not an object. Give an object.',
      'V: realServers[A].weight: "50" is text, not a number. Write 50 without quotes.',
    ]);
  });

  it('no props at all, or a DicomVip with a misspelt key', () => {
    expect(messagesOf(undefined)).toEqual(['V: (whole): is nothing, not an object. Give an object.']);
    const { stack, appliance } = applianceStack();
    new DicomVip(appliance, 'D', { address: '192.0.2.100', realServers: rips, tsl: true } as any);
    expect(validationMessages(stack)).toEqual(['D: tsl: is not a known key. Did you mean tls? Correct its spelling, or remove it.']);
  });

  it('methods and factories given the wrong thing report it, never throw', () => {
    const { stack, appliance } = applianceStack();
    const vip = new Layer4Vip(appliance, 'V', { ...base, ports: Ports.list(null as any) });
    vip.configureHealthCheck({ kind: 'ping' } as any);
    vip.configurePersistence(Persistence.sourceIp(null as any));
    HealthCheck.httpGet(null as any);
    HealthCheck.external(undefined as any);
    expect(validationMessages(stack)).toEqual([
      'V: persistence: is null, not an object. Give an object.',
      'V: configureHealthCheck: a plain object is not a HealthCheck. Create it with HealthCheck.connect(), HealthCheck.httpGet({...}), HealthCheck.dicomAssociation() or another HealthCheck factory.',
    ]);
  });

  it('factory options: unknown keys and wrong types, under the field the result is given to', () => {
    expect(messagesOf({ ...base, healthCheck: HealthCheck.httpGet({ pth: '/status', port: '80' } as any), persistence: Persistence.sourceIp({ timeout: 60 } as any) })).toEqual([
      'V: healthCheck.pth: is not a known key. Did you mean path? Correct its spelling, or remove it.',
      'V: healthCheck.port: "80" is text, not a number. Write 80 without quotes.',
      'V: persistence.timeout: is not a known key. Did you mean timeoutSeconds? Correct its spelling, or remove it.',
    ]);
    expect(messagesOf({ ...base, healthCheck: HealthCheck.external(undefined as any) })).toEqual(['V: healthCheck: is nothing, not an object. Give an object.']);
  });

  it('a refused app throws the messages at synth, before any Terraform value resolves, and writes no file', () => {
    const { app, appliance } = applianceStack();
    jsVip(appliance, { address: '192.0.2.100', realServers: [null], healthCheck: {} });
    let thrown = '';
    try {
      app.synth();
    } catch (e) {
      thrown = String(e);
    }
    expect(thrown).toContain('V: ports: is missing.');
    expect(thrown).toContain('V: realServers[0]: is null, not an object.');
    expect(thrown).not.toMatch(/TypeError|Cannot read|is not a function/);
    expect(existsSync(join(app.outdir, 'stacks', 'test-stack', 'pacs-lb'))).toBe(false);
  });

  it('construct ids the library uses for its own constructs are refused with the message form', () => {
    const { appliance, stack } = applianceStack();
    expect(() => new Layer4Vip(appliance, 'pacs-lb-reload', base)).toThrow(
      'pacs-lb-reload: id: the construct id pacs-lb-reload is the one the library gives its own reload resource. Give the VIP another construct id (set name to keep pacs-lb-reload as its name).',
    );
    expect(() => new LoadBalancerAppliance(stack, 'pacs-lb-null', { managementAddress: '192.0.2.6' })).toThrow('pacs-lb-null: id: the construct id pacs-lb-null is the one the library gives its own null provider.');
  });
});

describe('appliance and Centricity PACS props', () => {
  it('a subnet given as text is one message, not one per character; a misspelt key is named', () => {
    const { stack } = applianceStack();
    new LoadBalancerAppliance(stack, 'lb2', { managmentAddress: '192.0.2.6', subnets: '192.0.2.0/24' } as any);
    expect(validationMessages(stack)).toEqual([
      'lb2: managementAddress: is missing. Give it as text.',
      'lb2: managmentAddress: is not a known key. Did you mean managementAddress? Correct its spelling, or remove it.',
      'lb2: subnets: "192.0.2.0/24" is text, not a list. Give a list.',
    ]);
  });

  it('a misspelt component key is an error with the nearest key, not a silently smaller VIP set', () => {
    const { stack, appliance } = applianceStack();
    new CentricityPacs(appliance, 'Pacs', { servicePack: ServicePack.SP1, enterpriseArchve: { address: '192.0.2.100', servers: rips } } as any);
    expect(validationMessages(stack)).toEqual(['Pacs: enterpriseArchve: is not a known key. Did you mean enterpriseArchive? Correct its spelling, or remove it.']);
  });

  it('the service pack has no silent default: missing or unknown is an error with the choices', () => {
    const missing = applianceStack();
    new CentricityPacs(missing.appliance, 'Pacs', { uv: { address: '192.0.2.100', servers: rips } } as any);
    expect(validationMessages(missing.stack)).toEqual(['Pacs: servicePack: is missing. Give one of SP1, SP2.']);
    const unknown = applianceStack();
    new CentricityPacs(unknown.appliance, 'Pacs', { servicePack: 'SP3', uv: { address: '192.0.2.100', servers: rips } } as any);
    expect(validationMessages(unknown.stack)).toEqual(['Pacs: servicePack: "SP3" is not a known servicePack. Use SP1 (the nearest), or another of SP1, SP2.']);
  });
});
