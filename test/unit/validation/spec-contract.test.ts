/**
 * The spec contract: the JSON Schemas match the TypeScript interfaces field by field, and a
 * spec file that breaks them gets the library's message form from the same functions synth
 * and the `pacs-lb` CLI use.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { Layer4Vip, Ports, Scheduler } from '../../../lib';
import { synthesizedProblems } from '../../../lib/cli/commands/validate';
import { readApplianceSpec, readVirtualServiceSpec } from '../../../lib/cli/inputs';
import { runCli } from '../../../lib/cli/program';
import { APPLIANCE_SPEC_SCHEMA, JsonSchema, VIRTUAL_SERVICE_SPEC_SCHEMA } from '../../../lib/spec/spec-schema';
import { formatProblem } from '../../../lib/validation/problem';
import { synthesizedSpecProblems, virtualServiceSpecProblems } from '../../../lib/validation/spec-contract';
import { applianceStack, synthApplianceFolder, validationMessages } from '../../support/stacks';

/** Each interface of virtual-service-spec.ts and where the schemas describe it. */
const SCHEMA_OF: Record<string, JsonSchema> = {
  VirtualServiceSpec: VIRTUAL_SERVICE_SPEC_SCHEMA,
  ApplianceSpec: APPLIANCE_SPEC_SCHEMA,
  PortsSpec: prop(VIRTUAL_SERVICE_SPEC_SCHEMA, 'ports'),
  PortRangeSpec: items(prop(prop(VIRTUAL_SERVICE_SPEC_SCHEMA, 'ports'), 'ranges')),
  HealthCheckSpec: prop(VIRTUAL_SERVICE_SPEC_SCHEMA, 'healthCheck'),
  PersistenceSpec: prop(VIRTUAL_SERVICE_SPEC_SCHEMA, 'persistence'),
  RealServerSpec: items(prop(VIRTUAL_SERVICE_SPEC_SCHEMA, 'realServers')),
  ApplianceTargetSpec: prop(APPLIANCE_SPEC_SCHEMA, 'target'),
  CheckScriptsSpec: prop(APPLIANCE_SPEC_SCHEMA, 'checkScripts'),
};

function prop(schema: JsonSchema, name: string): JsonSchema {
  return (schema.properties as Record<string, JsonSchema>)[name];
}

function items(schema: JsonSchema): JsonSchema {
  return schema.items as JsonSchema;
}

