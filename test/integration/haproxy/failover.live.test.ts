import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scheduler } from '../../../lib';
import { DEFAULT_CHECK_TIMING } from '../../../lib/spec/defaults';
import { LocalHaproxyTarget } from '../../../lib/targets/local-haproxy/local-haproxy-target';
import { ClientResult, echoscu, startStorescp, stopAllPeers, Storescp } from '../../support/dicom-peers';
import { freePort } from '../../support/free-port';
import { dicomCheck, liveAppliance, localTarget, sessionsByServer, sessionsSince, stopAllHaproxies, waitForServer } from '../../support/live-haproxy';

/**
 * Kill one of two archives while a modality keeps opening associations through the VIP, at the
 * default check timing. Associations are sequential and the kill falls between two of them: an
 * association open on a server at the instant it dies is lost at any load balancer; what the
 * VIP must guarantee is that no new association fails while the server is being marked down.
 */
describe('live: failover between two storescp archives through HAProxy', () => {
  let a: Storescp;
  let b: Storescp;
  let target: LocalHaproxyTarget;
  let vipPort: number;
  const results: ClientResult[] = [];
  let markedDownMs = -1;

  beforeAll(async () => {
    a = await startStorescp();
    b = await startStorescp();
    vipPort = await freePort();
    const { appliance, addVip } = liveAppliance();
    target = localTarget();
    await target.apply(appliance, [
      addVip('Dicom_Failover', {
        port: vipPort,
        scheduler: Scheduler.ROUND_ROBIN,
        healthCheck: dicomCheck(),
        realServers: [
          { name: 'a', address: '127.0.0.1', port: a.port },
          { name: 'b', address: '127.0.0.1', port: b.port },
        ],
      }),
    ]);
    await waitForServer(target, 'Dicom_Failover', 'a', 'UP');
    await waitForServer(target, 'Dicom_Failover', 'b', 'UP');
  });

  afterAll(async () => {
    await stopAllHaproxies();
    await stopAllPeers();
  }, 30_000);

  it('runs 200 C-ECHO associations across the kill of one archive without a single failure, and marks it down within interval × fall', async () => {
    let markedDown: Promise<number> | undefined;
    for (let i = 0; i < 200; i++) {
      if (i === 40) {
        await a.stop();
        markedDown = waitForServer(target, 'Dicom_Failover', 'a', 'DOWN');
      }
      results.push(await echoscu('127.0.0.1', vipPort));
    }
    markedDownMs = await markedDown!;
    const failures = results.filter((r) => r.status !== 0);
    expect(failures.map((f) => f.output)).toEqual([]);
    // A killed archive refuses connections, so every check fails at once: down within interval × fall
    // (2 s at the defaults), plus 1.5 s for polling the status on a loaded CI machine.
    const boundMs = DEFAULT_CHECK_TIMING.intervalSeconds * DEFAULT_CHECK_TIMING.fall * 1000 + 1500;
    expect(markedDownMs).toBeLessThan(boundMs);
  }, 60_000);

  it('puts the archive back in rotation once it answers again (rise successes)', async () => {
    a = await startStorescp({ port: a.port });
    await waitForServer(target, 'Dicom_Failover', 'a', 'UP');
    const before = await sessionsByServer(target, 'Dicom_Failover');
    for (let i = 0; i < 10; i++) expect((await echoscu('127.0.0.1', vipPort)).status).toBe(0);
    const carried = sessionsSince(before, await sessionsByServer(target, 'Dicom_Failover'));
    expect(carried.a).toBeGreaterThanOrEqual(3);
    expect(carried.b).toBeGreaterThanOrEqual(3);
  }, 30_000);
});
