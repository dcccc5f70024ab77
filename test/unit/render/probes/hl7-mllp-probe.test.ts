import { describe, expect, it } from 'vitest';
import { hl7ProbeFrame, hl7ProbeMessage, mllpFrame } from '../../../../lib/render/probes/hl7-mllp-probe';

const addressing = {
  sendingApplication: 'PACSLB',
  sendingFacility: 'LB SITE',
  receivingApplication: 'RIS',
  receivingFacility: 'HOSPITAL',
};

describe('hl7ProbeMessage', () => {
  const message = hl7ProbeMessage(addressing);

  it('is one MSH segment ending in a carriage return', () => {
    expect(message.endsWith('\r')).toBe(true);
    expect(message.slice(0, -1)).not.toMatch(/[\r\n]/);
    expect(message.startsWith('MSH|^~\\&|')).toBe(true);
  });

  it('puts the addressing in MSH-3 to MSH-6 and declares a message type, control id, processing id and version', () => {
    // MSH-1 is the field separator itself, so split index n holds MSH-(n+1).
    const fields = message.slice(0, -1).split('|');
    expect(fields[0]).toBe('MSH');
    expect(fields.slice(2, 6)).toEqual(['PACSLB', 'LB SITE', 'RIS', 'HOSPITAL']);
    expect(fields[6]).toMatch(/^\d{14}$/);
    expect(fields[8]).toMatch(/^[A-Z0-9]{3}\^[A-Z0-9]{3}$/);
    expect(fields[9]).not.toBe('');
    expect(fields[10]).toBe('P');
    expect(fields[11]).toMatch(/^2\.\d/);
  });

  it('carries no patient segment', () => {
    expect(message).not.toMatch(/PID|NK1|PV1/);
  });

  it.each([['A|B'], ['A^B'], ['A~B'], ['A\\B'], ['A&B'], ['LINE\rBREAK'], ['']])('refuses %j, which would change the structure', (value) => {
    expect(() => hl7ProbeMessage({ ...addressing, receivingFacility: value })).toThrow(/HL7 probe receiving facility/);
  });
});

describe('mllpFrame', () => {
  it('wraps the message in 0x0B ... 0x1C 0x0D', () => {
    const frame = mllpFrame('MSH|x\r');
    expect([...frame]).toEqual([0x0b, ...Buffer.from('MSH|x\r'), 0x1c, 0x0d]);
  });

  it('frames the probe the same way', () => {
    const frame = hl7ProbeFrame(addressing);
    expect(frame[0]).toBe(0x0b);
    expect([...frame.subarray(-2)]).toEqual([0x1c, 0x0d]);
    expect(frame.subarray(1, -2).toString('latin1')).toBe(hl7ProbeMessage(addressing));
  });
});
