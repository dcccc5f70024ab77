/**
 * `pacs-lb roll` on the local HAProxy target, under continuous DICOM load: C-ECHO loops and
 * long C-STORE transfers through two VIPs on the same three archives while the archives are
 * rolled one at a time in both VIPs (drain, wait for their sessions, a user command, health,
 * online), then a deploy changes one VIP. No association fails and no transfer is cut; the capacity floor, a failing command (stop, then resume) and --dry-run
 * are checked against the same real HAProxy.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplianceTarget, DicomVip, ForwardingMethod, HealthCheck, LoadBalancerAppliance, Ports, VirtualServiceSpec } from '../../../lib';
import { LocalHaproxyTarget } from '../../../lib/targets/local-haproxy/local-haproxy-target';
import { echoscu, repeatClient, startStorescp, stopAllPeers, Storescp, storescu, writeDicomFile } from '../../support/dicom-peers';
import { freePort } from '../../support/free-port';
import { waitForServer } from '../../support/live-haproxy';
import { applianceStack } from '../../support/stacks';
import { runInProcess } from '../cli/harness';

const VIP = 'Rolled_Dicom';
/** A second VIP on the same three archives, as a preset component's VIPs share its servers. */
const OTHER = 'Rolled_Echo';
/** Each archive sleeps this long after a C-STORE: a study of three images lasts about 3 s. */
const STORE_SECONDS = 1;

