import * as fs from 'fs';
import * as path from 'path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CentricityPacsSiteStack } from '../../../examples/centricity-pacs/site';
import { ApplianceDouble } from '../../support/appliance-double';
import { awkwardTempDir, cliEnvironment, compileCli, expectedConfig, readSpecs, runInProcess, startDouble, synthesize } from './harness';
import { TerraformLike } from './terraform-like';
import { buildTestSite, TestSiteOptions } from './test-site';

// The "Done when" list, run the way Terraform runs the provisioners (same argv and
// environment, from the stack folder, 10 at a time) against the appliance contract double.

let cli: string[];
beforeAll(() => {
  cli = compileCli();
});

const byName = (a: { vip?: unknown }, b: { vip?: unknown }) => String(a.vip).localeCompare(String(b.vip));

describe('the example on an empty appliance', () => {
  let double: ApplianceDouble;
  let env: Record<string, string>;
  let stack: string;
  let site: CentricityPacsSiteStack;

  beforeAll(async () => {
    double = await startDouble(5);
    env = { ...(process.env as Record<string, string>), ...cliEnvironment(double, awkwardTempDir('pacs-lb-state'), { PACS_LB_CONNECT_TO: `127.0.0.1:${double.port}` }) };
    stack = synthesize(cli, (app) => {
      site = new CentricityPacsSiteStack(app, 'centricity-pacs');
      return 'centricity-pacs';
    });
  });
  afterAll(() => double.stop());

  it('deploys exactly the reference VIP set, one command at a time, and destroys to empty', async () => {
    const terraform = new TerraformLike(env, 10);
    await terraform.apply(stack);

    const specs = readSpecs(stack, 'lb-pacs');
    expect(specs.map((s) => s.name).sort()).toEqual(site.pacs.virtualServices.map((v) => v.name).sort());
    expect(specs).toHaveLength(19);
    expect(double.dumpConfig().vips.sort(byName)).toEqual((expectedConfig(specs) as { vip: string }[]).sort(byName));
    // Terraform ran up to 10 provisioners at once; the appliance never saw two requests at once.
    expect(terraform.runs.filter((r) => r.argv.includes('apply'))).toHaveLength(19);
    expect(double.peakConcurrency).toBe(1);
    // The example has VIPs at both layers: each service is reloaded once, at the end.
    expect(double.writes().filter((c) => c.action.startsWith('reload-')).map((c) => c.action)).toEqual(['reload-ldirectord', 'reload-haproxy']);
    expect(double.writes().slice(-2).map((c) => c.action)).toEqual(['reload-ldirectord', 'reload-haproxy']);

    // No change: Terraform replaces nothing, and apply run again by hand for every VIP writes nothing.
    double.clearRecords();
    const before = terraform.runs.length;
    await terraform.apply(stack);
    expect(terraform.runs.length).toBe(before);
    for (const spec of specs) {
      const run = await runInProcess(['apply', spec.name, '--spec-file', path.join(stack, 'pacs-lb', 'lb-pacs', 'vips', `${spec.name}.json`), '--appliance-file', path.join(stack, 'pacs-lb', 'lb-pacs', 'appliance.json')], env);
      expect(run.code, run.stderr).toBe(0);
    }
    expect(double.requests).toHaveLength(19);
    expect(double.writes()).toEqual([]);

    await terraform.destroy(stack);
    expect(double.dumpConfig().vips).toEqual([]);
    expect(terraform.state.size).toBe(0);
  });
});

