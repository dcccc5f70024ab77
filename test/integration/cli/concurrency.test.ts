import { spawn } from 'child_process';
import * as fs from 'fs';
import * as https from 'https';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApplianceDouble } from '../../support/appliance-double';
import { awkwardTempDir, cliEnvironment, compileCli, SECRET, startDouble } from './harness';

// One appliance's commands never overlap, however many pacs-lb processes run at once: the
// double records the peak number of requests in flight.

let double: ApplianceDouble;
let cli: string[];
beforeAll(async () => {
  double = await startDouble(20);
  cli = compileCli();
});
afterAll(() => double.stop());

function vipSpec(i: number): string {
  return JSON.stringify({
    schemaVersion: 1, appliance: 'lb-double', name: `VIP_${i}`, layer: 4, forwarding: 'dr', address: `192.0.2.${10 + i}`, protocol: 'tcp',
    ports: { ranges: [{ first: 104, last: 104 }] }, scheduler: 'wlc',
    healthCheck: { kind: 'connect', intervalSeconds: 5, timeoutSeconds: 3, rise: 2, fall: 3 }, persistence: { kind: 'none' },
    realServers: [{ name: 'RS1', address: '192.0.2.200', weight: 100, state: 'online' }, { name: 'RS2', address: '192.0.2.201', weight: 100, state: 'drain' }],
  });
}

function runProcess(args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cli[0], [...cli.slice(1), ...args], { env, stdio: 'ignore' });
    child.on('close', (code) => resolve(code ?? -1));
  });
}

it('the double sees overlapping requests when clients do not take turns (the measure can fail)', async () => {
  double.clearRecords();
  const post = () => new Promise<void>((resolve, reject) => {
    const request = https.request({ host: double.host, port: double.port, path: '/api/v2/', method: 'POST', ca: fs.readFileSync(double.caFile), headers: { 'X-LB-APIKEY': Buffer.from(SECRET.apiKey).toString('base64') } }, (res) => {
      res.resume();
      res.on('end', () => resolve());
    });
    request.on('error', reject);
    request.end(JSON.stringify({ lbcli: [{ action: 'list', function: 'dumpconfig' }] }));
  });
  await Promise.all(Array.from({ length: 5 }, post));
  expect(double.peakConcurrency).toBeGreaterThan(1);
});

it('12 pacs-lb processes applying to one appliance at once send one request at a time', async () => {
  double.clearRecords();
  const stateDir = awkwardTempDir('pacs-lb-state');
  const base = { ...(process.env as Record<string, string>), ...cliEnvironment(double, stateDir), PACS_LB_APPLIANCE: JSON.stringify(double.applianceSpec()) };
  const codes = await Promise.all(Array.from({ length: 12 }, (_, i) => runProcess(['apply', `VIP_${i}`], { ...base, PACS_LB_SPEC: vipSpec(i) })));
  expect(codes).toEqual(Array(12).fill(0));
  expect(double.vips.size).toBe(12);
  expect(double.requests.length).toBe(24); // one read and one write each
  expect(double.peakConcurrency).toBe(1);
});
