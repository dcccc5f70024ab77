import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { echoscu, startStorescp, stopAllPeers, Storescp } from '../../support/dicom-peers';
import { freePort } from '../../support/free-port';
import { dicomCheck, HealthCheck, liveAppliance, localTarget, stopAllHaproxies, waitForServer } from '../../support/live-haproxy';
import { LocalHaproxyTarget } from '../../../lib/targets/local-haproxy/local-haproxy-target';

describe('live: the DICOM association check in HAProxy, against dcmtk storescp', () => {
  let willing: Storescp;
  let refusing: Storescp;
  let target: LocalHaproxyTarget;
  let dicomPort: number;

  beforeAll(async () => {
    willing = await startStorescp();
    refusing = await startStorescp({ refuse: true });
    dicomPort = await freePort();
    const connectPort = await freePort();
    const { appliance, addVip } = liveAppliance();
    const realServers = [
      { name: 'willing', address: '127.0.0.1', port: willing.port },
      { name: 'refusing', address: '127.0.0.1', port: refusing.port },
    ];
    target = localTarget();
    await target.apply(appliance, [
      addVip('Dicom_Checked', { port: dicomPort, healthCheck: dicomCheck(), realServers }),
      addVip('Dicom_Connect', { port: connectPort, healthCheck: HealthCheck.connect(), realServers }),
    ]);
  });

  afterAll(async () => {
    await stopAllHaproxies();
    await stopAllPeers();
  });

  it('keeps the archive that accepts the association up: every step of the check passes (L7OK)', async () => {
    await waitForServer(target, 'Dicom_Checked', 'refusing', 'DOWN');
    const willingNow = (await target.status()).servers.find((s) => s.vip === 'Dicom_Checked' && s.server === 'willing');
    expect(willingNow).toMatchObject({ status: 'UP', lastCheck: 'L7OK' });
  });

  it('marks the archive that accepts TCP but rejects the association down', async () => {
    await waitForServer(target, 'Dicom_Checked', 'refusing', 'DOWN');
    const refusingNow = (await target.status()).servers.find((s) => s.vip === 'Dicom_Checked' && s.server === 'refusing');
    expect(refusingNow?.lastCheck).toBe('L7RSP');
  });

  it('while a connect check keeps that same archive up', async () => {
    await waitForServer(target, 'Dicom_Connect', 'refusing', 'UP');
    // Let several checks run: the connect check must stay up, not merely start up.
    await new Promise((r) => setTimeout(r, 2500));
    await waitForServer(target, 'Dicom_Connect', 'refusing', 'UP', 1000);
  });

  it('carries C-ECHO through the VIP, every time, to the accepting archive', async () => {
    await waitForServer(target, 'Dicom_Checked', 'refusing', 'DOWN');
    for (let i = 0; i < 10; i++) {
      const result = await echoscu('127.0.0.1', dicomPort);
      expect(result.output).toBe('');
      expect(result.status).toBe(0);
    }
  });
});
