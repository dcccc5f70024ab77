import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalHaproxyTarget } from '../../../lib/targets/local-haproxy/local-haproxy-target';
import { freePort } from '../../support/free-port';
import { HealthCheck, liveAppliance, localTarget, stopAllHaproxies, waitForServer } from '../../support/live-haproxy';
import { MllpPeer, startMllpPeer } from '../../support/mllp-peer';

describe('live: the HL7 MLLP check in HAProxy, against MLLP receivers', () => {
  let accepting: MllpPeer;
  let inError: MllpPeer;
  let otherApplication: MllpPeer;
  let target: LocalHaproxyTarget;

  beforeAll(async () => {
    accepting = await startMllpPeer({ application: 'RIS' });
    inError = await startMllpPeer({ application: 'RIS', inError: true });
    otherApplication = await startMllpPeer({ application: 'SOMETHING-ELSE' });
    const { appliance, addVip } = liveAppliance();
    target = localTarget();
    await target.apply(appliance, [
      addVip('Hl7_Checked', {
        port: await freePort(),
        healthCheck: HealthCheck.hl7Mllp({ receivingApplication: 'RIS' }),
        realServers: [
          { name: 'accepting', address: '127.0.0.1', port: accepting.port },
          { name: 'in-error', address: '127.0.0.1', port: inError.port },
          { name: 'other-app', address: '127.0.0.1', port: otherApplication.port },
        ],
      }),
    ]);
  });

  afterAll(async () => {
    await stopAllHaproxies();
    await Promise.all([accepting, inError, otherApplication].map((peer) => peer?.stop()));
  });

  it('marks a receiver that answers MSA|AE down, with an unexpected-answer result (not a timeout)', async () => {
    await waitForServer(target, 'Hl7_Checked', 'in-error', 'DOWN');
    expect((await target.status()).servers.find((s) => s.server === 'in-error')?.lastCheck).toBe('L7RSP');
  });

  it('marks a receiver that rejects the receiving application (MSA|AR) down', async () => {
    await waitForServer(target, 'Hl7_Checked', 'other-app', 'DOWN');
  });

  it('keeps the receiver that answers MSA|AA up, every check passing, and the probe reached it', async () => {
    while (accepting.received.length < 3) await new Promise((r) => setTimeout(r, 100));
    expect((await target.status()).servers.find((s) => s.server === 'accepting')).toMatchObject({ status: 'UP', lastCheck: 'L7OK' });
        expect(accepting.received[0]).toMatch(/^MSH\|\^~\\&\|PACSLB\|PACSLB\|RIS\|PACS\|/);
  });
});
