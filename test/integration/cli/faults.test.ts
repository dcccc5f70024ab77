import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApplianceDouble } from '../../support/appliance-double';
import { awkwardTempDir, cliEnvironment, CliRun, runInProcess, SECRET, startDouble } from './harness';

// Faults of the appliance and the network, against one VIP apply. After any of them, running
// the same command again converges to the state an uninterrupted apply reaches.

const SPEC = {
  schemaVersion: 1, appliance: 'lb-double', name: 'Fault_Web', layer: 7, proxyMode: 'http', clientAddress: 'x-forwarded-for', address: '192.0.2.50', protocol: 'tcp',
  ports: { ranges: [{ first: 443, last: 443 }] }, scheduler: 'wlc',
  healthCheck: { kind: 'http-get', path: '/ping', expectStatus: 200, intervalSeconds: 5, timeoutSeconds: 3, rise: 2, fall: 3 },
  persistence: { kind: 'none' }, clientTimeoutSeconds: 60, serverTimeoutSeconds: 60,
  realServers: [{ name: 'W1', address: '203.0.113.1', port: 8080, weight: 100, state: 'online' }, { name: 'W2', address: '203.0.113.2', port: 8080, weight: 30, state: 'halt' }],
};

let double: ApplianceDouble;
let reference: unknown;
let folder: string;

function env(extra: Record<string, string> = {}): Record<string, string> {
  return { ...cliEnvironment(double, path.join(folder, 'state')), PACS_LB_SPEC: JSON.stringify(SPEC), PACS_LB_APPLIANCE: JSON.stringify(double.applianceSpec()), ...extra };
}

const apply = (extra: Record<string, string> = {}, args: string[] = []): Promise<CliRun> => runInProcess(['apply', ...args], env(extra));

beforeAll(async () => {
  folder = awkwardTempDir('pacs-lb-faults');
  double = await startDouble();
  const run = await apply();
  expect(run.code, run.stderr).toBe(0);
  reference = double.dumpConfig();
});
afterEach(() => {
  double.vips.clear();
  double.clearRecords();
});
afterAll(() => double.stop());

