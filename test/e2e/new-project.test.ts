/**
 * A team's own repository, set up exactly as README.md's "Add it to your own repo" says: the
 * library packed with `npm pack` (which builds it first), examples/new-project/ copied outside
 * this repository (so nothing resolves to this checkout's node_modules), the README's commands
 * run there verbatim (only the tarball's path is this run's): install from the tarball and the
 * registry (npm's cache first), synth, the project's own vitest test, then deploy to the local
 * HAProxy target with each engine present, a C-ECHO (dcmtk echoscu) through the VIP to storescp
 * archives, and destroy.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalHaproxyTarget } from '../../lib/targets/local-haproxy/local-haproxy-target';
import { echoscu, startStorescp, stopAllPeers } from '../support/dicom-peers';
import { availableEngines, Engine, engineEnv, RunResult, runWithEngine, succeeded } from '../support/engine';
import { freePort } from '../support/free-port';
import { waitForServer } from '../support/live-haproxy';

const ROOT = join(__dirname, '..', '..');
/** The tarball path as the README writes it; the test puts its own in its place. */
const README_TARBALL = '../cdktf-pacs-lb/cdktf-pacs-lb-0.1.0.tgz';

/** The shell lines of the README's "Add it to your own repo" steps, between its two markers. */
function readmeSteps(readme: string): { pack: string[]; project: string[] } {
  const section = /<!-- add-to-your-repo:begin -->([\s\S]*?)<!-- add-to-your-repo:end -->/.exec(readme);
  if (!section) throw new Error('README.md: no <!-- add-to-your-repo:begin/end --> markers around the steps.');
  const blocks = [...section[1].matchAll(/```sh\n([\s\S]*?)```/g)].map((m) =>
    m[1].split('\n').map((line) => line.replace(/\s+#.*$/, '').trim()).filter((line) => line && !line.startsWith('#')),
  );
  if (blocks.length !== 2) throw new Error(`README.md: expected two sh blocks in the steps, found ${blocks.length}.`);
  return { pack: blocks[0], project: blocks[1] };
}

/** The environment of a shell in the copied project: PATH without this checkout's node_modules/.bin. */
function projectEnv(engine: Engine, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = engineEnv(engine, { CI: 'true', npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', ...extra });
  env.PATH = (env.PATH ?? '').split(delimiter).filter((dir) => !dir.startsWith(join(ROOT, 'node_modules'))).join(delimiter);
  for (const name of Object.keys(env)) if (name.startsWith('npm_package_') || name === 'npm_lifecycle_event' || name === 'INIT_CWD') delete env[name];
  return env;
}

function shell(engine: Engine, line: string, dir: string, extra: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return succeeded(line, runWithEngine(engine, 'bash', ['-c', line], dir, projectEnv(engine, extra)));
}

const engines = availableEngines();
const steps = readmeSteps(fs.readFileSync(join(ROOT, 'README.md'), 'utf8'));

describe('examples/new-project set up and deployed with the README steps', () => {
  const work = fs.mkdtempSync(join(tmpdir(), 'pacs-lb-new-project-'));
  const project = join(work, 'your-iac-repo');
  const install = steps.project.filter((line) => line.startsWith('npm install'));
  const [synth, vitest, deploy, destroy] = steps.project.slice(install.length);

  beforeAll(async () => {
    expect(steps.pack).toEqual(['npm ci && npm pack']);
    // npm pack runs `prepare` (the jsii build) first; its output goes to the same stream as the file name.
    execFileSync('npm', ['pack', '--pack-destination', work], { cwd: ROOT, stdio: 'ignore', timeout: 10 * 60_000 });
    const { version } = JSON.parse(fs.readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const tarball = join(work, `cdktf-pacs-lb-${version}.tgz`);
    fs.cpSync(join(ROOT, 'examples', 'new-project'), project, { recursive: true, filter: (src) => !/node_modules|cdktf\.out|\.terraform|tfstate/.test(src) });
    for (const line of install) await shell(engines[0], line.replace(README_TARBALL, tarball), project);
  }, 15 * 60_000);
  afterAll(async () => {
    await stopAllPeers();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('the README names the steps this test runs, in order', () => {
    expect(install.length).toBe(2);
    expect(install[0]).toContain(README_TARBALL);
    expect([synth, vitest, deploy, destroy]).toEqual(['npx cdktf synth', 'npx vitest run', 'npx cdktf deploy --auto-approve --skip-provider-lock', 'npx cdktf destroy --auto-approve --skip-provider-lock']);
  });

  it('installs the library from the tarball, with its CLI, and synthesizes; the project\'s own test passes', async () => {
    const manifest = JSON.parse(fs.readFileSync(join(project, 'node_modules', 'cdktf-pacs-lb', 'package.json'), 'utf8'));
    expect(manifest.version).toBe('0.1.0');
    expect(fs.existsSync(join(project, 'node_modules', 'cdktf-pacs-lb', 'lib', 'index.js'))).toBe(true);
    expect(fs.realpathSync(join(project, 'node_modules', '.bin', 'pacs-lb'))).toBe(join(project, 'node_modules', 'cdktf-pacs-lb', 'lib', 'cli', 'main.js'));

    await shell(engines[0], synth, project);
    const spec = JSON.parse(fs.readFileSync(join(project, 'cdktf.out', 'stacks', 'site', 'pacs-lb', 'lb-local', 'vips', 'Archive_Dicom.json'), 'utf8'));
    expect(spec.realServers.map((r: { name: string }) => r.name)).toEqual(['EA1', 'EA2']);

    const test = await shell(engines[0], vitest, project);
    expect(test.stdout).toMatch(/Tests\s+1 passed/);
  }, 5 * 60_000);

  describe.each(engines)('with $label', (engine) => {
    it('deploys to the local HAProxy target with no credentials, passes a C-ECHO through the VIP, and destroys: no process, sockets or specs left', async () => {
      const folder = fs.mkdtempSync('/tmp/plb-np-');
      const haproxy = new LocalHaproxyTarget({ folder });
      const archives = [await startStorescp(), await startStorescp()];
      const vipPort = await freePort();
      // No appliance credentials: the local target needs none.
      const site = {
        SITE_LB_FOLDER: folder,
        SITE_VIP_PORT: String(vipPort),
        SITE_ARCHIVE_PORTS: archives.map((a) => a.port).join(','),
        PACS_LB_API_KEY: undefined,
        PACS_LB_USERNAME: undefined,
        PACS_LB_PASSWORD: undefined,
      };
      try {
        await shell(engine, deploy, project, site);
        const running = await haproxy.status();
        expect(running.running).toBe(true);
        expect(running.servers.map((s) => `${s.vip}/${s.server}`)).toEqual(['Archive_Dicom/EA1', 'Archive_Dicom/EA2']);
        await waitForServer(haproxy, 'Archive_Dicom', 'EA1', 'UP');
        await waitForServer(haproxy, 'Archive_Dicom', 'EA2', 'UP');
        const echo = await echoscu('127.0.0.1', vipPort);
        expect(echo.status, echo.output).toBe(0);

        await shell(engine, destroy, project, site);
        expect((await haproxy.status()).running).toBe(false);
        expect(fs.existsSync(`/proc/${running.masterPid}`)).toBe(false);
        for (const file of ['master.sock', 'admin.sock', 'haproxy.pid']) expect(fs.existsSync(join(folder, file))).toBe(false);
        expect(fs.readdirSync(join(folder, 'vips'))).toEqual([]);
        expect(JSON.parse(fs.readFileSync(join(project, 'terraform.site.tfstate'), 'utf8')).resources).toEqual([]);
      } finally {
        await haproxy.stop();
        fs.rmSync(folder, { recursive: true, force: true });
        await Promise.all(archives.map((a) => a.stop()));
      }
    }, 10 * 60_000);
  });
});
