/**
 * The strict character sets of everything a user types that reaches an appliance command, a
 * shell, or a generated configuration file. Each format names itself in the error message, so
 * a user sees what is allowed. Nothing outside these sets reaches a renderer.
 */
export interface TextFormat {
  /** Words for the error message: what the value must look like. */
  readonly describe: string;
  /** The test. */
  readonly pattern: RegExp;
}

/** Names of appliances, VIPs and real servers: they become lbcli arguments and config section names. */
export const NAME_FORMAT: TextFormat = {
  describe: '1-64 characters: letters, digits, "_", "." and "-", starting with a letter or digit',
  pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/,
};

/** DICOM application entity titles. */
export const AE_TITLE_FORMAT: TextFormat = {
  describe: '1-16 characters: letters, digits, "_", "." and "-", with inner spaces allowed',
  pattern: /^(?=.{1,16}$)[A-Za-z0-9_.-]([A-Za-z0-9 _.-]*[A-Za-z0-9_.-])?$/,
};

/** HL7 MSH application and facility names. */
export const HL7_NAME_FORMAT: TextFormat = {
  describe: '1-40 characters: letters, digits, "_", "." and "-", with inner spaces allowed',
  pattern: /^(?=.{1,40}$)[A-Za-z0-9_.-]([A-Za-z0-9 _.-]*[A-Za-z0-9_.-])?$/,
};

/** Paths requested by HTTP(S) checks. */
export const HTTP_PATH_FORMAT: TextFormat = {
  describe: 'a path starting with "/", at most 255 characters of letters, digits and /._~%?&=+:-',
  pattern: /^\/[A-Za-z0-9/._~%?&=+:-]{0,254}$/,
};

/** Host headers sent by HTTP(S) checks. */
export const HOST_FORMAT: TextFormat = {
  describe: 'a DNS name such as pacs.example.org, optionally with :port',
  pattern: /^(?=.{1,253}(:\d{1,5})?$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*(:\d{1,5})?$/,
};

/** Text an HTTP(S) check expects in the body. */
export const EXPECT_TEXT_FORMAT: TextFormat = {
  describe: '1-128 characters: letters, digits, spaces and _.:/=-',
  pattern: /^[A-Za-z0-9 _.:/=-]{1,128}$/,
};

/** External check scripts on the load balancer. */
export const SCRIPT_PATH_FORMAT: TextFormat = {
  describe: 'an absolute path of letters, digits and _./- without ".."',
  pattern: /^(?!.*\.\.)\/[A-Za-z0-9_./-]{1,254}$/,
};

/**
 * The local HAProxy target's folder: HAProxy's master socket path inside it (`/master.sock`)
 * must fit the 107 bytes of a Unix socket address.
 */
export const LOCAL_FOLDER_FORMAT: TextFormat = {
  describe: 'an absolute path of at most 95 characters: letters, digits and _./- without ".."',
  pattern: /^(?!.*\.\.)\/[A-Za-z0-9_./-]{0,94}$/,
};

/** The local HAProxy target's executable: a program name on PATH or an absolute path. */
export const PROGRAM_FORMAT: TextFormat = {
  describe: 'a program name or an absolute path of letters, digits and _./- without ".."',
  pattern: /^(?!.*\.\.)(\/[A-Za-z0-9_./-]{1,254}|[A-Za-z0-9][A-Za-z0-9_.-]{0,63})$/,
};

/** Files on the load balancer (CA bundles). */
export const FILE_PATH_FORMAT: TextFormat = {
  describe: 'an absolute path of letters, digits and _./- without ".."',
  pattern: SCRIPT_PATH_FORMAT.pattern,
};

/** Linux network interface names (IFNAMSIZ: 15 characters). */
export const INTERFACE_FORMAT: TextFormat = {
  describe: '1-15 characters: letters, digits, "_", "." and "-", starting with a letter or digit (an alias label such as eth0:1 is not an interface)',
  pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{0,14}$/,
};

/** HTTP cookie names. */
export const COOKIE_NAME_FORMAT: TextFormat = {
  describe: '1-64 characters: letters, digits, "_" and "-"',
  pattern: /^[A-Za-z0-9_-]{1,64}$/,
};

/** Free-text descriptions: they appear in comments of generated files only. */
export const DESCRIPTION_FORMAT: TextFormat = {
  describe: 'one line of at most 200 printable characters',
  pattern: /^[^\x00-\x1f\x7f\u2028\u2029]{0,200}$/,
};

/** Whether a value is a string in the format. */
export function matches(format: TextFormat, value: unknown): boolean {
  return typeof value === 'string' && format.pattern.test(value);
}