describe('live: pacs-lb roll of a three-archive pool under DICOM load', () => {
  let folder: string;
  let images: string[];
  let archives: Storescp[];
  let vipPort: number;
  let otherPort: number;
  let env: Record<string, string>;
  let specFiles: Record<string, string>;
  let otherSpec: VirtualServiceSpec;
  const haproxy = () => new LocalHaproxyTarget({ folder });

  beforeAll(async () => {
    folder = fs.mkdtempSync('/tmp/plb-roll-');
    const imageFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'roll-images-'));
    images = [1, 2, 3].map((i) => path.join(imageFolder, `image-${i}.dcm`));
    images.forEach((file, i) => writeDicomFile(file, 2, i + 1));
    archives = [await startStorescp({ sleepAfterStore: STORE_SECONDS }), await startStorescp({ sleepAfterStore: STORE_SECONDS }), await startStorescp({ sleepAfterStore: STORE_SECONDS })];
    vipPort = await freePort();
    otherPort = await freePort();
    const { appliance } = applianceStack({ managementAddress: '127.0.0.1', subnets: ['127.0.0.0/8'], target: ApplianceTarget.localHaproxy({ folder }) });
    const vipOn = (id: string, name: string, port: number) =>
      new DicomVip(appliance as LoadBalancerAppliance, id, {
        name,
        address: '127.0.0.1',
        ports: Ports.single(port),
        forwarding: ForwardingMethod.NAT,
        healthCheck: HealthCheck.dicomAssociation({ calledAeTitle: 'ARCHIVE' }),
        realServers: archives.map((a, i) => ({ name: `EA${i + 1}`, address: '127.0.0.1', port: a.port })),
      }).toSpec();
    const specs = [vipOn('dicom', VIP, vipPort), vipOn('echo', OTHER, otherPort)];
    otherSpec = specs[1];
    const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roll-state-'));
    specFiles = Object.fromEntries(specs.map((spec) => [spec.name, path.join(stateDir, `${spec.name}.json`)]));
    specs.forEach((spec) => fs.writeFileSync(specFiles[spec.name], JSON.stringify(spec)));
    env = { PACS_LB_APPLIANCE: JSON.stringify(appliance.toSpec()), PACS_LB_STATE_DIR: stateDir };
    for (const args of [['apply', '--spec-file', specFiles[VIP]], ['apply', '--spec-file', specFiles[OTHER]], ['reload', 'lb1']]) expect((await runInProcess(args, env)).code).toBe(0);
    for (const vip of [VIP, OTHER]) for (const name of ['EA1', 'EA2', 'EA3']) await waitForServer(haproxy(), vip, name, 'UP');
  });

  afterAll(async () => {
    await haproxy().stop();
    await stopAllPeers();
    fs.rmSync(folder, { recursive: true, force: true });
  }, 30_000);

  /** Each server's status word (UP, DOWN, MAINT; a drained server is UP with weight 0) and weight. */
  const states = async (vip = VIP) => (await haproxy().status()).servers.filter((s) => s.vip === vip).map((s) => `${s.server} ${s.status.split(' ')[0]} ${s.weight}`);

  it('--dry-run prints the steps and changes nothing', async () => {
    const dry = await runInProcess(['roll', '--vip', VIP, '--dry-run', '--', 'touch', '/tmp/x-{rip}'], env);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout.trim().split('\n')).toEqual([1, 2, 3].map((i) => `roll ${VIP}: EA${i} (${i}/3): drain, wait for sessions, run ["touch","/tmp/x-EA${i}"], wait for health, online`));
    expect(await states()).toEqual(['EA1 UP 100', 'EA2 UP 100', 'EA3 UP 100']);
  });

  it('chooses VIPs by --vip or by a component of the preset, and says what is wrong otherwise', async () => {
    const component = await runInProcess(['roll', '--component', 'ccg', '--dry-run'], env);
    expect([component.code, component.stderr.trim()]).toEqual([6, 'pacs-lb: --component ccg: the target has none of its VIPs. Check "pacs-lb status".']);
    const unknown = await runInProcess(['roll', '--component', 'archive', '--dry-run'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--component: "archive" is not a component of the Centricity PACS preset. Give one of enterpriseArchive, ');
    const both = await runInProcess(['roll', '--component', 'ccg', '--vip', VIP, '--dry-run'], env);
    expect([both.code, both.stderr.trim()]).toEqual([2, 'pacs-lb: roll: give either --vip <names> or --component <component>. See "pacs-lb roll --help".']);
    const two = await runInProcess(['roll', '--vip', `${VIP},${OTHER}`, '--rip', 'EA2', '--dry-run'], env);
    expect(two.stdout.trim()).toBe(`roll ${VIP},${OTHER}: EA2 (1/1): drain in ${VIP}, ${OTHER}, wait for sessions, wait for health, online`);
  });

  it('refuses to go below the capacity floor, naming the servers in rotation', async () => {
    const refused = await runInProcess(['roll', '--vip', VIP, '--min-in-rotation', '3'], env);
    expect(refused.code).toBe(6);
    expect(refused.stderr).toContain(`${VIP}: roll: taking EA1 out would leave 2 server(s) in rotation (EA2, EA3); --min-in-rotation is 3.`);
    expect(await states()).toEqual(['EA1 UP 100', 'EA2 UP 100', 'EA3 UP 100']);
  });

  it('stops at a failing command with the server out of rotation, and resumes there', async () => {
    const marks = fs.mkdtempSync(path.join(os.tmpdir(), 'roll-marks-'));
    fs.mkdirSync(path.join(marks, 'EA1'));
    const command = ['--', 'touch', `${marks}/{rip}/done`];
    // EA2's command fails (its folder does not exist yet): the roll stops there, EA2 left drained.
    const failed = await runInProcess(['roll', '--vip', VIP, '--rip', 'EA1,EA2', ...command], env);
    expect(failed.code).toBe(6);
    expect(failed.stderr).toContain(`${VIP}: roll: the command for EA2 exited with 1`);
    expect(failed.stderr).toContain('EA2 stays out of rotation; fix it, then run the same roll again to resume.');
    expect(await states()).toEqual(['EA1 UP 100', 'EA2 UP 0', 'EA3 UP 100']);
    fs.mkdirSync(path.join(marks, 'EA2'));
    const resumed = await runInProcess(['roll', '--vip', VIP, '--rip', 'EA1,EA2', ...command], env);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`roll ${VIP}: resuming; already done: EA1`);
    expect(resumed.stderr).not.toContain('EA1 (1/2): drain');
    expect(resumed.stderr).toContain(`roll ${VIP}: EA2 (2/2): drain`);
    expect(await states()).toEqual(['EA1 UP 100', 'EA2 UP 100', 'EA3 UP 100']);
    expect(['EA1', 'EA2'].map((n) => fs.existsSync(path.join(marks, n, 'done')))).toEqual([true, true]);
  }, 120_000);

  it('rolls the three archives of two VIPs one at a time under load, then deploys a change to one VIP: 0 failed associations, 0 aborted transfers', async () => {
    const marks = fs.mkdtempSync(path.join(os.tmpdir(), 'roll-marks-'));
    const echoes = [vipPort, otherPort].map((port) => repeatClient(() => echoscu('127.0.0.1', port)));
    const transfers = [vipPort, vipPort, otherPort].map((port) => repeatClient(() => storescu('127.0.0.1', port, images)));
    await new Promise((r) => setTimeout(r, 1500));
    const rolled = await runInProcess(['roll', '--vip', `${VIP},${OTHER}`, '--drain-timeout', '60', '--', 'touch', `${marks}/{rip}-{address}`], env);
    // A deploy that changes one VIP (a weight), under the same load.
    fs.writeFileSync(specFiles[OTHER], JSON.stringify({ ...otherSpec, realServers: otherSpec.realServers.map((r) => (r.name === 'EA3' ? { ...r, weight: 40 } : r)) }));
    const deployed = [await runInProcess(['apply', '--spec-file', specFiles[OTHER]], env), await runInProcess(['reload', 'lb1'], env)];
    await new Promise((r) => setTimeout(r, 1500));
    const echoResults = (await Promise.all(echoes.map((e) => e.stop()))).flat();
    const transferResults = (await Promise.all(transfers.map((t) => t.stop()))).flat();

    expect(rolled.code, rolled.stderr).toBe(0);
    expect(deployed.map((d) => d.code)).toEqual([0, 0]);
    const label = `${VIP},${OTHER}`;
    const progress = rolled.stderr.split('\n').filter((l) => l.startsWith(`roll ${label}:`));
    for (const name of ['EA1', 'EA2', 'EA3']) {
      const i = name.slice(2);
      expect(progress).toContain(`roll ${label}: ${name} (${i}/3): drain`);
      expect(progress).toContain(`roll ${label}: ${name}: health check passes`);
      expect(progress).toContain(`roll ${label}: ${name} (${i}/3): online`);
    }
    expect(progress.at(-1)).toBe(`roll ${label}: done, 3 server(s)`);
    expect(rolled.stderr).not.toContain('WARNING');
    expect(fs.readdirSync(marks).sort()).toEqual(['EA1-127.0.0.1', 'EA2-127.0.0.1', 'EA3-127.0.0.1']);

    expect(echoResults.length).toBeGreaterThan(20);
    expect(echoResults.filter((r) => r.status !== 0).map((r) => r.output)).toEqual([]);
    expect(transferResults.length).toBeGreaterThan(6);
    expect(transferResults.filter((r) => r.status !== 0).map((r) => r.output)).toEqual([]);
    expect(await states()).toEqual(['EA1 UP 100', 'EA2 UP 100', 'EA3 UP 100']);
    expect(await states(OTHER)).toEqual(['EA1 UP 100', 'EA2 UP 100', 'EA3 UP 40']);
  }, 240_000);
});
