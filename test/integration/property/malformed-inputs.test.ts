/**
 * Property test over random, often malformed input from plain JavaScript (malformed-inputs.mjs):
 * construct props synthesized with cdktf, and spec files read by `pacs-lb validate` and
 * `pacs-lb apply`. Every outcome is either a successful synth whose files the real tools accept,
 * or an error whose every line is `<VIP>: <field>: <what is wrong>. <what to do>.`: never a
 * TypeError, never a stack trace, never a file written for a refused app; and a spec file the
 * contract accepts never makes a renderer throw.
 *
 * The seed is printed; PACS_LB_SEED replays a run, PACS_LB_MALFORMED_INPUTS changes the count
 * (half props, half spec files).
 */
import * as fc from 'fast-check';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HealthCheck, Layer4Vip, Ports, ReverseProxyVip } from '../../../lib';
import { synthesizedProblems } from '../../../lib/cli/commands/validate';
import { CliError } from '../../../lib/contract/exit-codes';
import { readApplianceSpec, readVirtualServiceSpec } from '../../../lib/cli/inputs';
import { renderApplianceFiles } from '../../../lib/synth/appliance-renderers';
import { applianceStack } from '../../support/stacks';
import { haproxyConfigChecks, keepalivedConfigTests, nftChecks, ToolResult } from '../keepalived/tool-checks';
// @ts-ignore: plain JavaScript, as a JavaScript user writes it
import { buildPropsApp, mutate, propsInput, specMutation } from './malformed-inputs.mjs';

const INPUTS = Number(process.env.PACS_LB_MALFORMED_INPUTS ?? 2000);
const seed = Number(process.env.PACS_LB_SEED ?? Date.now() % 2 ** 31);
console.log(`malformed-inputs property test: ${INPUTS} inputs, seed ${seed} (replay with PACS_LB_SEED=${seed})`);

/** One problem in the library's form, on one line. */
const MESSAGE = /^[^\n]+?: [^\n]+?: [^\n]+\. [^\n]+\.$/;
/** What must never reach a user. */
const RAW = /TypeError|RangeError|ReferenceError|Cannot read prop|is not a function|is not iterable|\n\s+at /;