describe('a fault, then a re-run', () => {
  it('appliance down: retried, then a clear error and exit 5; after it is back, a re-run converges', async () => {
    await double.down();
    const failed = await apply();
    await double.up();
    expect(failed.code).toBe(5);
    expect(failed.stderr.match(/retrying/g)).toHaveLength(2);
    expect(failed.stderr).toMatch(/pacs-lb: appliance https:\/\/127\.0\.0\.1:\d+\/api\/v2\/: connection refused \(nothing listens on that port\) \(ECONNREFUSED\), after 3 tries\. Check that it is up/);
    expect((await apply()).code).toBe(0);
    expect(double.dumpConfig()).toEqual(reference);
  });

  it('connection dropped after the commands ran: the retry meets "exists", edits instead, and converges', async () => {
    // The read passes (a zero delay), the write is dropped after it ran.
    double.injectFaults({ kind: 'delay', ms: 0 }, { kind: 'drop-after' });
    const run = await apply();
    expect(run.code, run.stderr).toBe(0);
    expect(double.writes().map((c) => c.action)).toEqual(['add-vip', 'add-rip', 'add-rip', 'halt', 'add-vip', 'add-rip', 'add-rip', 'halt', 'edit-vip', 'edit-rip', 'edit-rip']);
    expect(double.dumpConfig()).toEqual(reference);
  });

  it('connection dropped before anything ran, a reset, and 5xx answers are retried', async () => {
    double.injectFaults({ kind: 'drop-before' }, { kind: 'reset' }, { kind: 'status', code: 503 });
    const run = await apply({ PACS_LB_RETRIES: '3' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.match(/retrying/g)).toHaveLength(3);
    expect(double.dumpConfig()).toEqual(reference);
  });

  it('5xx beyond the retries: exit 5, and nothing half-done a re-run cannot finish', async () => {
    double.injectFaults({ kind: 'delay', ms: 0 }, { kind: 'status', code: 500 }, { kind: 'status', code: 502 }, { kind: 'status', code: 500 });
    const run = await apply();
    expect(run.code).toBe(5);
    expect(run.stderr).toMatch(/HTTP 500, after 3 tries/);
    expect((await apply()).code).toBe(0);
    expect(double.dumpConfig()).toEqual(reference);
  });

  it('an answer slower than the request timeout is retried as a network fault', async () => {
    double.injectFaults({ kind: 'delay', ms: 1500 });
    const run = await apply({ PACS_LB_REQUEST_TIMEOUT_MS: '500' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/timed out: no answer within 500 ms; retrying/);
  });

  it('"failed" from the appliance: exit 6 naming the command; the part that ran stays, and a re-run converges', async () => {
    double.injectFaults({ kind: 'delay', ms: 0 }, { kind: 'failed', action: 'add-rip', message: 'invalid ip' });
    const run = await apply();
    expect(run.code).toBe(6);
    expect(run.stderr).toContain('pacs-lb: Fault_Web add-rip W1: the appliance https://');
    expect(run.stderr).toContain('answered failed: invalid ip. Fix the cause, then run again');
    expect(double.dumpConfig().vips).toHaveLength(1); // the VIP was added; its real servers were not
    expect((await apply()).code).toBe(0);
    expect(double.dumpConfig()).toEqual(reference);
  });

  it('no retry on a 4xx: wrong credentials exit 4 after one request', async () => {
    const run = await apply({ PACS_LB_API_KEY: 'wrong-key' });
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/credentials refused \(HTTP 401\)/);
    expect(double.requests).toHaveLength(1);
  });
});

describe('credentials and TLS', () => {
  it('no API key: exit 4 before anything is sent', async () => {
    const run = await runInProcess(['apply'], { ...env(), PACS_LB_API_KEY: '' });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('no API key: set PACS_LB_API_KEY');
    expect(double.requests).toHaveLength(0);
  });

  it('credentials from *_FILE variables', async () => {
    const file = (name: string, value: string) => {
      const p = path.join(folder, name);
      fs.writeFileSync(p, `${value}\n`);
      return p;
    };
    const run = await runInProcess(['apply'], {
      ...env(), PACS_LB_API_KEY: undefined as unknown as string, PACS_LB_USERNAME: '', PACS_LB_PASSWORD: '',
      PACS_LB_API_KEY_FILE: file('key', SECRET.apiKey), PACS_LB_USERNAME_FILE: file('user', SECRET.username), PACS_LB_PASSWORD_FILE: file('pass', SECRET.password),
    });
    expect(run.code, run.stderr).toBe(0);
  });

  it('an untrusted certificate is refused with a clear error, not retried', async () => {
    const run = await apply({ PACS_LB_CA_FILE: '' });
    expect(run.code).toBe(5);
    expect(run.stderr).toMatch(/appliance certificate not trusted \(SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT\)/);
    expect(run.stderr).not.toContain('retrying');
  });

  it('--insecure works only when given, and warns', async () => {
    const run = await apply({ PACS_LB_CA_FILE: '' }, ['--insecure']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('WARNING: --insecure');
  });

  it('reads replies keyed "lbcli" as well as "lbapi"', async () => {
    const old = await ApplianceDouble.start({ apiKey: SECRET.apiKey, username: SECRET.username, password: SECRET.password, replyKey: 'lbcli' });
    try {
      const run = await runInProcess(['apply'], { ...env(), PACS_LB_CA_FILE: old.caFile, PACS_LB_APPLIANCE: JSON.stringify(old.applianceSpec()) });
      expect(run.code, run.stderr).toBe(0);
      expect(old.dumpConfig()).toEqual(reference);
    } finally {
      await old.stop();
    }
  });
});

describe('time limits and network failures in words', () => {
  /** The environment a user has: credentials and CA, every time limit at its default. */
  const defaults = () => Object.fromEntries(Object.entries(env()).filter(([name]) => !/RETR|TIMEOUT|DEADLINE/.test(name)));

  it('a hung appliance (TLS up, no answer ever) fails with a clear message within 60 s under the default settings', async () => {
    double.injectFaults(...Array.from({ length: 5 }, () => ({ kind: 'delay' as const, ms: 300_000 })));
    const started = Date.now();
    const run = await runInProcess(['apply'], defaults());
    const elapsed = Date.now() - started;
    double.clearFaults();
    expect(run.code).toBe(5);
    expect(run.stderr).toMatch(/timed out: no answer within \d+ ms, after 3 tries\. Check that it is up and reachable/);
    expect(elapsed).toBeLessThan(60_000);
  }, 90_000);

  it('name not found, and not TLS, are said in words with the raw code after', async () => {
    const unknownHost = await runInProcess(['apply'], { ...env(), PACS_LB_CONNECT_TO: 'no-such-appliance.invalid:9443', PACS_LB_RETRIES: '0' });
    expect(unknownHost.code).toBe(5);
    expect(unknownHost.stderr).toMatch(/name not found \(DNS (has no such host|did not answer)\) \((ENOTFOUND|EAI_AGAIN)\)/);

    const plain = net.createServer((socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    try {
      const port = (plain.address() as net.AddressInfo).port;
      const notTls = await runInProcess(['apply'], { ...env(), PACS_LB_CONNECT_TO: `127.0.0.1:${port}`, PACS_LB_RETRIES: '0' });
      expect(notTls.code).toBe(5);
      expect(notTls.stderr).toMatch(/not TLS \(is this the HTTPS API port\?\) \((EPROTO|ERR_SSL_WRONG_VERSION_NUMBER|ERR_SSL_PACKET_LENGTH_TOO_LONG)\)/);
    } finally {
      plain.close();
    }
  });
});
