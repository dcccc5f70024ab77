import { Hl7Addressing } from '../../spec/resolved-virtual-service';

/**
 * The bytes of the HL7 v2 health check: a small message without patient data, framed for MLLP
 * (minimal lower layer protocol). The receiver is healthy when its acknowledgement carries
 * `MSA|AA` (application accept). Pure functions, shared by the HAProxy `tcp-check` sequence and
 * the keepalived MISC_CHECK script.
 */

/** MLLP start of block (vertical tab). */
export const MLLP_START = 0x0b;
/** MLLP end of block (file separator), followed by {@link MLLP_CARRIAGE_RETURN}. */
export const MLLP_END = 0x1c;
/** The carriage return that closes an MLLP block and ends every HL7 segment. */
export const MLLP_CARRIAGE_RETURN = 0x0d;

/** What a healthy receiver's acknowledgement contains: MSA-1 = AA, application accept. */
export const HL7_ACCEPT_MARKER = 'MSA|AA';

/** Message type of the probe: a network management query, which carries no patient data. */
export const HL7_PROBE_MESSAGE_TYPE = 'NMQ^N01';
/** Message control id of the probe, echoed in MSA-2 of the acknowledgement. */
export const HL7_PROBE_CONTROL_ID = 'PACSLB-CHECK';
/** HL7 version the probe declares. */
export const HL7_PROBE_VERSION = '2.5';
/**
 * MSH-7 date/time of the probe. Fixed, so the rendered configuration is the same on every
 * synth; receivers do not reject a message for its age.
 */
export const HL7_PROBE_TIMESTAMP = '20000101000000';

/** HL7 delimiters and control characters are refused: they would change the message's structure. */
function hl7Field(value: string, field: string): string {
  if (!/^[\x20-\x7e]{1,40}$/.test(value) || /[|^~\\&]/.test(value)) {
    throw new Error(`HL7 probe ${field} "${value}" is not 1-40 printable characters free of |^~\\&. Use a plain application or facility name.`);
  }
  return value;
}

/**
 * The probe message as text: one MSH segment ending in a carriage return, e.g.
 * `MSH|^~\&|PACSLB|PACSLB|PACS|PACS|20000101000000||NMQ^N01|PACSLB-CHECK|P|2.5\r`.
 */
export function hl7ProbeMessage(addressing: Hl7Addressing): string {
  const fields = [
    'MSH',
    '^~\\&',
    hl7Field(addressing.sendingApplication, 'sending application'),
    hl7Field(addressing.sendingFacility, 'sending facility'),
    hl7Field(addressing.receivingApplication, 'receiving application'),
    hl7Field(addressing.receivingFacility, 'receiving facility'),
    HL7_PROBE_TIMESTAMP,
    '',
    HL7_PROBE_MESSAGE_TYPE,
    HL7_PROBE_CONTROL_ID,
    'P',
    HL7_PROBE_VERSION,
  ];
  return `${fields.join('|')}\r`;
}

/** A message framed for MLLP: `0x0B`, the message, `0x1C 0x0D`. */
export function mllpFrame(message: string): Buffer {
  return Buffer.concat([Buffer.from([MLLP_START]), Buffer.from(message, 'latin1'), Buffer.from([MLLP_END, MLLP_CARRIAGE_RETURN])]);
}

/** The probe as it goes on the wire: {@link hl7ProbeMessage} framed by {@link mllpFrame}. */
export function hl7ProbeFrame(addressing: Hl7Addressing): Buffer {
  return mllpFrame(hl7ProbeMessage(addressing));
}
