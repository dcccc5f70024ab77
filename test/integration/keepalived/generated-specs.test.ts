/**
 * Property test: a few hundred generated valid Layer 4 sites (see layer4-arbitrary.ts), each
 * rendered and handed to the tools themselves: `keepalived -t` (both nodes of an HA pair),
 * `nft -c`, and `sh -n` on every Linux real-server script. The seed is printed on failure;
 * set PACS_LB_SEED to replay a run.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderKeepalivedConf as renderResolvedKeepalived } from '../../../lib/render/keepalived/keepalived-conf';
import { renderNftablesRules as renderResolvedNftables } from '../../../lib/render/nftables/nftables-rules';
import { realServerFiles } from '../../../lib/render/real-server/real-server-files';
import { buildSite, sitePlan } from './layer4-arbitrary';
import { keepalivedConfigTests, nftChecks, shellSyntaxChecks, ToolResult } from './tool-checks';
import { resolveVirtualService } from '../../../lib/spec/resolved-virtual-service';
import { ApplianceSpec as ResolverApplianceSpec, VirtualServiceSpec as ResolverVipSpec } from '../../../lib/spec/virtual-service-spec';

/** The renderer as the callers use it: each spec resolved first. */
const renderKeepalivedConf = (appliance: ResolverApplianceSpec, vips: ResolverVipSpec[]) => renderResolvedKeepalived(appliance, vips.map(resolveVirtualService));
/** The renderer as the callers use it: each spec resolved first. */
const renderNftablesRules = (appliance: ResolverApplianceSpec, vips: ResolverVipSpec[]) => renderResolvedNftables(appliance, vips.map(resolveVirtualService));

const RUNS = 300;
const seed = Number(process.env.PACS_LB_SEED ?? Date.now() % 2 ** 31);
const sites = fc.sample(sitePlan, { numRuns: RUNS, seed }).map(buildSite);

/** The first input a tool did not accept (any output, or a non-zero status), with what the tool said, for the failure message. */
function firstRefusal(inputs: string[], results: ToolResult[]): string | undefined {
  const i = results.findIndex((r) => r.output !== '' || r.status !== 0);
  return i < 0 ? undefined : `seed ${seed}, input ${i}: status ${results[i].status}\n${results[i].output}\n${inputs[i]}`;
}

describe(`${RUNS} generated Layer 4 sites (seed ${seed})`, () => {
  it('are all valid, so they are what a renderer can receive', () => {
    expect(sites.filter((s) => s.problems.length > 0).map((s) => s.problems)).toEqual([]);
  });

  it('keepalived -t accepts every keepalived.conf, on the primary and on the secondary', () => {
    const confs = sites.map((s) => renderKeepalivedConf(s.appliance, s.vips));
    expect(firstRefusal(confs, keepalivedConfigTests(confs, 'primary'))).toBeUndefined();
    const pairs = confs.filter((_, i) => sites[i].appliance.managementAddresses.length > 1);
    expect(pairs.length).toBeGreaterThan(0);
    expect(firstRefusal(pairs, keepalivedConfigTests(pairs, 'secondary'))).toBeUndefined();
  });

  it('nft -c accepts every nftables.nft', () => {
    const rulesets = sites.map((s) => renderNftablesRules(s.appliance, s.vips));
    expect(firstRefusal(rulesets, nftChecks(rulesets))).toBeUndefined();
  });

  it('sh -n accepts every Linux real-server script', () => {
    const scripts = sites.flatMap((s) => realServerFiles(s.appliance, s.vips.map(resolveVirtualService))).filter((f) => f.path.endsWith('-linux.sh')).map((f) => f.content);
    expect(scripts.length).toBeGreaterThan(0);
    expect(firstRefusal(scripts, shellSyntaxChecks(scripts, 'sh'))).toBeUndefined();
  });

  it('rendering is deterministic: the same specs give byte-identical files', () => {
    for (const s of sites.slice(0, 50)) {
      const copy = JSON.parse(JSON.stringify(s));
      expect(renderKeepalivedConf(copy.appliance, copy.vips)).toBe(renderKeepalivedConf(s.appliance, s.vips));
      expect(renderNftablesRules(copy.appliance, copy.vips)).toBe(renderNftablesRules(s.appliance, s.vips));
    }
  });
});
