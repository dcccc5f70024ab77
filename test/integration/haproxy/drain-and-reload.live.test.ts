import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RealServerState, VirtualServiceSpec } from '../../../lib';
import { ApplianceSpec } from '../../../lib/spec/virtual-service-spec';
import { LocalHaproxyTarget } from '../../../lib/targets/local-haproxy/local-haproxy-target';
import { ClientResult, echoscu, repeatClient, startStorescp, stopAllPeers, storescu, Storescp, writeDicomFile } from '../../support/dicom-peers';
import { freePort } from '../../support/free-port';
import { dicomCheck, liveAppliance, localTarget, sessionsByServer, stopAllHaproxies, waitForServer } from '../../support/live-haproxy';

/** Seconds each slow archive sleeps after a C-STORE: a study of three images takes about 6 s, still running when the change is applied. */
const STORE_SECONDS = 2;

/** The server of a VIP that has a session open now. */
async function busyServer(target: LocalHaproxyTarget, vip: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const busy = (await target.status()).servers.find((s) => s.vip === vip && s.sessions > 0);
    if (busy) return busy.server;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no server of ${vip} has a session open`);
}

/** C-ECHOs through the VIP one after another until stopped; returns every result. */
function echoLoop(port: number): { stop: () => Promise<ClientResult[]> } {
  return repeatClient(() => echoscu('127.0.0.1', port));
}

describe('live: drain and hitless reload through the local HAProxy target', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dicom-files-'));
  const files = [1, 2, 3].map((i) => path.join(folder, `image-${i}.dcm`));
  let slowA: Storescp;
  let slowB: Storescp;
  let other: Storescp;
  let target: LocalHaproxyTarget;
  let appliance: ApplianceSpec;
  let drainVip: VirtualServiceSpec;
  let otherVip: VirtualServiceSpec;

  beforeAll(async () => {
    files.forEach((file, i) => writeDicomFile(file, 4, i + 1));
    slowA = await startStorescp({ sleepAfterStore: STORE_SECONDS });
    slowB = await startStorescp({ sleepAfterStore: STORE_SECONDS });
    other = await startStorescp();
    const live = liveAppliance();
    appliance = live.appliance;
    drainVip = live.addVip('Dicom_Drain', {
      port: await freePort(),
      healthCheck: dicomCheck(),
      realServers: [
        { name: 'a', address: '127.0.0.1', port: slowA.port },
        { name: 'b', address: '127.0.0.1', port: slowB.port },
      ],
    });
    otherVip = live.addVip('Dicom_Other', { port: await freePort(), healthCheck: dicomCheck(), realServers: [{ name: 'o1', address: '127.0.0.1', port: other.port }] });
    target = localTarget();
    expect(await target.apply(appliance, [drainVip, otherVip])).toBe('started');
    expect(await target.apply(appliance, [drainVip, otherVip])).toBe('unchanged');
    await waitForServer(target, 'Dicom_Drain', 'a', 'UP');
    await waitForServer(target, 'Dicom_Drain', 'b', 'UP');
    await waitForServer(target, 'Dicom_Other', 'o1', 'UP');
  });

  afterAll(async () => {
    await stopAllHaproxies();
    await stopAllPeers();
    fs.rmSync(folder, { recursive: true, force: true });
  }, 30_000);

  it('drain: the transfer in progress completes, new associations go to the other server', async () => {
    let done = false;
    const transfer = storescu('127.0.0.1', drainVip.ports.ranges[0].first, files).finally(() => (done = true));
    const busy = await busyServer(target, 'Dicom_Drain');
    const idle = busy === 'a' ? 'b' : 'a';
    drainVip = { ...drainVip, realServers: drainVip.realServers.map((s) => (s.name === busy ? { ...s, state: RealServerState.DRAIN } : s)) };

    expect(await target.apply(appliance, [drainVip, otherVip])).toBe('reloaded');
    expect(done).toBe(false);
    for (let i = 0; i < 5; i++) expect((await echoscu('127.0.0.1', drainVip.ports.ranges[0].first)).status).toBe(0);
    expect(await sessionsByServer(target, 'Dicom_Drain')).toEqual({ [busy]: 0, [idle]: 5 });

    const result = await transfer;
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
    expect(result.milliseconds).toBeGreaterThanOrEqual(files.length * STORE_SECONDS * 1000);
  }, 40_000);

  it('hitless change: a long C-STORE through one VIP and associations to both survive a reload that changes the other VIP', async () => {
    const drainPort = drainVip.ports.ranges[0].first;
    const transfer = storescu('127.0.0.1', drainPort, files);
    await busyServer(target, 'Dicom_Drain');
    const loops = [echoLoop(drainPort), echoLoop(otherVip.ports.ranges[0].first)];
    await new Promise((r) => setTimeout(r, 500));

    otherVip = { ...otherVip, realServers: [{ ...otherVip.realServers[0], weight: 50 }, { ...otherVip.realServers[0], name: 'o2' }] };
    expect(await target.apply(appliance, [drainVip, otherVip])).toBe('reloaded');
    await new Promise((r) => setTimeout(r, 1500));

    const echoes = (await Promise.all(loops.map((l) => l.stop()))).flat();
    expect(echoes.length).toBeGreaterThan(10);
    expect(echoes.filter((r) => r.status !== 0).map((r) => r.output)).toEqual([]);
    const result = await transfer;
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
    expect((await target.status()).servers.filter((s) => s.vip === 'Dicom_Other').map((s) => s.server)).toEqual(['o1', 'o2']);
  }, 40_000);

  it('halt: the transfer in progress is cut, and the server is in maintenance', async () => {
    drainVip = { ...drainVip, realServers: drainVip.realServers.map((s) => ({ ...s, state: RealServerState.ONLINE })) };
    await target.apply(appliance, [drainVip, otherVip]);
    await waitForServer(target, 'Dicom_Drain', 'a', 'UP');
    await waitForServer(target, 'Dicom_Drain', 'b', 'UP');
    const transfer = storescu('127.0.0.1', drainVip.ports.ranges[0].first, files);
    const busy = await busyServer(target, 'Dicom_Drain');
    drainVip = { ...drainVip, realServers: drainVip.realServers.map((s) => (s.name === busy ? { ...s, state: RealServerState.HALT } : s)) };

    expect(await target.apply(appliance, [drainVip, otherVip])).toBe('reloaded');
    const result = await transfer;
    expect(result.status).not.toBe(0);
    expect(result.milliseconds).toBeLessThan(files.length * STORE_SECONDS * 1000);
    expect((await target.status()).servers.find((s) => s.vip === 'Dicom_Drain' && s.server === busy)?.status).toBe('MAINT');
  }, 40_000);
});
