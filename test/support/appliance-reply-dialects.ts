/**
 * FIXTURES: the reply dialects the appliance contract double (appliance-double.ts) can speak
 * when asked to read its configuration. None is a captured reply of a real appliance (none is
 * public); each is a plausible shape the vendor's published lbcli help allows, kept so that
 * every one stays understood (or, for `opaque`, safely not understood):
 *
 * - `project`: this project's first shape (every parameter as sent, `layer`, `state`, `health`);
 * - `sparse`: the same shape as an appliance might really fill it: no `layer`, numbers as
 *   numbers, `on`/`off` as booleans, Layer 7 timeouts as milliseconds, defaults left out
 *   (weight 100, Layer 4 persist_time 300, state online), no health;
 * - `xml-json`: `dumpconfig` as "the XML configuration as JSON": `lbapi` → list of lists →
 *   `itteration` → sections (`ldirectord` Layer 4, `haproxy` Layer 7) → `virtual` with `label`
 *   and a `real` list whose items carry `server`; timeouts as `1h`; defaults left out;
 * - `virtual-list`: `dumpconfig` is refused ("unknown function"); `list --function virtual
 *   --layer 4|7` answers the VIPs of that layer under `virtual`;
 * - `opaque`: every read answers `success` with an XML string nobody can parse here: the
 *   client must fall back to writing without reading.
 */

/** The dialect names. */
export const REPLY_DIALECTS = ['project', 'sparse', 'xml-json', 'virtual-list', 'opaque'] as const;

/** One dialect. */
export type ReplyDialect = (typeof REPLY_DIALECTS)[number];

/** The dialects whose replies report values (all but `opaque`). */
export const READABLE_DIALECTS: ReplyDialect[] = ['project', 'sparse', 'xml-json', 'virtual-list'];

/** One stored real server of the double. */
export interface StoredRip {
  /** Its add-rip/edit-rip parameters, as received. */
  readonly parameters: Record<string, string>;
  /** online, drain or halt. */
  readonly state: string;
}

/** One stored VIP of the double. */
export interface StoredVipView {
  /** Its add-vip/edit-vip parameters, as received (vip and layer included). */
  readonly parameters: Record<string, string>;
  /** Its real servers. */
  readonly realServers: Map<string, StoredRip>;
}

type Json = Record<string, unknown>;

const DEFAULTS: Record<string, string> = { weight: '100' };
const LAYER4_DEFAULTS: Record<string, string> = { persist_time: '300' };

/** The sparse form of a value: a number for digits, a boolean for on/off. */
function typed(value: string): unknown {
  if (value === 'on' || value === 'off') return value === 'on';
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/** `3600s` as milliseconds (sparse) or hours (xml-json). */
function timeout(value: string, style: 'ms' | 'h'): unknown {
  const match = /^(\d+)s$/.exec(value);
  if (!match) return value;
  const seconds = Number(match[1]);
  return style === 'ms' ? seconds * 1000 : seconds % 3600 === 0 ? `${seconds / 3600}h` : value;
}

function sparseFields(parameters: Record<string, string>, leaveOut: string[], defaults: Record<string, string>, timeouts: 'ms' | 'h'): Json {
  const fields: Json = {};
  for (const [key, value] of Object.entries(parameters)) {
    if (leaveOut.includes(key) || defaults[key] === value) continue;
    fields[key] = key.startsWith('timeout_') ? timeout(value, timeouts) : typed(value);
  }
  return fields;
}

function projectVip(vip: StoredVipView): Json {
  return {
    ...vip.parameters,
    rips: [...vip.realServers.values()].map((rip) => ({ ...rip.parameters, state: rip.state, health: rip.state === 'online' ? 'up' : rip.state })),
  };
}

function sparseVip(vip: StoredVipView): Json {
  const layerDefaults = vip.parameters.layer === '4' ? LAYER4_DEFAULTS : {};
  return {
    ...sparseFields(vip.parameters, ['layer'], layerDefaults, 'ms'),
    rips: [...vip.realServers.values()].map((rip) => ({
      ...sparseFields(rip.parameters, ['vip'], DEFAULTS, 'ms'),
      ...(rip.state === 'online' ? {} : { state: rip.state }),
    })),
  };
}

function xmlVip(vip: StoredVipView): Json {
  const layerDefaults = vip.parameters.layer === '4' ? LAYER4_DEFAULTS : {};
  return {
    label: vip.parameters.vip,
    ...sparseFields(vip.parameters, ['vip', 'layer'], layerDefaults, 'h'),
    real: [...vip.realServers.values()].map((rip) => ({
      server: rip.parameters.rip,
      ...sparseFields(rip.parameters, ['vip', 'rip'], DEFAULTS, 'h'),
      ...(rip.state === 'online' ? {} : { state: rip.state }),
    })),
  };
}

/**
 * The result (or, for xml-json, the whole reply list) a dialect answers to one `list` command;
 * `undefined` result status means the command is refused with the given message.
 */
export function listAnswer(dialect: ReplyDialect, command: Record<string, string>, vips: StoredVipView[], replyKey: string): { body?: unknown; result?: Json } {
  const ofLayer = (layer: string) => vips.filter((v) => v.parameters.layer === layer);
  const failed = (message: string) => ({ result: { action: 'list', status: 'failed', message } });
  if (dialect === 'opaque') return { result: { action: 'list', status: 'success', config: '<lbconfig><virtual>...</virtual></lbconfig>' } };
  if (command.function === 'virtual') {
    if (dialect !== 'virtual-list') return failed('unknown list function');
    return { result: { action: 'list', status: 'success', virtual: ofLayer(command.layer).map(projectVip) } };
  }
  if (command.function !== 'dumpconfig') return failed('unknown list function');
  switch (dialect) {
    case 'project':
      return { result: { action: 'list', status: 'success', config: { vips: vips.map(projectVip) } } };
    case 'sparse':
      return { result: { action: 'list', status: 'success', config: { vips: vips.map(sparseVip) } } };
    case 'xml-json':
      return { body: { [replyKey]: [[{ itteration: [{ ldirectord: { virtual: ofLayer('4').map(xmlVip) } }, { haproxy: { virtual: ofLayer('7').map(xmlVip) } }] }]] } };
    default:
      return failed('unknown list function');
  }
}
