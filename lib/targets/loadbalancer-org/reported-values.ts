import { LbcliCommand } from '../../render/loadbalancer-org/lbcli-command';

/**
 * How a value the appliance reports is compared with the value this project would send, so
 * that the same setting written differently is not a difference: `3600s`, `1h` and `3600000`
 * (HAProxy reads a bare number as milliseconds) are one timeout; `on`, `true`, `1` and `yes`
 * are one switch; `100` and `100.0` one number; `TCP` and `tcp` one word.
 *
 * A parameter the reply leaves out is read as the appliance's documented default where there
 * is one (a reply may omit defaults); where there is none it is *unknown*, and unknown is never
 * a difference.
 */

/** Which parameters are durations: a bare number is milliseconds, as HAProxy reads it. */
const DURATION_PARAMETERS = ['timeout_client', 'timeout_server'];

/** The appliance's defaults, as its published help states them, by command kind (`vip4`, `vip7`, `rip`). */
export const APPLIANCE_DEFAULTS: Record<string, Record<string, string>> = {
  vip4: { persist_time: '300' },
  vip7: { timeout_client: '12h', timeout_server: '12h' },
  rip: { weight: '100' },
};

const DURATION_UNITS_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const SWITCH_WORDS: Record<string, string> = { on: 'on', true: 'on', yes: 'on', 1: 'on', off: 'off', false: 'off', no: 'off', 0: 'off' };

/** A duration as milliseconds: a bare number is milliseconds, as HAProxy reads it; undefined when not a duration. */
export function durationMs(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/.exec(text);
  return match ? Number(match[1]) * DURATION_UNITS_MS[match[2] ?? 'ms'] : undefined;
}

/** One comparable form of a value: durations in ms, switches as on/off, numbers canonical, words lower-case. */
function canonical(parameter: string, text: string): string {
  const trimmed = text.trim().toLowerCase();
  if (DURATION_PARAMETERS.includes(parameter)) {
    const ms = durationMs(trimmed);
    if (ms !== undefined) return `${ms}ms`;
  }
  if (trimmed !== '' && Number.isFinite(Number(trimmed))) return String(Number(trimmed));
  return trimmed;
}

function sameSwitch(desired: string, reported: string): boolean | undefined {
  if (desired !== 'on' && desired !== 'off') return undefined;
  const word = SWITCH_WORDS[reported.trim().toLowerCase()];
  return word === undefined ? undefined : word === desired;
}

/** The defaults that apply to a command: `add-vip`/`edit-vip` by layer, `add-rip`/`edit-rip`. */
function defaultsFor(command: LbcliCommand): Record<string, string> {
  if (command.action.endsWith('-rip')) return APPLIANCE_DEFAULTS.rip;
  return APPLIANCE_DEFAULTS[`vip${command.layer}`] ?? {};
}

/** Whether one reported value (absent = left out of the reply) means the desired one. */
export function sameValue(parameter: string, desired: string, reported: string | undefined, defaults: Record<string, string> = {}): boolean {
  const value = reported ?? defaults[parameter];
  if (value === undefined) return true; // unknown: never a difference
  return sameSwitch(desired, value) ?? canonical(parameter, desired) === canonical(parameter, value);
}

/**
 * The parameters of a command whose reported value differs from the one it carries (`action`
 * and `layer` aside: the layer is checked on its own). Empty when the appliance already matches.
 */
export function differingParameters(command: LbcliCommand, reported: Record<string, string>): string[] {
  const defaults = defaultsFor(command);
  return Object.entries(command)
    .filter(([key]) => key !== 'action' && key !== 'layer')
    .filter(([key, value]) => !sameValue(key, value, reported[key], defaults))
    .map(([key]) => key);
}
