/**
 * Layer 4 live, DR: the rendered keepalived.conf, check script and DR real-server scripts of
 * site lb-dr (sites.ts: an EA DICOM VIP with the DICOM association check, an HL7 VIP with the
 * MLLP check, a web VIP with the ICMP check) carry real DICOM, HL7 and HTTP traffic through
 * IPVS in a user-mode-linux kernel (test/support/l4-kernel.ts). The guest runs guest/dr.sh
 * once for the whole file; each test checks its findings.
 */
import * as fs from 'fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finding, GuestRun, runGuest } from '../../support/l4-kernel';
import { drFolder } from './sites';

let run: GuestRun;
let files: Record<string, string>;
const value = (key: string) => finding(run, key);
const number = (key: string) => Number(value(key));

beforeAll(async () => {
  let folder: string;
  ({ folder, files } = drFolder());
  run = await runGuest({ kernel: 'uml', folder, script: 'guest/dr.sh', timeoutMs: 240_000 });
}, 260_000);

afterAll(() => {
  if (run && process.env.PACS_LB_L4_KEEP === undefined) fs.rmSync(run.folder, { recursive: true, force: true });
});

describe('Layer 4 live, DR, in user-mode-linux', () => {
  it('the site needs no nftables rules (UML has no nftables inet family), boots, and runs to the end', () => {
    expect(files['nftables.nft']).not.toMatch(/mark set|masquerade/);
    expect(value('kernel')).toMatch(/^\d+\.\d+/);
    expect(value('done')).toBe('1');
  });

  it('every real server passes its check run by keepalived and is in IPVS', () => {
    expect(value('ea.servers')).toBe('192.0.2.21 192.0.2.22');
    expect(value('hl7.servers')).toBe('192.0.2.41 192.0.2.42');
    expect(value('web.servers')).toBe('192.0.2.51 192.0.2.52');
  });

  it('DR: C-ECHO and C-STORE through the EA DICOM VIP succeed, replies going straight from the server to the client', () => {
    expect(number('dr.echo')).toBe(0);
    expect(number('dr.store')).toBe(0);
    expect(number('dr.stored')).toBe(1);
    expect(number('dr.requests_to_lb')).toBeGreaterThan(0);
    expect(number('dr.replies_to_lb')).toBe(0);
    expect(number('dr.replies_to_client')).toBeGreaterThan(0);
  });
});