const root = mkdtempSync(join(tmpdir(), 'pacs-lb-malformed-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Files of accepted inputs, for the tools. */
const accepted = { haproxy: [] as string[], keepalived: [] as string[], pairs: [] as string[], nft: [] as string[] };

function keep(files: { path: string; content: string }[], pair: boolean): void {
  for (const file of files) {
    if (file.path === 'haproxy.cfg') accepted.haproxy.push(file.content);
    if (file.path === 'nftables.nft') accepted.nft.push(file.content);
    if (file.path === 'keepalived.conf') (pair ? accepted.pairs : accepted.keepalived).push(file.content);
  }
}

/** The problems of an error message: the lines cdktf prefixes with a construct path, or every line of ours. */
function problemLines(error: unknown): string[] {
  expect(error).toBeInstanceOf(Error);
  const message = (error as Error).message;
  expect(message).not.toMatch(RAW);
  const prefixed = [...message.matchAll(/^\s*\[[^\]\n]*\] (.*)$/gm)].map((m) => m[1]);
  return prefixed.length > 0 ? prefixed : message.split('\n');
}

function readTreeFiles(folder: string, relative = ''): { path: string; content: string }[] {
  return readdirSync(join(folder, relative)).flatMap((name: string) => {
    const path = relative ? `${relative}/${name}` : name;
    return statSync(join(folder, path)).isDirectory() ? readTreeFiles(folder, path) : [{ path, content: readFileSync(join(folder, path), 'utf8') }];
  });
}

const outcomes = { synthesized: 0, refused: 0, specAccepted: 0, specRefused: 0 };

describe(`${INPUTS} malformed inputs from plain JavaScript (seed ${seed})`, () => {
  it('construct props: a synth, or errors in the message form, never a file for a refused app', () => {
    fc.sample(propsInput, { numRuns: INPUTS / 2, seed }).forEach((input: any, n: number) => {
      const outdir = join(root, `props-${n}`);
      let app: any;
      try {
        app = buildPropsApp(input, outdir);
        app.synth();
      } catch (error) {
        outcomes.refused++;
        const lines = problemLines(error);
        expect(lines.length, `seed ${seed}, input ${n}`).toBeGreaterThan(0);
        for (const line of lines) expect(line, `seed ${seed}, input ${n}: ${JSON.stringify(input)}`).toMatch(MESSAGE);
        expect(existsSync(join(outdir, 'stacks', 'prop', 'pacs-lb')), `seed ${seed}, input ${n}`).toBe(false);
        return;
      }
      outcomes.synthesized++;
      input.forEach((entry: any, a: number) => {
        const folder = join(outdir, 'stacks', 'prop', 'pacs-lb');
        const names = existsSync(folder) ? readdirSync(folder) : [];
        expect(names.length).toBeGreaterThan(a);
        keep(readTreeFiles(join(folder, names[a])), entry.props.peerManagementAddress !== undefined);
      });
      rmSync(outdir, { recursive: true, force: true });
    });
    expect(outcomes.refused).toBeGreaterThan(INPUTS / 10);
    expect(outcomes.synthesized).toBeGreaterThan(0);
  }, 600_000);

  it('spec files: pacs-lb validate and apply accept them (and the renderers then run), or refuse them with the same messages', () => {
    const { appliance } = applianceStack({ peerManagementAddress: '192.0.2.6' });
    new Layer4Vip(appliance, 'EA_Dicom', { address: '192.0.2.100', ports: Ports.list([104, 4100]), healthCheck: HealthCheck.dicomAssociation({ port: 104 }), realServers: [{ name: 'EA1', address: '192.0.2.21' }, { name: 'EA2', address: '192.0.2.22', weight: 0 }] });
    new ReverseProxyVip(appliance, 'Web', { address: '192.0.2.110', ports: Ports.single(443), realServers: [{ name: 'W1', address: '198.51.100.1', port: 8443 }] });
    const applianceSpec = appliance.toSpec();
    const vips = appliance.vipSpecs();
    fc.sample(specMutation, { numRuns: INPUTS / 2, seed }).forEach((mutation: any, n: number) => {
      const which = n % vips.length;
      // Spec files are JSON: what the mutation put in goes through JSON as a file's content does.
      const asFile = (value: unknown) => JSON.parse(JSON.stringify(value));
      const changedAppliance = asFile(mutation.target === 'appliance' ? mutate(applianceSpec, mutation) : applianceSpec);
      const changedVips = vips.map((vip, i) => asFile(mutation.target === 'vip' && i === which ? mutate(vip, mutation) : vip));
      const found = { folder: '/x', appliance: changedAppliance, vips: changedVips };
      const validateMessages = synthesizedProblems(found);
      for (const line of validateMessages) expect(line, `seed ${seed}, spec input ${n}`).toMatch(MESSAGE);
      const env = { PACS_LB_APPLIANCE: JSON.stringify(changedAppliance), PACS_LB_SPEC: JSON.stringify(changedVips[which]) };
      let applyMessages: string[] = [];
      try {
        readVirtualServiceSpec(undefined, env, readApplianceSpec(undefined, env));
      } catch (error) {
        expect(error, `seed ${seed}, spec input ${n}`).toBeInstanceOf(CliError);
        applyMessages = problemLines(error);
      }
      // apply reads one VIP: each of its messages is one validate gives too (validate also checks across VIPs).
      for (const line of applyMessages.filter((l) => MESSAGE.test(l))) expect(validateMessages, `seed ${seed}, spec input ${n}`).toContain(line);
      if (validateMessages.length === 0) {
        outcomes.specAccepted++;
        keep(renderApplianceFiles(changedAppliance, changedVips), changedAppliance.managementAddresses.length > 1);
      } else {
        outcomes.specRefused++;
      }
    });
    expect(outcomes.specRefused).toBeGreaterThan(INPUTS / 10);
    expect(outcomes.specAccepted).toBeGreaterThan(0);
  }, 600_000);

  it('the tools accept every file of every accepted input', () => {
    console.log(`outcomes: ${JSON.stringify(outcomes)}; files: ${accepted.haproxy.length} haproxy.cfg, ${accepted.keepalived.length + accepted.pairs.length} keepalived.conf, ${accepted.nft.length} nftables.nft`);
    const refused = (results: ToolResult[], inputs: string[]) => {
      const i = results.findIndex((r) => r.output.trim() !== '' || r.status !== 0);
      return i < 0 ? undefined : `seed ${seed}: ${results[i].output}\n${inputs[i]}`;
    };
    expect(refused(haproxyConfigChecks(accepted.haproxy), accepted.haproxy)).toBeUndefined();
    expect(refused(keepalivedConfigTests(accepted.keepalived, 'primary'), accepted.keepalived)).toBeUndefined();
    expect(refused(keepalivedConfigTests(accepted.pairs, 'primary'), accepted.pairs)).toBeUndefined();
    expect(refused(keepalivedConfigTests(accepted.pairs, 'secondary'), accepted.pairs)).toBeUndefined();
    expect(refused(nftChecks(accepted.nft), accepted.nft)).toBeUndefined();
  }, 300_000);
});
