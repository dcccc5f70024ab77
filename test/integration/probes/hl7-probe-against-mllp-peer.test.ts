import * as net from 'net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HL7_ACCEPT_MARKER, HL7_PROBE_CONTROL_ID, hl7ProbeFrame } from '../../../lib/render/probes/hl7-mllp-probe';
import { MllpPeer, startMllpPeer } from '../../support/mllp-peer';

/** Sends the probe frame and returns the framed acknowledgement as text. */
async function exchange(port: number, receivingApplication: string): Promise<string> {
  const socket = net.connect({ host: '127.0.0.1', port });
  socket.write(hl7ProbeFrame({ sendingApplication: 'PACSLB', sendingFacility: 'PACSLB', receivingApplication, receivingFacility: 'PACS' }));
  return new Promise((resolve, reject) => {
    let reply = '';
    socket.on('data', (data) => {
      reply += data.toString('latin1');
      if (reply.endsWith('\x1c\r')) {
        socket.destroy();
        resolve(reply);
      }
    });
    socket.on('error', reject);
  });
}

describe('the HL7 MLLP probe against an MLLP receiver', () => {
  let peer: MllpPeer;
  beforeAll(async () => {
    peer = await startMllpPeer({ application: 'PACS' });
  });
  afterAll(() => peer.stop());

  it('is parsed as one message and acknowledged with MSA|AA naming its control id', async () => {
    const reply = await exchange(peer.port, 'PACS');
    expect(reply.startsWith('\x0b')).toBe(true);
    expect(reply).toContain(`${HL7_ACCEPT_MARKER}|${HL7_PROBE_CONTROL_ID}`);
    expect(peer.received.at(-1)?.split('\r')[0].split('|')[4]).toBe('PACS');
  });

  it('gets no MSA|AA from a receiver it is not addressed to', async () => {
    const reply = await exchange(peer.port, 'SOMEONE-ELSE');
    expect(reply).toContain('MSA|AR|');
    expect(reply).not.toContain(HL7_ACCEPT_MARKER);
  });
});
