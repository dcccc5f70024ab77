/**
 * `pacs-lb roll` on the local HAProxy target, under continuous DICOM load: a C-ECHO loop and
 * long C-STORE transfers through the VIP while the three archives are rolled one at a time
 * (drain, wait for their sessions, a user command, health, online). No association fails and
 * no transfer is cut; the capacity floor, a failing command (stop, then resume) and --dry-run
 * are checked against the same real HAProxy.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplianceTarget, DicomVip, ForwardingMethod, HealthCheck, LoadBalancerAppliance, Ports } from '../../../lib';
import { LocalHaproxyTarget } from '../../../lib/targets/local-haproxy/local-haproxy-target';
import { ClientResult, echoscu, startStorescp, stopAllPeers, Storescp, storescu, writeDicomFile } from '../../support/dicom-peers';
import { freePort } from '../../support/free-port';
import { waitForServer } from '../../support/live-haproxy';
import { applianceStack } from '../../support/stacks';
import { runInProcess } from '../cli/harness';

const VIP = 'Rolled_Dicom';
/** Each archive sleeps this long after a C-STORE: a study of three images lasts about 3 s. */
const STORE_SECONDS = 1;

/** Runs a client again and again until stopped; returns every result. */
function loop(client: () => Promise<ClientResult>): { stop: () => Promise<ClientResult[]> } {
  const results: ClientResult[] = [];
  let running = true;
  const done = (async () => {
    while (running) results.push(await client());
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      return results;
    },
  };
}

describe('live: pacs-lb roll of a three-archive pool under DICOM load', () => {
  let folder: string;
  let images: string[];
  let archives: Storescp[];
  let vipPort: number;
  let env: Record<string, string>;
  const haproxy = () => new LocalHaproxyTarget({ folder });

  beforeAll(async () => {
    folder = fs.mkdtempSync('/tmp/plb-roll-');
    const imageFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'roll-images-'));
    images = [1, 2, 3].map((i) => path.join(imageFolder, `image-${i}.dcm`));
    images.forEach((file, i) => writeDicomFile(file, 2, i + 1));
    archives = [await startStorescp({ sleepAfterStore: STORE_SECONDS }), await startStorescp({ sleepAfterStore: STORE_SECONDS }), await startStorescp({ sleepAfterStore: STORE_SECONDS })];
    vipPort = await freePort();
    const { appliance } = applianceStack({ managementAddress: '127.0.0.1', subnets: ['127.0.0.0/8'], target: ApplianceTarget.localHaproxy({ folder }) });
    const vip = new DicomVip(appliance as LoadBalancerAppliance, 'dicom', {
      name: VIP,
      address: '127.0.0.1',
      ports: Ports.single(vipPort),
      forwarding: ForwardingMethod.NAT,
      healthCheck: HealthCheck.dicomAssociation({ calledAeTitle: 'ARCHIVE' }),
      realServers: archives.map((a, i) => ({ name: `EA${i + 1}`, address: '127.0.0.1', port: a.port })),
    });
    env = { PACS_LB_APPLIANCE: JSON.stringify(appliance.toSpec()), PACS_LB_SPEC: JSON.stringify(vip.toSpec()), PACS_LB_STATE_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'roll-state-')) };
    for (const args of [['apply', VIP], ['reload', 'lb1']]) expect((await runInProcess(args, env)).code).toBe(0);
    for (const name of ['EA1', 'EA2', 'EA3']) await waitForServer(haproxy(), VIP, name, 'UP');
  });

  afterAll(async () => {
    await haproxy().stop();
    await stopAllPeers();
    fs.rmSync(folder, { recursive: true, force: true });
  }, 30_000);

  /** Each server's status word (UP, DOWN, MAINT; a drained server is UP with weight 0) and weight. */
  const states = async () => (await haproxy().status()).servers.filter((s) => s.vip === VIP).map((s) => `${s.server} ${s.status.split(' ')[0]} ${s.weight}`);

  it('--dry-run prints the steps and changes nothing', async () => {
    const dry = await runInProcess(['roll', '--vip', VIP, '--dry-run', '--', 'touch', '/tmp/x-{rip}'], env);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout.trim().split('\n')).toEqual([1, 2, 3].map((i) => `roll ${VIP}: EA${i} (${i}/3): drain, wait for sessions, run ["touch","/tmp/x-EA${i}"], wait for health, online`));
    expect(await states()).toEqual(['EA1 UP 100', 'EA2 UP 100', 'EA3 UP 100']);
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

  it('rolls the three archives one at a time under load: 0 failed associations, 0 aborted transfers', async () => {
    const marks = fs.mkdtempSync(path.join(os.tmpdir(), 'roll-marks-'));
    const echoes = loop(() => echoscu('127.0.0.1', vipPort));
    const transfers = [0, 1, 2].map(() => loop(() => storescu('127.0.0.1', vipPort, images)));
    await new Promise((r) => setTimeout(r, 1500));
    const rolled = await runInProcess(['roll', '--vip', VIP, '--drain-timeout', '60', '--', 'touch', `${marks}/{rip}-{address}`], env);
    await new Promise((r) => setTimeout(r, 1500));
    const echoResults = await echoes.stop();
    const transferResults = (await Promise.all(transfers.map((t) => t.stop()))).flat();

    expect(rolled.code, rolled.stderr).toBe(0);
    const progress = rolled.stderr.split('\n').filter((l) => l.startsWith(`roll ${VIP}:`));
    for (const name of ['EA1', 'EA2', 'EA3']) {
      const i = name.slice(2);
      expect(progress).toContain(`roll ${VIP}: ${name} (${i}/3): drain`);
      expect(progress).toContain(`roll ${VIP}: ${name}: health check passes`);
      expect(progress).toContain(`roll ${VIP}: ${name} (${i}/3): online`);
    }
    expect(progress.at(-1)).toBe(`roll ${VIP}: done, 3 server(s)`);
    expect(rolled.stderr).not.toContain('WARNING');
    expect(fs.readdirSync(marks).sort()).toEqual(['EA1-127.0.0.1', 'EA2-127.0.0.1', 'EA3-127.0.0.1']);

    expect(echoResults.length).toBeGreaterThan(20);
    expect(echoResults.filter((r) => r.status !== 0).map((r) => r.output)).toEqual([]);
    expect(transferResults.length).toBeGreaterThan(6);
    expect(transferResults.filter((r) => r.status !== 0).map((r) => r.output)).toEqual([]);
    expect(await states()).toEqual(['EA1 UP 100', 'EA2 UP 100', 'EA3 UP 100']);
  }, 240_000);
});
