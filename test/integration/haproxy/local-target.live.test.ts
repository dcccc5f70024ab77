import * as fs from 'fs';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../support/free-port';
import { HealthCheck, liveAppliance, localTarget, stopAllHaproxies } from '../../support/live-haproxy';
import { LocalHaproxyTarget } from '../../../lib/targets/local-haproxy/local-haproxy-target';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('live: the local HAProxy target starts, stays put, and stops cleanly', () => {
  afterAll(stopAllHaproxies);

  it('start, unchanged on the same VIPs, stop, stop again', async () => {
    const { appliance, addVip } = liveAppliance();
    const vip = addVip('Lifecycle', { port: await freePort(), healthCheck: HealthCheck.none(), realServers: [{ name: 'r1', address: '127.0.0.1', port: await freePort() }] });
    const target = localTarget();
    expect(await target.status()).toEqual({ running: false, servers: [] });

    expect(await target.apply(appliance, [vip])).toBe('started');
    const running = await target.status();
    expect(running.running).toBe(true);
    expect(running.servers.map((s) => [s.vip, s.server, s.status])).toEqual([['Lifecycle', 'r1', 'no check']]);
    expect(fs.readFileSync(target.configFile, 'utf8')).toBe(target.render(appliance, [vip]));
    expect(await target.apply(appliance, [vip])).toBe('unchanged');

    await target.stop();
    expect(alive(running.masterPid!)).toBe(false);
    expect(await target.status()).toEqual({ running: false, servers: [] });
    await target.stop();
  });

  it('refuses to start on an address this machine does not own, saying why, and leaves nothing running', async () => {
    const { appliance, addVip } = liveAppliance();
    const vip = addVip('Elsewhere', { port: await freePort(), healthCheck: HealthCheck.none(), realServers: [{ name: 'r1', address: '127.0.0.1', port: await freePort() }] });
    const folder = fs.mkdtempSync('/tmp/plb-');
    const target = new LocalHaproxyTarget({ folder, bindAddresses: { Elsewhere: '192.0.2.99' } });
    await expect(target.apply(appliance, [vip])).rejects.toThrow(/^LocalHaproxyTarget: HAProxy did not start: .*cannot bind/s);
    expect((await target.status()).running).toBe(false);
    fs.rmSync(folder, { recursive: true, force: true });
  });
});
