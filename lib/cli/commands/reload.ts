import { TargetChange } from '../../targets/target-change';
import { CliError, EXIT } from '../../contract/exit-codes';
import { ConnectionOptions, openSession, resolveAppliance, Session } from '../session';
import { CliContext, reportWrite } from './context';

/** Options of `pacs-lb reload`. */
export interface ReloadOptions extends ConnectionOptions {
  /** Print the request, send none. */
  readonly dryRun?: boolean;
  /** Reload this layer (`4`, `7` or `all`) whether or not a change is pending. */
  readonly layer?: string;
}

const FORCED_LAYERS: Record<string, number[]> = { 4: [4], 7: [7], all: [4, 7] };

/**
 * Reloads the layers with pending changes (each once) and forgets them; with `dryRun`, only
 * says what it would send. Call while holding the appliance's lock.
 */
export async function reloadPending(session: Session, dryRun: boolean, forced: number[] = []): Promise<TargetChange[]> {
  const layers = [...new Set([...session.pendingReloads.layers(), ...forced])];
  const commands = await session.target.reload(layers, dryRun);
  if (!dryRun) session.pendingReloads.clear();
  return commands;
}

/**
 * `pacs-lb reload [appliance]`: makes the VIP changes applied before take effect, reloading
 * only the services that have changes: `reload-ldirectord` when a Layer 4 VIP changed,
 * `reload-haproxy` when a Layer 7 VIP changed, nothing when nothing did. `--layer` forces one.
 */
export async function reload(name: string | undefined, options: ReloadOptions, context: CliContext): Promise<number> {
  const appliance = resolveAppliance(options, context.env);
  if (name !== undefined && !options.host && name !== appliance.name) {
    throw new CliError(EXIT.usage, `${name}: the appliance spec given (--appliance-file or $PACS_LB_APPLIANCE) is for ${appliance.name}. Give the matching name or spec.`);
  }
  const session = openSession(appliance, options, context.env, context.output);
  return session.locked(async () => {
    const commands = await reloadPending(session, options.dryRun === true, FORCED_LAYERS[options.layer ?? ''] ?? []);
    if (commands.length === 0) {
      context.output.err(`${session.applianceName}: no change pending since the last reload; nothing to reload (--layer 4|7|all forces one)`);
      return EXIT.ok;
    }
    reportWrite(context.output, session.target, commands, options.dryRun, `${session.applianceName}: reloaded (${commands.map((c) => c.action).join(', ')})`);
    return EXIT.ok;
  });
}
