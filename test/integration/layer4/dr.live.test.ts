/**
 * Layer 4 live, DR: the rendered keepalived.conf, check script and DR real-server scripts of
 * site lb-dr (sites.ts: an EA DICOM VIP with the DICOM association check, an HL7 VIP with the
 * MLLP check, a web VIP with the ICMP check) carry real DICOM, HL7 and HTTP traffic through
 * IPVS in a user-mode-linux kernel (test/support/l4-kernel.ts). The guest runs guest/dr.sh
 * once for the whole file; each test checks its findings.
 */
import { describe, expect, it } from 'vitest';
import { bootOnce } from './guest-file';
import { drFolder } from './sites';

const guest = bootOnce('uml', 'guest/dr.sh', drFolder, 420_000);
const { value, number } = guest;

describe('Layer 4 live, DR, in user-mode-linux', () => {
  it('the site needs no nftables rules (UML has no nftables inet family), boots, and runs to the end', () => {
    expect(guest.files()['nftables.nft']).not.toMatch(/mark set|masquerade/);
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

  it('HL7 and HTTP through their DR VIPs: the MLLP peer acknowledges (MSA|AA), the web server answers', () => {
    expect(number('hl7.accepted')).toBe(1);
    expect(value('hl7.acked_by')).toMatch(/^HL[12]$/);
    expect(value('web.page')).toMatch(/^WEB[12]$/);
  });

  it('the DICOM association check (bundled script, run by keepalived) takes out a server whose archive stops, and back when it returns', () => {
    expect(number('check.dicom.out_ms')).toBeGreaterThanOrEqual(0);
    expect(number('check.dicom.back_ms')).toBeGreaterThanOrEqual(0);
  });

  it('the HL7 MLLP check takes out a server whose MLLP peer stops, and back when it returns', () => {
    expect(number('check.hl7.out_ms')).toBeGreaterThanOrEqual(0);
    expect(number('check.hl7.back_ms')).toBeGreaterThanOrEqual(0);
  });

  it('the ICMP check takes out a server whose link goes down, and back when it comes up', () => {
    expect(number('check.ping.out_ms')).toBeGreaterThanOrEqual(0);
    expect(number('check.ping.back_ms')).toBeGreaterThanOrEqual(0);
  });

  it('a real server killed under a loop of associations: IPVS stops sending to it, and no association started after its removal fails', () => {
    console.log(
      `kill: removed from IPVS ${value('kill.removal_ms')} ms after the kill (upper bound, under user-mode-linux); ` +
        `${value('kill.failed')} of ${value('kill.associations')} associations failed, ${value('kill.failed_after_removal')} of the ${value('kill.after_removal')} started after removal`,
    );
    expect(number('kill.removal_ms')).toBeGreaterThanOrEqual(0);
    expect(number('kill.after_removal')).toBeGreaterThanOrEqual(4);
    expect(number('kill.failed_after_removal')).toBe(0);
  });

  it('drain (weight 0, keepalived reloaded with the drained file) lets the open association finish; new ones go to the other server', () => {
    expect(number('drain.weight_zero_ms')).toBeGreaterThanOrEqual(0);
    expect(number('drain.open_when_drained')).toBe(1);
    expect(number('drain.open_store')).toBe(0);
    expect(number('drain.stored_on_drained')).toBe(2);
    expect([number('drain.echo1'), number('drain.echo2'), number('drain.echo3')]).toEqual([0, 0, 0]);
    expect(number('drain.new_to_drained')).toBe(0);
    expect(number('drain.new_to_other')).toBe(3);
  });
});
