import { isStackFolder, synthesizedVipNames } from '../../synth/synth-folder';
import { ENV } from '../../contract/environment';
import { currentApplianceSpec } from '../current-appliance';
import { CliError, EXIT } from '../../contract/exit-codes';
import { ConnectionOptions, openSession, resolveAppliance } from '../session';
import { CliContext, reportWrite } from './context';

/** Options of `pacs-lb prune`. */
export interface PruneOptions extends ConnectionOptions {
  /** The stack's output folder (default: the working directory, where Terraform runs). */
  readonly stackFolder?: string;
  /** Print the writes, send none. */
  readonly dryRun?: boolean;
}

/** The VIP names the synthesized app has for an appliance; none if the appliance left the app. */
function namesInApp(stackFolder: string, applianceName: string): Set<string> {
  if (!isStackFolder(stackFolder)) {
    throw new CliError(EXIT.usage, `${stackFolder}: no cdk.tf.json here, so this is not a stack's output folder and nothing can be pruned safely. Run from cdktf.out/stacks/<stack> or give --stack-folder.`);
  }
  return new Set(synthesizedVipNames(stackFolder, applianceName));
}

/**
 * `pacs-lb prune [appliance]`: deletes the VIPs this app provisioned (from PACS_LB_OWNED_VIPS)
 * that the synthesized app no longer has; VIPs it never provisioned are never touched. Run by
 * the appliance's reload resource at destroy, from the stack's output folder.
 */
export async function prune(options: PruneOptions, context: CliContext): Promise<number> {
  const stackFolder = options.stackFolder ?? process.cwd();
  const owned = (context.env[ENV.ownedVips] ?? '').split(',').filter((n) => n !== '');
  const stored = resolveAppliance(options, context.env);
  const current = namesInApp(stackFolder, stored.name);
  // The appliance where it is now, if the app still has it (its address may have changed).
  const appliance = currentApplianceSpec(stackFolder, stored);
  const removed = owned.filter((name) => !current.has(name));
  if (removed.length === 0) return EXIT.ok;
  const session = openSession(appliance, options, context.env, context.output);
  return session.locked(async () => {
    const config = await session.target.readConfig();
    // Unreadable: delete every removed VIP (delete of something gone is done).
    const have = config ? config.vips.filter((v) => removed.includes(v.name)) : removed.map((name) => ({ name, parameters: {}, realServers: [] }));
    if (have.length === 0) return EXIT.ok;
    const commands = await session.target.deleteVirtualServices(have, options.dryRun === true);
    reportWrite(context.output, session.target, commands, options.dryRun, `${appliance.name}: pruned ${have.map((v) => v.name).join(', ')} (no longer in the app)`);
    return EXIT.ok;
  });
}
