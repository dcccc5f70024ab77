/**
 * The library's defaults, in one place so that the documentation and the code cannot disagree.
 */

/** TCP port of the appliance's REST API v2 (its management port). */
export const DEFAULT_API_PORT = 9443;

/** Weight of a real server when none is given (the appliance's own default). */
export const DEFAULT_WEIGHT = 100;

/** Source IP persistence timeout at Layer 4 when none is given: 300 s, the appliance's default. */
export const DEFAULT_LAYER4_PERSISTENCE_SECONDS = 300;

/**
 * Source IP persistence timeout at Layer 7 when none is given: 30 minutes. The appliance's
 * Layer 7 default is "30", in minutes as far as public material shows (unverified).
 */
export const DEFAULT_LAYER7_PERSISTENCE_SECONDS = 1800;

/**
 * Layer 7 client and server inactivity timeout: one hour, so that a DICOM association that
 * sits idle between two C-STOREs of a long study is not cut.
 */
export const DEFAULT_LAYER7_IDLE_TIMEOUT_SECONDS = 3600;

/**
 * Health-check timing when none is given. A server that stops answering is out of rotation
 * after about interval × fall = 2 s (plus the timeout when it hangs rather than refuses), and
 * must pass 3 checks in a row (3 s) to come back, so a flapping server is not put back at once.
 * The price is one check a second per real server per VIP, which a PACS server bears easily.
 */
export const DEFAULT_CHECK_TIMING = {
  intervalSeconds: 1,
  timeoutSeconds: 2,
  rise: 3,
  fall: 2,
} as const;

/** HTTP(S) checks: path requested when none is given. */
export const DEFAULT_CHECK_PATH = '/';

/** HTTP(S) checks: status that means healthy when none is given. */
export const DEFAULT_CHECK_STATUS = 200;

/** DICOM check: called AE title when none is given. */
export const DEFAULT_CALLED_AE_TITLE = 'ANY-SCP';

/** DICOM check: calling AE title when none is given. */
export const DEFAULT_CALLING_AE_TITLE = 'PACSLB-CHECK';

/** HL7 check: sending application and facility when none is given. */
export const DEFAULT_HL7_SENDER = 'PACSLB';

/** HL7 check: receiving application and facility when none is given. */
export const DEFAULT_HL7_RECEIVER = 'PACS';

/** HTTP cookie persistence: cookie name when none is given. */
export const DEFAULT_COOKIE_NAME = 'SERVERID';

/** DICOM's registered port, and its port over TLS (IANA "dicom-tls"). */
export const DICOM_PORTS = { plain: 104, tls: 2762 } as const;

/** HL7 over MLLP: the registered port, and the TLS port Centricity PACS uses. */
export const HL7_PORTS = { plain: 2575, tls: 2576 } as const;
