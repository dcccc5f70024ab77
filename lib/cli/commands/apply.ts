import { peekApplianceName, readVirtualServiceSpec } from '../inputs';
import { CliError, EXIT } from '../../contract/exit-codes';
import { ConnectionOptions, openSession, resolveAppliance } from '../session';
import { summarizeChanges as summarize } from '../../targets/target-change';
import { CliContext, reportWrite } from './context';
import { reloadPending } from './reload';

/** Options of `pacs-lb apply`. */
export interface ApplyOptions extends ConnectionOptions {
  /** VIP spec file instead of PACS_LB_SPEC. */
  readonly specFile?: string;
  /** Print the writes, send none. */
  readonly dryRun?: boolean;
  /** Reload the changed layers after writing (the Terraform resources leave this to the appliance's reload resource). */
  readonly reload?: boolean;
}

/**
 * `pacs-lb apply [name]`: reads the appliance's configuration, sends only the writes that
 * bring this VIP to its spec (none when it matches), and never deletes the VIP itself.
 */
export async function apply(name: string | undefined, options: ApplyOptions, context: CliContext): Promise<number> {
  if ((options.offline || options.savedState !== undefined) && !options.dryRun) {
    throw new CliError(EXIT.usage, '--offline and --saved-state plan without the appliance: give --dry-run with them.');
  }
  const appliance = resolveAppliance(options, context.env, options.host ? peekApplianceName(options.specFile, context.env) : undefined);
  const vip = readVirtualServiceSpec(options.specFile, context.env, appliance);
  if (name !== undefined && name !== vip.name) {
    throw new CliError(EXIT.usage, `${name}: the spec given (--spec-file or $PACS_LB_SPEC) is for VIP ${vip.name}. Give the matching name or spec.`);
  }
  const session = openSession(appliance, options, context.env, context.output);
  return session.locked(async () => {
    const dryRun = options.dryRun === true;
    let commands;
    try {
      commands = await session.target.applyVirtualService(vip, dryRun);
    } catch (error) {
      // Some writes may have landed before the failure: their layer needs its reload.
      if (!dryRun) session.pendingReloads.add(vip.layer);
      throw error;
    }
    if (commands.length === 0) {
      context.output.err(`${vip.name}: no change`);
      return EXIT.ok;
    }
    if (!dryRun) session.pendingReloads.add(vip.layer);
    if (options.reload) commands.push(...(await reloadPending(session, dryRun)));
    reportWrite(context.output, session.target, commands, dryRun, `${vip.name}: applied ${summarize(commands)}`);
    return EXIT.ok;
  });
}
