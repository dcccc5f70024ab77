import { CheckScriptSource } from '../../spec/check-script-source';
import { ApplianceSpec } from '../../spec/virtual-service-spec';

/**
 * Every word of the appliance's lbcli vocabulary this project sends that public material does
 * not fix beyond doubt, and every value word, each under a stable key. A user with a real
 * appliance corrects a word without a new release: `lbcliOverrides` on the appliance construct
 * (carried in the appliance spec to the CLI), e.g. `{ "layer7.persistence.last-successful":
 * "fallback_persist" }`. Parameter names have keys too (`layer7.parameter.persist_time`): an
 * override renames the parameter. Rows marked `verified: false` are listed in the README.
 */
export interface LbcliWord {
  /** The word sent. */
  readonly word: string;
  /** Whether public material (the vendor's published lbcli help) confirms it. */
  readonly verified: boolean;
  /** What it is, for the README and error messages. */
  readonly meaning: string;
}

const word = (value: string, verified: boolean, meaning: string): LbcliWord => ({ word: value, verified, meaning });

/** The value words, by key. */
export const LBCLI_VALUE_WORDS: Record<string, LbcliWord> = {
  'layer4.forwarding.dr': word('gate', true, 'Layer 4 forwarding: direct routing'),
  'layer4.forwarding.nat': word('masq', true, 'Layer 4 forwarding: NAT'),
  'layer4.forwarding.snat': word('snat', true, 'Layer 4 forwarding: SNAT'),
  'layer4.check.http-get': word('negotiate', true, 'Layer 4 check_type of an HTTP GET check'),
  'layer4.check.https-get': word('negotiate', true, 'Layer 4 check_type of an HTTPS GET check'),
  'layer4.check.connect': word('connect', true, 'Layer 4 check_type of a TCP connect check'),
  'layer4.check.ping': word('ping', true, 'Layer 4 check_type of a ping check'),
  'layer4.check.external': word('external', true, 'Layer 4 check_type of a script check (DICOM, HL7, external)'),
  'layer4.check.none': word('off', true, 'Layer 4 check_type of no check'),
  'layer4.check-service.http-get': word('http', true, 'Layer 4 check_service of an HTTP GET check'),
  'layer4.check-service.https-get': word('https', true, 'Layer 4 check_service of an HTTPS GET check'),
  'layer7.check.http-get': word('negotiate_http', true, 'Layer 7 check_type of an HTTP GET check'),
  'layer7.check.https-get': word('negotiate_https', true, 'Layer 7 check_type of an HTTPS GET check'),
  'layer7.check.connect': word('connect', true, 'Layer 7 check_type of a TCP connect check'),
  'layer7.check.external': word('external', true, 'Layer 7 check_type of a script check (DICOM, HL7, external)'),
  'layer7.check.none': word('none', true, 'Layer 7 check_type of no check'),
  'layer7.persistence.none': word('none', true, 'Layer 7 persistence: none'),
  'layer7.persistence.source-ip': word('ip', true, 'Layer 7 persistence: source address'),
  'layer7.persistence.http-cookie': word('http', true, 'Layer 7 persistence: HTTP cookie'),
  'layer7.persistence.last-successful': word('last_successful', false, 'Layer 7 persistence: last successful (no such value in the published help of 2020-2022; the newer deployment guide names "Last successful")'),
  'layer7.persist-time.unit': word('minutes', false, 'unit of Layer 7 persist_time: "minutes" or "seconds"'),
  'layer7.timeout.unit': word('s', true, 'unit suffix of Layer 7 timeout_client / timeout_server (s, m, h)'),
  'layer7.send-proxy.proxy-v1': word('v1', true, 'Layer 7 send_proxy: PROXY protocol v1'),
  'layer7.send-proxy.proxy-v2': word('v2', true, 'Layer 7 send_proxy: PROXY protocol v2'),
  'layer7.send-proxy.none': word('none', true, 'Layer 7 send_proxy: off'),
  'check.dicom.appliance-script': word('dicom_echo.sh', false, 'file name of the appliance\'s own DICOM C-ECHO check script in its check folder'),
  'check.dicom.uploaded-prefix': word('pacs-lb-dicom-', true, 'file name prefix of the DICOM check scripts pacs-lb check-scripts writes (then the VIP name)'),
  'check.hl7.uploaded-prefix': word('pacs-lb-hl7-', true, 'file name prefix of the HL7 check scripts pacs-lb check-scripts writes (then the VIP name)'),
};

/** Where the appliance keeps external check scripts (confirmed by the vendor's help). */
export const APPLIANCE_CHECK_FOLDER = '/var/lib/loadbalancer.org/check/';

/** What an override value may be: one lbcli word, nothing a shell or a parameter list could misread. */
const OVERRIDE_FORMAT = /^[A-Za-z0-9_.:-]{1,64}$/;

/**
 * The words for one appliance: the table, with its overrides. `value` is for value words,
 * `parameter` for parameter names (keyed `layer4.parameter.<name>`, `layer7.parameter.<name>`,
 * `rip.parameter.<name>`).
 */
export class LbcliWords {
  /** The words of an appliance spec (its `lbcliOverrides`, checked: see {@link overrideProblems}). */
  public static of(appliance: ApplianceSpec | undefined): LbcliWords {
    return new LbcliWords(appliance?.lbcliOverrides ?? {}, appliance?.checkScripts ?? {});
  }

  private constructor(
    private readonly overrides: Record<string, string>,
    /** How the protocol check scripts get onto the appliance. */
    public readonly checkScripts: { readonly dicom?: CheckScriptSource; readonly hl7?: CheckScriptSource },
  ) {}

  /** A value word by key. */
  public value(key: string): string {
    const row = LBCLI_VALUE_WORDS[key];
    if (!row) throw new Error(`lbcli word ${key}: not in the table (a bug)`);
    return this.overrides[key] ?? row.word;
  }

  /** A parameter's name: the lbcli name, unless overridden. */
  public parameter(key: string, name: string): string {
    return this.overrides[key] ?? name;
  }
}

/**
 * Problems of an appliance's overrides: unknown keys (with the known ones named in the README)
 * and values that are not one lbcli word. Known keys: the value words and `parameterKeys`.
 */
export function overrideProblems(overrides: Record<string, string> | undefined, parameterKeys: string[]): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(overrides ?? {})) {
    if (!(key in LBCLI_VALUE_WORDS) && !parameterKeys.includes(key)) {
      problems.push(`lbcliOverrides: "${key}" is not a key of the lbcli mapping table. Use a key the README lists under "Correcting the appliance's vocabulary" (e.g. layer7.persistence.last-successful).`);
    } else if (typeof value !== 'string' || !OVERRIDE_FORMAT.test(value)) {
      problems.push(`lbcliOverrides: ${key}: "${String(value).slice(0, 40)}" is not one lbcli word. Use 1-64 letters, digits, "_", ".", ":" or "-".`);
    }
  }
  return problems;
}