describe('changes to the test site', () => {
  let double: ApplianceDouble;
  let env: Record<string, string>;
  let terraform: TerraformLike;

  const deploy = async (options: Omit<TestSiteOptions, 'apiPort'>) => {
    const stack = synthesize(cli, (app) => buildTestSite(app, { apiPort: double.port, ...options }));
    double.clearRecords();
    await terraform.apply(stack);
    return double.writes().map((c) => [c.action, c.vip, c.rip].filter(Boolean).join(' '));
  };

  beforeAll(async () => {
    double = await startDouble();
    env = { ...(process.env as Record<string, string>), ...cliEnvironment(double, awkwardTempDir('pacs-lb-state')) };
  });
  afterAll(() => double.stop());
  beforeEach(async () => {
    terraform = new TerraformLike(env);
    double.vips.clear();
    await deploy({});
  });

  it('a Layer 4 weight change sends only that real server\'s edit and reload-ldirectord', async () => {
    expect(await deploy({ dicomWeight: 50 })).toEqual(['edit-rip Test_Dicom EA1', 'reload-ldirectord']);
    expect(double.writes()[0].weight).toBe('50');
  });

  it('a change to both layers sends each layer\'s reload once', async () => {
    expect((await deploy({ dicomWeight: 60, webWeight: 60, hl7Port: 2577 })).sort()).toEqual(['edit-rip Test_Dicom EA1', 'edit-rip Test_Web WEB1', 'edit-vip Test_HL7', 'reload-haproxy', 'reload-ldirectord'].sort());
    expect(double.writes().slice(-2).map((c) => c.action)).toEqual(['reload-ldirectord', 'reload-haproxy']);
  });

  it('a Layer 7 weight change sends only that real server\'s edit and reload-haproxy', async () => {
    expect(await deploy({ webWeight: 50 })).toEqual(['edit-rip Test_Web WEB1', 'reload-haproxy']);
    expect(double.writes()[0].weight).toBe('50');
    expect(double.dumpConfig().vips.find((v) => v.vip === 'Test_Web')).toMatchObject({ rips: [{ rip: 'WEB1', weight: '50' }, { rip: 'WEB2', weight: '100' }] });
  });

  it('a health-check change edits the VIP in place, never deleting it', async () => {
    expect(await deploy({ webCheckPath: '/health' })).toEqual(['edit-vip Test_Web', 'reload-haproxy']);
    expect(double.writes()[0]).toMatchObject({ check_type: 'negotiate_http', check_request: '/health' });
  });

  it('a port change edits the VIP in place, never deleting it', async () => {
    expect(await deploy({ hl7Port: 2576 })).toEqual(['edit-vip Test_HL7', 'reload-ldirectord']);
    expect(double.dumpConfig().vips.find((v) => v.vip === 'Test_HL7')).toMatchObject({ ports: '2576' });
  });

  it('removing a real server deletes only it', async () => {
    expect(await deploy({ withoutSecondWebServer: true })).toEqual(['delete-rip Test_Web WEB2', 'reload-haproxy']);
  });

  it('removing a VIP from the app deletes only that VIP and reloads its layer (its resource block is gone, so prune does it)', async () => {
    expect(await deploy({ withoutHl7: true })).toEqual(['delete-vip Test_HL7', 'reload-ldirectord']);
    expect(double.dumpConfig().vips.map((v) => v.vip).sort()).toEqual(['Test_Dicom', 'Test_Web']);
  });

  it('prune leaves VIPs the app never provisioned alone', async () => {
    double.vips.set('Manual_VIP', { parameters: { vip: 'Manual_VIP', layer: '4' }, realServers: new Map() });
    expect(await deploy({ withoutHl7: true })).toEqual(['delete-vip Test_HL7', 'reload-ldirectord']);
    expect(double.dumpConfig().vips.map((v) => v.vip)).toContain('Manual_VIP');
  });

  it('appliance down mid-deploy: the deploy fails; once it is back, deploying again converges', async () => {
    const uninterrupted = double.dumpConfig().vips.sort(byName);
    double.vips.clear();
    terraform = new TerraformLike(env);
    await double.down();
    const stack = synthesize(cli, (app) => buildTestSite(app, { apiPort: double.port }));
    await expect(terraform.apply(stack)).rejects.toThrow(/provisioner exited 5: .*connection refused .*\(ECONNREFUSED\), after 3 tries/s);
    await double.up();
    await terraform.apply(stack);
    expect(double.dumpConfig().vips.sort(byName)).toEqual(uninterrupted);
  });

  it('a description change re-runs apply, which writes nothing, and needs no reload', async () => {
    const before = terraform.runs.length;
    expect(await deploy({ dicomDescription: 'DICOM ${not} %{interpolated} \'quoted\' "text"' })).toEqual([]);
    expect(terraform.runs.slice(before).map((r) => r.argv.slice(2).join(' '))).toEqual(['apply Test_Dicom']);
  });
});

describe('deletes follow the appliance', () => {
  it('after a management-address change, a removed VIP and a destroy are deleted at the new address, never the old', async () => {
    const before = await startDouble();
    const after = await startDouble();
    try {
      const env = { ...(process.env as Record<string, string>), ...cliEnvironment(before, awkwardTempDir('pacs-lb-state')) };
      // Each double has its own self-signed certificate: trust both.
      const caFile = path.join(awkwardTempDir('pacs-lb-ca'), 'both.pem');
      fs.writeFileSync(caFile, fs.readFileSync(before.caFile, 'utf8') + fs.readFileSync(after.caFile, 'utf8'));
      env.PACS_LB_CA_FILE = caFile;
      const terraform = new TerraformLike(env);
      await terraform.apply(synthesize(cli, (app) => buildTestSite(app, { apiPort: before.port })));
      // The appliance moves: same configuration, new management address (here: port).
      for (const [name, vip] of before.vips) after.vips.set(name, structuredClone(vip));
      before.clearRecords();

      await terraform.apply(synthesize(cli, (app) => buildTestSite(app, { apiPort: after.port, withoutHl7: true })));
      expect(after.writes().map((c) => [c.action, c.vip].join(' '))).toEqual(expect.arrayContaining(['delete-vip Test_HL7']));
      expect(after.dumpConfig().vips.map((v) => v.vip).sort()).toEqual(['Test_Dicom', 'Test_Web']);

      await terraform.destroy(synthesize(cli, (app) => buildTestSite(app, { apiPort: after.port, withoutHl7: true })));
      expect(after.dumpConfig().vips).toEqual([]);
      expect(before.requests).toEqual([]);
    } finally {
      await before.stop();
      await after.stop();
    }
  });
});

