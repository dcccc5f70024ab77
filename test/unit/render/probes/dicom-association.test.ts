import { describe, expect, it } from 'vitest';
import {
  CHECK_IMPLEMENTATION_CLASS_UID,
  dicomAssociateRequest,
  dicomReleaseRequest,
} from '../../../../lib/render/probes/dicom-association';

/** An item as PS3.8 lays it out: type, reserved byte, 2-byte length, value. */
interface Item {
  itemType: number;
  reserved: number;
  value: Buffer;
}

/** Splits a run of items, checking every declared length against the bytes present. */
function readItems(bytes: Buffer): Item[] {
  const items: Item[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const length = bytes.readUInt16BE(offset + 2);
    expect(offset + 4 + length).toBeLessThanOrEqual(bytes.length);
    items.push({ itemType: bytes[offset], reserved: bytes[offset + 1], value: bytes.subarray(offset + 4, offset + 4 + length) });
    offset += 4 + length;
  }
  expect(offset).toBe(bytes.length);
  return items;
}

describe('dicomAssociateRequest', () => {
  const request = dicomAssociateRequest('ARCHIVE', 'PACSLB-CHECK');

  it('is an A-ASSOCIATE-RQ PDU whose length field covers exactly the rest', () => {
    expect(request[0]).toBe(0x01);
    expect(request[1]).toBe(0x00);
    expect(request.readUInt32BE(2)).toBe(request.length - 6);
  });

  it('carries protocol version 1, space-padded AE titles and 32 reserved zero bytes', () => {
    expect(request.readUInt16BE(6)).toBe(0x0001);
    expect(request.readUInt16BE(8)).toBe(0);
    expect(request.subarray(10, 26).toString('ascii')).toBe('ARCHIVE         ');
    expect(request.subarray(26, 42).toString('ascii')).toBe('PACSLB-CHECK    ');
    expect(request.subarray(42, 74).every((b) => b === 0)).toBe(true);
  });

  it('proposes the DICOM application context, Verification in Implicit VR Little Endian, and user information', () => {
    const items = readItems(request.subarray(74));
    expect(items.map((i) => i.itemType)).toEqual([0x10, 0x20, 0x50]);
    expect(items.every((i) => i.reserved === 0)).toBe(true);
    expect(items[0].value.toString('ascii')).toBe('1.2.840.10008.3.1.1.1');

    const context = items[1].value;
    expect(context[0] % 2).toBe(1);
    expect([...context.subarray(1, 4)]).toEqual([0, 0, 0]);
    const [abstractSyntax, transferSyntax] = readItems(context.subarray(4));
    expect(abstractSyntax.itemType).toBe(0x30);
    expect(abstractSyntax.value.toString('ascii')).toBe('1.2.840.10008.1.1');
    expect(transferSyntax.itemType).toBe(0x40);
    expect(transferSyntax.value.toString('ascii')).toBe('1.2.840.10008.1.2');

    const [maxLength, implementationClass] = readItems(items[2].value);
    expect(maxLength.itemType).toBe(0x51);
    expect(maxLength.value.readUInt32BE(0)).toBe(16384);
    expect(implementationClass.itemType).toBe(0x52);
    expect(implementationClass.value.toString('ascii')).toBe(CHECK_IMPLEMENTATION_CLASS_UID);
  });

  it('uses a valid UID as its implementation class (digits and dots, at most 64 characters, no leading zeros)', () => {
    expect(CHECK_IMPLEMENTATION_CLASS_UID.length).toBeLessThanOrEqual(64);
    expect(CHECK_IMPLEMENTATION_CLASS_UID).toMatch(/^(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))*$/);
  });

  it('accepts a 16-character title with an inner space and is deterministic', () => {
    const a = dicomAssociateRequest('MY ARCHIVE 12345', 'LB');
    expect(a.subarray(10, 26).toString('ascii')).toBe('MY ARCHIVE 12345');
    expect(a.equals(dicomAssociateRequest('MY ARCHIVE 12345', 'LB'))).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['SEVENTEEN-CHARSXX', 'too long'],
    ['BACK\\SLASH', 'a backslash'],
    ['NEW\nLINE', 'a control character'],
    ['    ', 'only spaces'],
  ])('refuses the AE title %j (%s)', (title) => {
    expect(() => dicomAssociateRequest(title, 'LB')).toThrow(/Called AE title .* Use a valid AE title\./s);
    expect(() => dicomAssociateRequest('ARCHIVE', title)).toThrow(/Calling AE title/);
  });
});

describe('dicomReleaseRequest', () => {
  it('is A-RELEASE-RQ 05 00 00000004 00000000', () => {
    expect(dicomReleaseRequest().toString('hex')).toBe('05000000000400000000');
  });
});
