import * as fs from 'fs';
import { vipSpecsBeside } from '../../synth/synth-folder';
import { stateOwner } from '../../targets/operator-state';
import { DumpedConfig } from '../../targets/target-state';
import { EXIT } from '../../contract/exit-codes';
import { ConnectionOptions, openSession, resolveAppliance } from '../session';
import { CliContext, requireConfig } from './context';

/** Options of `pacs-lb status`. */
export interface StatusOptions extends ConnectionOptions {
  /** Print JSON instead of a table. */
  readonly json?: boolean;
}

const COLUMNS = ['VIP', 'LAYER', 'ADDRESS', 'PORTS', 'RIP', 'RIP ADDRESS', 'WEIGHT', 'STATE', 'OWNER', 'HEALTH'];

/**
 * Who owns each real server's state (`code` or `operator`), where the target does not say: from
 * the VIP specs synthesized beside the appliance file (`vips/*.json`), when there are any. Pure
 * apart from reading those files.
 */
export function withStateOwners(config: DumpedConfig, applianceFile: string | undefined): DumpedConfig {
  if (applianceFile === undefined || !fs.existsSync(applianceFile)) return config;
  const specs = vipSpecsBeside(applianceFile);
  if (specs.length === 0) return config;
  return {
    vips: config.vips.map((vip) => ({
      ...vip,
      realServers: vip.realServers.map((r) => {
        const spec = specs.find((s) => s.name === vip.name)?.realServers.find((x) => x.name === r.name);
        return r.stateOwner !== undefined || spec === undefined ? r : { ...r, stateOwner: stateOwner(spec) };
      }),
    })),
  };
}

/** The rows of the status table: one per real server, or one for a VIP without any. Pure. */
export function statusRows(config: DumpedConfig): string[][] {
  return config.vips.flatMap((vip) => {
    const head = [vip.name, vip.layer === undefined ? '?' : String(vip.layer), vip.parameters.ip ?? '', vip.parameters.ports ?? ''];
    if (vip.realServers.length === 0) return [[...head, '-', '', '', '', '', '']];
    return vip.realServers.map((r) => [...head, r.name, r.parameters.ip ?? '', r.parameters.weight ?? '', r.state ?? 'online', r.stateOwner ?? '?', r.health ?? 'unknown']);
  });
}

/** Rows as aligned text columns. Pure. */
export function formatTable(columns: string[], rows: string[][]): string[] {
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(columns), ...rows.map(line)];
}

/**
 * `pacs-lb status`: the VIPs and real servers, with their state, who owns it (`code`,
 * `operator`, `?` when no spec says) and health, as the appliance reports them.
 */
export async function status(options: StatusOptions, context: CliContext): Promise<number> {
  const appliance = resolveAppliance(options, context.env);
  const session = openSession(appliance, options, context.env, context.output);
  const config = withStateOwners(await session.locked(() => requireConfig(session.target, 'status')), options.applianceFile);
  if (options.json) context.output.out(JSON.stringify(config, null, 2));
  else formatTable(COLUMNS, statusRows(config)).forEach((l) => context.output.out(l));
  return EXIT.ok;
}
