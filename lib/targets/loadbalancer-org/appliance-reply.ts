import { LbcliCommand } from '../../render/loadbalancer-org/lbcli-command';
import { DumpedConfig, DumpedRealServer, DumpedVip } from '../target-state';

/**
 * THE one place that reads the appliance's replies to `list`. Their shapes are not documented,
 * so every shape seen or plausibly sent is accepted, and what cannot be read is reported as
 * *not understood* (undefined), never guessed at. Understood:
 *
 * - this project's first shape: `{"lbapi":[{"status":"success","config":{"vips":[{"vip":…,
 *   "layer":"4",<parameters>,"rips":[{"rip":…,<parameters>,"state":…,"health":…}]}]}}]}`;
 * - `dumpconfig` as "the XML configuration as JSON", read the way a public third-party client
 *   reads it: `lbapi` → a list of lists → objects with a key spelled `itteration` → a list of
 *   objects keyed by section (`haproxy` = Layer 7, `ldirectord` = Layer 4) → `virtual` (one
 *   object or a list) with `label` and a `real` list whose items carry `server`;
 * - `list --function virtual --layer 4|7`: per layer, a result holding the VIPs under
 *   `virtual`, `vips` or `data`.
 *
 * In each, a VIP's name is `vip` or `label`, a real server's `rip`, `label` or `server`; its
 * real servers are under `rips`, `real` or `rip`. Numbers become text, booleans `on`/`off`;
 * fields left out stay absent (unknown).
 */

/** The reads, in the order tried: the whole configuration, then the VIPs of each layer. */
export const READ_COMMANDS = {
  /** `list --function dumpconfig`. */
  dumpconfig: [{ action: 'list', function: 'dumpconfig' }] as LbcliCommand[],
  /** `list --function virtual --layer 4` and `--layer 7`, in one request. */
  virtualByLayer: [
    { action: 'list', function: 'virtual', layer: '4' },
    { action: 'list', function: 'virtual', layer: '7' },
  ] as LbcliCommand[],
};

type Json = Record<string, unknown>;

const VIP_NAME_KEYS = ['vip', 'label'];
const RIP_NAME_KEYS = ['rip', 'label', 'server'];
const RIP_LIST_KEYS = ['rips', 'real', 'rip'];
const VIP_LIST_KEYS = ['virtual', 'vips', 'data'];
const SECTION_LAYERS: Record<string, number> = { ldirectord: 4, haproxy: 7 };

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);

/** A reported value as text: numbers as written, booleans as `on`/`off`; anything else is not a value. */
function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  return undefined;
}

function firstText(item: Json, keys: string[]): string | undefined {
  for (const key of keys) {
    const text = scalar(item[key]);
    if (text !== undefined && text !== '') return text;
  }
  return undefined;
}

function firstList(item: Json, keys: string[]): unknown[] | undefined {
  const key = keys.find((k) => item[k] !== undefined && typeof item[k] !== 'string');
  return key === undefined ? undefined : asList(item[key]);
}

/** Every scalar field but the ones named, as text. */
function parametersOf(item: Json, leaveOut: string[]): Record<string, string> {
  const parameters: Record<string, string> = {};
  for (const [key, value] of Object.entries(item)) {
    const text = scalar(value);
    if (!leaveOut.includes(key) && text !== undefined) parameters[key] = text;
  }
  return parameters;
}

function readRealServer(value: unknown): DumpedRealServer | undefined {
  if (!isObject(value)) return undefined;
  const name = firstText(value, RIP_NAME_KEYS);
  if (name === undefined) return undefined;
  const state = scalar(value.state)?.toLowerCase();
  const health = scalar(value.health);
  return { name, parameters: parametersOf(value, [...RIP_NAME_KEYS, 'state', 'health']), ...(state ? { state } : {}), ...(health ? { health } : {}) };
}

function readLayer(value: unknown): number | undefined {
  const layer = Number(scalar(value));
  return layer === 4 || layer === 7 ? layer : undefined;
}

/** One VIP object; undefined when it has no name or a real server cannot be read. */
function readVip(value: unknown, layer: number | undefined): DumpedVip | undefined {
  if (!isObject(value)) return undefined;
  const name = firstText(value, VIP_NAME_KEYS);
  if (name === undefined) return undefined;
  const realServers = (firstList(value, RIP_LIST_KEYS) ?? []).map(readRealServer);
  if (realServers.some((r) => r === undefined)) return undefined;
  const reportedLayer = readLayer(value.layer) ?? layer;
  return {
    name,
    ...(reportedLayer ? { layer: reportedLayer } : {}),
    parameters: { ...parametersOf(value, [...VIP_NAME_KEYS, ...RIP_LIST_KEYS, 'layer']), vip: name },
    realServers: realServers as DumpedRealServer[],
  };
}

/** A list of VIP objects, or undefined when any of them cannot be read. */
function readVips(values: unknown[], layer: number | undefined): DumpedVip[] | undefined {
  const vips = values.map((v) => readVip(v, layer));
  return vips.some((v) => v === undefined) ? undefined : (vips as DumpedVip[]);
}

/** The command results of a reply (`lbapi` or `lbcli`, one object or a list). */
function results(body: unknown): unknown[] {
  if (!isObject(body)) return [];
  return asList(body.lbapi ?? body.lbcli);
}

const succeeded = (result: Json) => String(result.status ?? 'success').toLowerCase() === 'success';

/** The project's first shape: a result with `config.vips`. */
function readConfigShape(body: unknown): DumpedConfig | undefined {
  const [result] = results(body);
  if (!isObject(result) || !succeeded(result) || !isObject(result.config) || !Array.isArray(result.config.vips)) return undefined;
  const vips = readVips(result.config.vips, undefined);
  return vips && { vips };
}

/** "XML as JSON": lbapi → lists → `itteration` → sections → `virtual`. */
function readXmlShape(body: unknown): DumpedConfig | undefined {
  const iterations = results(body).flatMap(asList).filter((item): item is Json => isObject(item) && item.itteration !== undefined);
  if (iterations.length === 0) return undefined;
  const vips: DumpedVip[] = [];
  for (const section of iterations.flatMap((i) => asList(i.itteration))) {
    if (!isObject(section)) continue;
    for (const [key, content] of Object.entries(section)) {
      const layer = SECTION_LAYERS[key];
      if (layer === undefined || !isObject(content)) continue;
      const found = readVips(asList(content.virtual), layer);
      if (!found) return undefined;
      vips.push(...found);
    }
  }
  return { vips };
}

/** The reply to `list --function dumpconfig`, in any shape understood; undefined when none fits. */
export function readDumpConfigReply(body: unknown): DumpedConfig | undefined {
  return readConfigShape(body) ?? readXmlShape(body);
}

/** The reply to the two `list --function virtual` reads ({@link READ_COMMANDS}); undefined when not understood. */
export function readVirtualListReply(body: unknown): DumpedConfig | undefined {
  const answers = results(body);
  if (answers.length !== READ_COMMANDS.virtualByLayer.length) return undefined;
  const vips: DumpedVip[] = [];
  for (const [i, answer] of answers.entries()) {
    if (!isObject(answer) || !succeeded(answer)) return undefined;
    const list = firstList(answer, VIP_LIST_KEYS);
    const found = list && readVips(list, Number(READ_COMMANDS.virtualByLayer[i].layer));
    if (!found) return undefined;
    vips.push(...found);
  }
  return { vips };
}
