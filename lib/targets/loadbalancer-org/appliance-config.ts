import { CliError, EXIT } from '../../cli/exit-codes';

/**
 * What `list` with `function: dumpconfig` returns, as this project reads it. UNVERIFIED: the
 * public material names the call but not its reply; this is the shape the contract double in
 * test/support/ returns, chosen to mirror the add-vip/add-rip parameters. A correction is a
 * change to {@link parseDumpedConfig} alone.
 *
 * ```json
 * { "lbapi": [ { "action": "list", "status": "success", "config": { "vips": [
 *   { "vip": "EA_Dicom", "layer": "4", "ip": "192.0.2.100", "ports": "104", ...,
 *     "rips": [ { "rip": "EA1", "ip": "192.0.2.21", "weight": "100", ..., "state": "online", "health": "up" } ] }
 * ] } } ] }
 * ```
 */
export interface DumpedConfig {
  /** The VIPs on the appliance. */
  readonly vips: DumpedVip[];
}

/** One VIP as the appliance reports it: its lbcli parameters, with its real servers. */
export interface DumpedVip {
  /** The VIP's name. */
  readonly name: string;
  /** 4 or 7. */
  readonly layer: number;
  /** Every lbcli parameter the appliance reports, as strings (name and layer included). */
  readonly parameters: Record<string, string>;
  /** The real servers. */
  readonly realServers: DumpedRealServer[];
}

/** One real server as the appliance reports it. */
export interface DumpedRealServer {
  /** The real server's name. */
  readonly name: string;
  /** Its lbcli parameters as strings. */
  readonly parameters: Record<string, string>;
  /** `online`, `drain` or `halt`. */
  readonly state: string;
  /** Health as the appliance sees it (`up`, `down`, ...), when reported. */
  readonly health?: string;
}

/** The `list` command that reads the whole configuration. */
export const DUMP_CONFIG_COMMAND = { action: 'list', function: 'dumpconfig' } as const;

function strings(record: Record<string, unknown>, leaveOut: string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) {
    if (!leaveOut.includes(key) && (typeof value === 'string' || typeof value === 'number')) result[key] = String(value);
  }
  return result;
}

/** Reads the `config` of a dumpconfig result; anything else is an unreadable reply. */
export function parseDumpedConfig(raw: Record<string, unknown>): DumpedConfig {
  const config = raw.config as { vips?: unknown } | undefined;
  if (!config || !Array.isArray(config.vips)) {
    throw new CliError(EXIT.refused, 'the appliance\'s dumpconfig reply has no config.vips list (its shape is unverified; see docs/cli.md). Run with --debug to see it.');
  }
  return {
    vips: config.vips.map((v: Record<string, unknown>) => ({
      name: String(v.vip),
      layer: Number(v.layer),
      parameters: strings(v, ['rips']),
      realServers: (Array.isArray(v.rips) ? v.rips : []).map((r: Record<string, unknown>) => ({
        name: String(r.rip),
        parameters: strings(r, ['state', 'health']),
        state: String(r.state ?? 'online'),
        health: r.health === undefined ? undefined : String(r.health),
      })),
    })),
  };
}
