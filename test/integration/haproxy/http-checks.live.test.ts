import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tls from 'tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalHaproxyTarget } from '../../../lib/targets/local-haproxy/local-haproxy-target';
import { freePort } from '../../support/free-port';
import { HealthCheck, liveAppliance, localTarget, stopAllHaproxies, waitForServer } from '../../support/live-haproxy';
import { selfSignedCertificate, startWebPeer, WebPeer } from '../../support/web-peers';

/** The certificate subject a TLS client sees through the VIP. */
function certificateSeenThrough(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
      const subject = socket.getPeerCertificate().subject.CN;
      socket.destroy();
      resolve(String(subject));
    });
    socket.on('error', reject);
  });
}

describe('live: HTTP and HTTPS checks, and TLS pass-through', () => {
  const peers: Record<string, WebPeer> = {};
  let target: LocalHaproxyTarget;
  let tlsVipPort: number;

  beforeAll(async () => {
    const certificate = selfSignedCertificate('viewer1.pacs.test');
    const caFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-'));
    fs.writeFileSync(path.join(caFolder, 'own.pem'), certificate.cert);
    fs.writeFileSync(path.join(caFolder, 'other.pem'), selfSignedCertificate('another-ca.pacs.test').cert);
    peers.healthy = await startWebPeer(200, 'status: all good', certificate);
    peers.failing = await startWebPeer(503, 'status: all good', certificate);
    peers.wrongText = await startWebPeer(200, 'status: degraded', certificate);
    peers.plain = await startWebPeer(200, 'ok');
    tlsVipPort = await freePort();
    const { appliance, addVip } = liveAppliance();
    const server = (name: string) => ({ name, address: '127.0.0.1', port: peers[name].port });
    target = localTarget();
    await target.apply(appliance, [
      addVip('Viewer_Tls', {
        port: tlsVipPort,
        healthCheck: HealthCheck.httpsGet({ path: '/status', expectText: 'all good', host: 'viewer.pacs.test' }),
        realServers: [server('healthy'), server('failing'), server('wrongText')],
      }),
      addVip('Viewer_Plain', { port: await freePort(), healthCheck: HealthCheck.httpGet({ path: '/health' }), realServers: [server('plain')] }),
      addVip('Viewer_Verified', { port: await freePort(), healthCheck: HealthCheck.httpsGet({ path: '/status', caFile: path.join(caFolder, 'own.pem') }), realServers: [server('healthy')] }),
      addVip('Viewer_Wrong_Ca', { port: await freePort(), healthCheck: HealthCheck.httpsGet({ path: '/status', caFile: path.join(caFolder, 'other.pem') }), realServers: [server('healthy')] }),
    ]);
  });

  afterAll(async () => {
    await stopAllHaproxies();
    await Promise.all(Object.values(peers).map((p) => p.stop()));
  });

  it('an HTTPS check accepts a self-signed certificate, and sends the path and Host header', async () => {
    await waitForServer(target, 'Viewer_Tls', 'failing', 'DOWN');
    expect((await target.status()).servers.find((s) => s.server === 'healthy')).toMatchObject({ status: 'UP', lastCheck: 'L7OK' });
    expect(peers.healthy.requests[0]).toBe('GET /status viewer.pacs.test');
  });

  it('marks a server down on the wrong status, or when the body lacks the expected text', async () => {
    await waitForServer(target, 'Viewer_Tls', 'failing', 'DOWN');
    await waitForServer(target, 'Viewer_Tls', 'wrongText', 'DOWN');
  });

  it('with a CA file, an HTTPS check accepts a server whose certificate chains to it, and marks down one that does not', async () => {
    await waitForServer(target, 'Viewer_Verified', 'healthy', 'UP');
    await waitForServer(target, 'Viewer_Wrong_Ca', 'healthy', 'DOWN');
  });

  it('an HTTP check GETs the path in plain HTTP', async () => {
    await waitForServer(target, 'Viewer_Plain', 'plain', 'UP');
    while (peers.plain.requests.length === 0) await new Promise((r) => setTimeout(r, 100));
    expect(peers.plain.requests[0]).toMatch(/^GET \/health /);
  });

  it('passes TLS through untouched in TCP mode: the client sees the server\'s own certificate', async () => {
    await waitForServer(target, 'Viewer_Tls', 'wrongText', 'DOWN');
    expect(await certificateSeenThrough(tlsVipPort)).toBe('viewer1.pacs.test');
  });
});
