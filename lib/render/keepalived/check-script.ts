import { generatedHeader } from '../generated-header';
import { DICOM_PDU_TYPE, dicomReleaseRequest } from '../probes/dicom-association';
import { HL7_ACCEPT_MARKER, MLLP_END } from '../probes/hl7-mllp-probe';

/**
 * Where keepalived expects the bundled check script on the load balancer. The rendered
 * `keepalived.conf` names this path; `checks/pacs-lb-check` in the output folder is the file to
 * install there (root-owned, mode 0755: keepalived's script security refuses anything else).
 */
export const CHECK_SCRIPT_INSTALL_PATH = '/usr/local/lib/pacs-lb/pacs-lb-check';

/** The check script's modes, as its first argument. */
export const CHECK_MODE = {
  /** `ping HOST TIMEOUT`: one ICMP echo. */
  ping: 'ping',
  /** `dicom HOST PORT TIMEOUT REQUEST_HEX`: A-ASSOCIATE-RQ, healthy on A-ASSOCIATE-AC. */
  dicom: 'dicom',
  /** `hl7 HOST PORT TIMEOUT FRAME_HEX`: an MLLP-framed message, healthy when the ACK holds `MSA|AA`. */
  hl7: 'hl7',
} as const;

function hexByte(value: number): string {
  return value.toString(16).padStart(2, '0');
}

/**
 * The bundled MISC_CHECK script that keepalived runs for ping, DICOM association and HL7 MLLP
 * checks. keepalived splits `misc_path` into separate arguments itself and runs the script
 * without a shell; the script checks every argument against a strict pattern before use.
 * The probe bytes come as hex arguments, rendered from `lib/render/probes`, so this script holds
 * no copy of the DICOM or HL7 encoding. Needs bash (for `/dev/tcp`), coreutils, and for `ping`
 * iputils-ping. Exit status 0 = healthy, 1 = unhealthy, 2 = wrong arguments.
 */
export function renderCheckScript(): string {
  const release = dicomReleaseRequest().toString('hex');
  return [
    '#!/bin/bash',
    ...generatedHeader('#', 'Health check script that keepalived runs as MISC_CHECK (ping, DICOM association, HL7 MLLP)'),
    `# Install as ${CHECK_SCRIPT_INSTALL_PATH}, owned by root, mode 0755.`,
    '#',
    '# Usage:',
    '#   pacs-lb-check ping  HOST TIMEOUT',
    '#   pacs-lb-check dicom HOST PORT TIMEOUT REQUEST_HEX   (healthy on A-ASSOCIATE-AC)',
    `#   pacs-lb-check hl7   HOST PORT TIMEOUT FRAME_HEX     (healthy when the acknowledgement holds ${HL7_ACCEPT_MARKER})`,
    '# Exit status: 0 healthy, 1 unhealthy, 2 wrong arguments. Every argument is checked before use.',
    'set -u',
    '',
    'fail() { echo "pacs-lb-check: $*" >&2; exit 1; }',
    'usage() { echo "pacs-lb-check: $*" >&2; exit 2; }',
    '',
    '[ $# -ge 1 ] || usage "no mode given"',
    'mode=$1',
    'shift',
    '',
    '# Arguments: strict patterns, nothing else reaches a command.',
    "valid_host() { [[ $1 =~ ^[0-9A-Fa-f.:]{2,45}$ ]]; }",
    "valid_number() { [[ $1 =~ ^[1-9][0-9]{0,4}$ ]] && [ \"$1\" -le 65535 ]; }",
    "valid_hex() { [[ $1 =~ ^[0-9a-f]+$ ]] && [ $((${#1} % 2)) -eq 0 ] && [ ${#1} -le 8192 ]; }",
    '',
    '# Runs the rest of the script under a time limit: the script re-executes itself once, inside timeout.',
    'limit_time() {',
    '  if [ -z "${PACS_LB_CHECK_TIMED:-}" ]; then',
    '    PACS_LB_CHECK_TIMED=1 exec timeout --kill-after=1 "$1" "$BASH" "$0" "$mode" "${@:2}"',
    '  fi',
    '}',
    '',
    '# Writes hex-encoded bytes to the connection (file descriptor 3).',
    "send_hex() { printf \"$(printf '%s' \"$1\" | sed 's/../\\\\x&/g')\" >&3; }",
    '',
    '# Reads exactly N bytes from the connection, printed as hex (fewer when the peer closes).',
    "read_hex() { dd bs=1 count=\"$1\" <&3 2>/dev/null | od -An -v -tx1 | tr -d ' \\n'; }",
    '',
    'connect() { exec 3<>"/dev/tcp/$1/$2" || fail "cannot connect to $1 port $2"; }',
    '',
    'case $mode in',
    `  ${CHECK_MODE.ping})`,
    '    [ $# -eq 2 ] || usage "ping needs HOST TIMEOUT"',
    '    valid_host "$1" || usage "bad host"',
    '    valid_number "$2" || usage "bad timeout"',
    '    exec ping -n -q -c 1 -W "$2" "$1" >/dev/null',
    '    ;;',
    `  ${CHECK_MODE.dicom})`,
    '    [ $# -eq 4 ] || usage "dicom needs HOST PORT TIMEOUT REQUEST_HEX"',
    '    valid_host "$1" || usage "bad host"',
    '    valid_number "$2" || usage "bad port"',
    '    valid_number "$3" || usage "bad timeout"',
    '    valid_hex "$4" || usage "bad request"',
    '    limit_time "$3" "$@"',
    '    connect "$1" "$2"',
    '    send_hex "$4"',
    '    header=$(read_hex 6)',
    '    [ ${#header} -eq 12 ] || fail "no answer to the association request"',
    '    pdu_type=${header:0:2}',
    '    length=$((16#${header:4:8}))',
    `    [ "$pdu_type" = "${hexByte(DICOM_PDU_TYPE.associateReject)}" ] && fail "association rejected (A-ASSOCIATE-RJ)"`,
    `    [ "$pdu_type" = "${hexByte(DICOM_PDU_TYPE.abort)}" ] && fail "association aborted (A-ABORT)"`,
    `    [ "$pdu_type" = "${hexByte(DICOM_PDU_TYPE.associateAccept)}" ] || fail "unexpected PDU type $pdu_type"`,
    '    [ "$length" -le 65536 ] || fail "association accept too long"',
    '    read_hex "$length" >/dev/null',
    '    # Healthy. End the association politely: A-RELEASE-RQ, then wait for the A-RELEASE-RP.',
    `    send_hex ${release}`,
    '    read_hex 10 >/dev/null',
    '    exit 0',
    '    ;;',
    `  ${CHECK_MODE.hl7})`,
    '    [ $# -eq 4 ] || usage "hl7 needs HOST PORT TIMEOUT FRAME_HEX"',
    '    valid_host "$1" || usage "bad host"',
    '    valid_number "$2" || usage "bad port"',
    '    valid_number "$3" || usage "bad timeout"',
    '    valid_hex "$4" || usage "bad message"',
    '    limit_time "$3" "$@"',
    '    connect "$1" "$2"',
    '    send_hex "$4"',
    `    IFS= read -r -d $'\\x${hexByte(MLLP_END)}' -u 3 acknowledgement || fail "no complete acknowledgement"`,
    `    [[ $acknowledgement == *'${HL7_ACCEPT_MARKER}'* ]] || fail "acknowledgement is not ${HL7_ACCEPT_MARKER}"`,
    '    exit 0',
    '    ;;',
    '  *)',
    '    usage "unknown mode $mode"',
    '    ;;',
    'esac',
    '',
  ].join('\n');
}
