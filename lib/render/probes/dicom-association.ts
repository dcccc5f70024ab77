/**
 * The bytes of the DICOM association health check (DICOM PS3.8, upper layer protocol): an
 * A-ASSOCIATE-RQ proposing the Verification SOP class, answered by A-ASSOCIATE-AC when the
 * archive accepts, then an A-RELEASE-RQ to end the association politely. Pure functions, shared
 * by the HAProxy `tcp-check` sequence and the keepalived MISC_CHECK script.
 */

/** The first byte of each upper-layer PDU the check sends or reads. */
export const DICOM_PDU_TYPE = {
  /** A-ASSOCIATE-RQ: the check asks for an association. */
  associateRequest: 0x01,
  /** A-ASSOCIATE-AC: the archive accepts (healthy). */
  associateAccept: 0x02,
  /** A-ASSOCIATE-RJ: the archive is up but refuses the association (unhealthy). */
  associateReject: 0x03,
  /** A-RELEASE-RQ: the check ends the association. */
  releaseRequest: 0x05,
  /** A-RELEASE-RP: the archive confirms the release. */
  releaseResponse: 0x06,
  /** A-ABORT: either side gives up. */
  abort: 0x07,
} as const;

/** DICOM Application Context Name. */
export const DICOM_APPLICATION_CONTEXT_UID = '1.2.840.10008.3.1.1.1';
/** Verification SOP class (C-ECHO), the abstract syntax the check proposes. */
export const VERIFICATION_SOP_CLASS_UID = '1.2.840.10008.1.1';
/** Implicit VR Little Endian, the transfer syntax every DICOM peer must accept. */
export const IMPLICIT_VR_LITTLE_ENDIAN_UID = '1.2.840.10008.1.2';
/**
 * The check's implementation class UID (a UUID-derived `2.25.` UID, which needs no registered
 * root). Some archives refuse an association without one.
 */
export const CHECK_IMPLEMENTATION_CLASS_UID = '2.25.225153664224945658068903963762994415551';
/** Largest P-DATA PDU the check says it can receive. */
export const CHECK_MAX_PDU_LENGTH = 16384;
/** The presentation context id the check proposes (odd, as the standard requires). */
export const CHECK_PRESENTATION_CONTEXT_ID = 1;

const PROTOCOL_VERSION = 0x0001;
const AE_TITLE_LENGTH = 16;

/** An item: type byte, a reserved zero byte, a 2-byte big-endian length, the value. */
function item(itemType: number, value: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt8(itemType, 0);
  header.writeUInt16BE(value.length, 2);
  return Buffer.concat([header, value]);
}

/** A PDU: type byte, a reserved zero byte, a 4-byte big-endian length, the body. */
function pdu(pduType: number, body: Buffer): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt8(pduType, 0);
  header.writeUInt32BE(body.length, 2);
  return Buffer.concat([header, body]);
}

/** An AE title as the PDU carries it: 16 bytes of ASCII, padded with spaces. */
function aeTitleField(title: string, role: string): Buffer {
  if (!/^[\x20-\x5b\x5d-\x7e]{1,16}$/.test(title) || title.trim() === '') {
    throw new Error(`${role} AE title "${title}" is not 1-16 printable characters without a backslash. Use a valid AE title.`);
  }
  return Buffer.from(title.padEnd(AE_TITLE_LENGTH, ' '), 'ascii');
}

function uint32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value, 0);
  return bytes;
}

/**
 * The A-ASSOCIATE-RQ PDU the check sends: called and calling AE titles, the DICOM application
 * context, one presentation context (Verification SOP class, Implicit VR Little Endian) and
 * user information (maximum length and the check's implementation class UID).
 */
export function dicomAssociateRequest(calledAeTitle: string, callingAeTitle: string): Buffer {
  const presentationContext = Buffer.concat([
    Buffer.from([CHECK_PRESENTATION_CONTEXT_ID, 0, 0, 0]),
    item(0x30, Buffer.from(VERIFICATION_SOP_CLASS_UID, 'ascii')),
    item(0x40, Buffer.from(IMPLICIT_VR_LITTLE_ENDIAN_UID, 'ascii')),
  ]);
  const userInformation = Buffer.concat([
    item(0x51, uint32(CHECK_MAX_PDU_LENGTH)),
    item(0x52, Buffer.from(CHECK_IMPLEMENTATION_CLASS_UID, 'ascii')),
  ]);
  const versionAndReserved = Buffer.alloc(4);
  versionAndReserved.writeUInt16BE(PROTOCOL_VERSION, 0);
  return pdu(
    DICOM_PDU_TYPE.associateRequest,
    Buffer.concat([
      versionAndReserved,
      aeTitleField(calledAeTitle, 'Called'),
      aeTitleField(callingAeTitle, 'Calling'),
      Buffer.alloc(32),
      item(0x10, Buffer.from(DICOM_APPLICATION_CONTEXT_UID, 'ascii')),
      item(0x20, presentationContext),
      item(0x50, userInformation),
    ]),
  );
}

/** The A-RELEASE-RQ PDU that ends the check's association: `05 00 00000004 00000000`. */
export function dicomReleaseRequest(): Buffer {
  return pdu(DICOM_PDU_TYPE.releaseRequest, Buffer.alloc(4));
}