/** Fields of each interface in the TypeScript source: name -> optional. */
function interfaceFields(): Record<string, Record<string, boolean>> {
  const file = join(__dirname, '../../../lib/spec/virtual-service-spec.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2020, true);
  const found: Record<string, Record<string, boolean>> = {};
  source.forEachChild((node) => {
    if (!ts.isInterfaceDeclaration(node)) return;
    found[node.name.text] = Object.fromEntries(
      node.members.filter(ts.isPropertySignature).map((m) => [(m.name as ts.Identifier).text, m.questionToken !== undefined]),
    );
  });
  return found;
}

describe('the spec schemas', () => {
  const fields = interfaceFields();

  it('describe every interface of the spec', () => {
    expect(Object.keys(fields).sort()).toEqual(Object.keys(SCHEMA_OF).sort());
  });

  it.each(Object.keys(SCHEMA_OF))('%s: same fields, the same ones required, no other key allowed', (name) => {
    const schema = SCHEMA_OF[name];
    expect(Object.keys(schema.properties as object).sort()).toEqual(Object.keys(fields[name]).sort());
    const required = Object.entries(fields[name]).filter(([, optional]) => !optional).map(([field]) => field);
    expect([...(schema.required as string[])].sort()).toEqual(required.sort());
    expect(schema.additionalProperties).toBe(false);
  });
});

/** A valid synthesized VIP and its appliance, made through the constructs. */
function synthesizedPair() {
  const { appliance } = applianceStack();
  new Layer4Vip(appliance, 'EA_Dicom', { address: '192.0.2.100', ports: Ports.single(104), realServers: [{ name: 'EA1', address: '192.0.2.21' }] });
  return { appliance: appliance.toSpec(), vip: appliance.vipSpecs()[0] };
}

describe('a spec file that breaks the schema', () => {
  const { appliance, vip } = synthesizedPair();
  const messages = (changed: unknown) => virtualServiceSpecProblems(changed, appliance).map(formatProblem);

  it('names a value outside an enum, with the nearest allowed one', () => {
    expect(messages({ ...vip, scheduler: 'wrr2' })).toEqual(['EA_Dicom: scheduler: "wrr2" is not a known scheduler. Use wrr (the nearest), or another of wlc, wrr.']);
    expect(messages({ ...vip, healthCheck: { ...vip.healthCheck, kind: 'tcp' } })).toEqual([
      'EA_Dicom: healthCheck.kind: "tcp" is not a known kind. Use one of http-get, https-get, connect, ping, dicom-association, hl7-mllp, external, none.',
    ]);
    expect(messages({ ...vip, layer: 5 })).toEqual(['EA_Dicom: layer: 5 is not a known layer. Use one of 4, 7.']);
  });

  it('names a number given as text, not as out of range', () => {
    const realServers = [{ ...vip.realServers[0], weight: '50' }];
    expect(messages({ ...vip, realServers })).toEqual(['EA_Dicom: realServers[EA1].weight: "50" is text, not a number. Write 50 without quotes.']);
  });

  it('names an unknown key with the nearest known one', () => {
    expect(messages({ ...vip, sheduler: 'wlc' })).toEqual(['EA_Dicom: sheduler: is not a known key. Did you mean scheduler? Correct its spelling, or remove it.']);
  });

  it('names a missing field and a subnet given as text once, not per character', () => {
    const { ports: _ports, ...withoutPorts } = vip;
    expect(messages(withoutPorts)).toEqual(['EA_Dicom: ports: is missing. Give it as an object.']);
    const problems = synthesizedSpecProblems({ ...appliance, subnets: '192.0.2.0/24' }, [vip]).map(formatProblem);
    expect(problems).toEqual(['lb1: subnets: "192.0.2.0/24" is text, not a list. Give a list.']);
  });

  it('answers null, a list and text with one message, never a TypeError', () => {
    expect(messages(null)).toEqual(['(unnamed VIP): (whole): is null, not an object. Give an object.']);
    expect(messages([])).toEqual(['(unnamed VIP): (whole): is a list, not an object. Give an object.']);
    expect(synthesizedSpecProblems(null, [null, 'x']).map(formatProblem)).toHaveLength(3);
  });
});

describe('synth and the CLI give the same message for the same fault', () => {
  it('a misspelt scheduler: refused at synth, by pacs-lb validate and by pacs-lb apply', () => {
    const { stack, appliance } = applianceStack();
    new Layer4Vip(appliance, 'EA_Dicom', { address: '192.0.2.100', ports: Ports.single(104), scheduler: 'wrr2' as Scheduler, realServers: [{ name: 'EA1', address: '192.0.2.21' }] });
    const expected = 'EA_Dicom: scheduler: "wrr2" is not a known scheduler. Use wrr (the nearest), or another of wlc, wrr.';
    expect(validationMessages(stack)).toEqual([expected]);

    const { appliance: applianceSpec, vip } = synthesizedPair();
    const file = { ...vip, scheduler: 'wrr2' };
    expect(synthesizedProblems({ folder: '/x', appliance: applianceSpec, vips: [file] })).toEqual([expected]);
    const env = { PACS_LB_APPLIANCE: JSON.stringify(applianceSpec), PACS_LB_SPEC: JSON.stringify(file) };
    const readAppliance = readApplianceSpec(undefined, env);
    expect(() => readVirtualServiceSpec(undefined, env, readAppliance)).toThrow(expected);
  });
});

describe('every pacs-lb command that reads a synthesized folder refuses a spec file synth would refuse', () => {
  it.each([['validate'], ['diff'], ['report']])('pacs-lb %s', async (command) => {
    const { app, appliance } = applianceStack();
    new Layer4Vip(appliance, 'EA_Dicom', { address: '192.0.2.100', ports: Ports.single(104), realServers: [{ name: 'EA1', address: '192.0.2.21' }] });
    const folder = synthApplianceFolder(app, 'test-stack', 'lb1');
    const file = join(folder, 'vips', 'EA_Dicom.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), scheduler: 'wrr2' }));
    let stderr = '';
    const code = await runCli([command, folder], {}, { stdout: () => undefined, stderr: (t) => (stderr += t) });
    expect(code).not.toBe(0);
    expect(stderr).toContain('EA_Dicom: scheduler: "wrr2" is not a known scheduler. Use wrr (the nearest), or another of wlc, wrr.');
  });
});
