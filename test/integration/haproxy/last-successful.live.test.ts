import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalHaproxyTarget } from '../../../lib/targets/local-haproxy/local-haproxy-target';
import { echoscu, startStorescp, stopAllPeers, Storescp } from '../../support/dicom-peers';
import { freePort } from '../../support/free-port';
import { VirtualServiceSpec } from '../../../lib';
import { dicomCheck, HealthCheck, liveAppliance, localTarget, Persistence, sessionsByServer, sessionsSince, stopAllHaproxies, waitForServer } from '../../support/live-haproxy';

/** Runs n C-ECHOs through the VIP and returns how many each server carried; every one must succeed. */
async function echoes(target: LocalHaproxyTarget, port: number, n: number): Promise<Record<string, number>> {
  const before = await sessionsByServer(target, 'Dicom_Last');
  for (let i = 0; i < n; i++) {
    const result = await echoscu('127.0.0.1', port);
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  }
  return sessionsSince(before, await sessionsByServer(target, 'Dicom_Last'));
}

describe('live: last-successful persistence, one shared entry and no fail-back', () => {
  const archives: Record<string, Storescp> = {};
  let target: LocalHaproxyTarget;
  let port: number;
  let live: ReturnType<typeof liveAppliance>;
  let vip: VirtualServiceSpec;

  beforeAll(async () => {
    archives.a = await startStorescp();
    archives.b = await startStorescp();
    port = await freePort();
    live = liveAppliance();
    target = localTarget();
    vip = live.addVip('Dicom_Last', {
        port,
        healthCheck: dicomCheck(),
        persistence: Persistence.lastSuccessful(),
        realServers: [
          { name: 'a', address: '127.0.0.1', port: archives.a.port },
          { name: 'b', address: '127.0.0.1', port: archives.b.port },
        ],
      });
    await target.apply(live.appliance, [vip]);
    await waitForServer(target, 'Dicom_Last', 'a', 'UP');
    await waitForServer(target, 'Dicom_Last', 'b', 'UP');
  });

  afterAll(async () => {
    await stopAllHaproxies();
    await stopAllPeers();
  }, 30_000);

  it('sends every client to the one server, stays on the other after it fails, and does not fail back when it returns', async () => {
    const first = await echoes(target, port, 6);
    const active = first.a === 6 ? 'a' : 'b';
    const standby = active === 'a' ? 'b' : 'a';
    expect(first).toEqual({ [active]: 6, [standby]: 0 });

    await archives[active].stop();
    await waitForServer(target, 'Dicom_Last', active, 'DOWN');
    expect(await echoes(target, port, 6)).toEqual({ [active]: 0, [standby]: 6 });

    archives[active] = await startStorescp({ port: archives[active].port });
    await waitForServer(target, 'Dicom_Last', active, 'UP');
    expect(await echoes(target, port, 6)).toEqual({ [active]: 0, [standby]: 6 });

    // A change elsewhere reloads HAProxy; the shared entry is carried into the new worker.
    const other = live.addVip('Other', { port: await freePort(), healthCheck: HealthCheck.none(), realServers: [{ name: 'x', address: '127.0.0.1', port: archives[standby].port }] });
    expect(await target.apply(live.appliance, [vip, other])).toBe('reloaded');
    await waitForServer(target, 'Dicom_Last', active, 'UP');
    expect(await echoes(target, port, 6)).toEqual({ [active]: 0, [standby]: 6 });
  }, 50_000);
});
