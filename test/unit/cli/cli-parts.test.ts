import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { parseReply } from '../../../lib/targets/loadbalancer-org/api-client';
import { formatTable, statusRows } from '../../../lib/cli/commands/status';
import { readCredentials, secretValues } from '../../../lib/cli/credentials';
import { withApplianceLock } from '../../../lib/cli/lock';
import { createOutput, redact } from '../../../lib/cli/output';

describe('parseReply', () => {
  it('reads results keyed lbapi or lbcli, as a list or one object', () => {
    expect(parseReply('{"lbapi":[{"status":"success"},{"status":"exists","message":"there"}]}').map((r) => [r.status, r.message])).toEqual([['success', undefined], ['exists', 'there']]);
    expect(parseReply('{"lbcli":{"status":"Missing"}}').map((r) => r.status)).toEqual(['missing']);
  });

  it('refuses replies it cannot read', () => {
    expect(() => parseReply('<html>')).toThrow(/not JSON/);
    expect(() => parseReply('{"lbapi":[{"status":"maybe"}]}')).toThrow(/unknown status "maybe"/);
  });
});

describe('status table', () => {
  it('one aligned row per real server, or one for a VIP without any', () => {
    const rows = statusRows({ vips: [
      { name: 'V', layer: 4, parameters: { ip: '192.0.2.1', ports: '104' }, realServers: [{ name: 'A', parameters: { ip: '192.0.2.2', weight: '100' }, state: 'online' }, { name: 'B', parameters: { ip: '192.0.2.4', weight: '100' }, state: 'drain', stateOwner: 'operator' }] },
      { name: 'Empty_VIP', layer: 7, parameters: { ip: '192.0.2.3', ports: '443' }, realServers: [] },
    ] });
    expect(formatTable(['VIP', 'LAYER', 'ADDRESS', 'PORTS', 'RIP', 'RIP ADDRESS', 'WEIGHT', 'STATE', 'OWNER', 'HEALTH'], rows)).toEqual([
      'VIP        LAYER  ADDRESS    PORTS  RIP  RIP ADDRESS  WEIGHT  STATE   OWNER     HEALTH',
      'V          4      192.0.2.1  104    A    192.0.2.2    100     online  ?         unknown',
      'V          4      192.0.2.1  104    B    192.0.2.4    100     drain   operator  unknown',
      'Empty_VIP  7      192.0.2.3  443    -',
    ]);
  });
});

describe('credentials and redaction', () => {
  it('reads the key, user and password from the environment or *_FILE', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pacs-lb-cred-'));
    fs.writeFileSync(path.join(folder, 'pw'), 's3cret\n');
    expect(readCredentials({ PACS_LB_API_KEY: 'k', PACS_LB_USERNAME: 'u', PACS_LB_PASSWORD_FILE: path.join(folder, 'pw') })).toEqual({ apiKey: 'k', username: 'u', password: 's3cret' });
    expect(() => readCredentials({})).toThrow(/no API key/);
    expect(() => readCredentials({ PACS_LB_API_KEY: 'k', PACS_LB_USERNAME: 'u' })).toThrow(/go together/);
    expect(() => readCredentials({ PACS_LB_API_KEY_FILE: path.join(folder, 'missing') })).toThrow(/PACS_LB_API_KEY_FILE: cannot read the file it names \(ENOENT\)/);
  });

  it('redacts every secret and its base64 forms from every line written', () => {
    const secrets = secretValues({ apiKey: 'key-123', username: 'user', password: 'pw-456' });
    expect(secrets).toContain(Buffer.from('user:pw-456').toString('base64'));
    expect(redact('key-123 and pw-456 and a2V5LTEyMw==', secrets)).toBe('[redacted] and [redacted] and [redacted]');
    // Escaped as JSON, PHP (\/) and \uXXXX, and escaped twice.
    expect(redact('a/b"ë', ['a/b"ë'])).toBe('[redacted]');
    for (const form of ['a\\/b\\"\\u00eb', 'a\\/b\\"\\u00EB', '\\u0061\\u002f\\u0062\\u0022\\u00eb', 'a\\\\\\/b\\\\\\"ë']) {
      expect(redact(`x ${form} y`, ['a/b"ë']), form).toBe('x [redacted] y');
    }
    expect(redact('a/b"e', ['a/b"ë'])).toBe('a/b"e');
    let written = '';
    const output = createOutput({ stdout: (t) => (written += t), stderr: (t) => (written += t) }, true);
    output.addSecrets(secrets);
    output.out('got key-123');
    output.err('logged in as user');
    output.debug('pw-456');
    expect(written).toBe('got [redacted]\nlogged in as [redacted]\ndebug: [redacted]\n');
  });
});

describe('withApplianceLock', () => {
  it('runs one holder at a time, and times out with exit 7 while another holds it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pacs-lb lock '));
    let inside = 0;
    let peak = 0;
    const work = async () => {
      peak = Math.max(peak, ++inside);
      await new Promise((r) => setTimeout(r, 10));
      inside--;
    };
    await Promise.all(Array.from({ length: 6 }, () => withApplianceLock(dir, '192.0.2.5_9443', 5000, work)));
    expect(peak).toBe(1);
    const held = withApplianceLock(dir, 'x', 5000, () => new Promise((r) => setTimeout(r, 300)));
    await expect(withApplianceLock(dir, 'x', 50, async () => undefined)).rejects.toMatchObject({ exitCode: 7 });
    await held;
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('takes over a lock left by a process that is gone', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pacs-lb-lock-'));
    fs.writeFileSync(path.join(dir, 'y.lock'), '999999999\n');
    expect(await withApplianceLock(dir, 'y', 1000, async () => 'ran')).toBe('ran');
  });
});
