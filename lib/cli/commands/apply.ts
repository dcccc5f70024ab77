import { RELOAD_HAPROXY } from '../../render/appliance/appliance-commands';
import { readVirtualServiceSpec } from '../inputs';
import { CliError, EXIT } from '../exit-codes';
import { planVirtualService } from '../reconcile';
import { runCommands } from '../run-commands';
import { ConnectionOptions, openSession, resolveAppliance } from '../session';
import { CliContext, sendUnlessDryRun, summarize } from './context';

/** Options of `pacs-lb apply`. */
export interface ApplyOptions extends ConnectionOptions {
  /** VIP spec file instead of PACS_LB_SPEC. */
  readonly specFile?: string;
  /** Print the writes, send none. */
  readonly dryRun?: boolean;
  /** Reload after writing (the Terraform resources leave this to the appliance's reload resource). */
  readonly reload?: boolean;
}

/**
 * `pacs-lb apply [name]`: reads the appliance's configuration, sends only the writes that
 * bring this VIP to its spec (none when it matches), and never deletes the VIP itself.
 */
export async function apply(name: string | undefined, options: ApplyOptions, context: CliContext): Promise<number> {
  const appliance = resolveAppliance(options, context.env);
  const vip = readVirtualServiceSpec(options.specFile, context.env, appliance);
  if (name !== undefined && name !== vip.name) {
    throw new CliError(EXIT.usage, `${name}: the spec given is for VIP ${vip.name}. Give the matching name or spec.`);
  }
  const session = openSession(appliance, options, context.env, context.output);
  return session.locked(async () => {
    const commands = planVirtualService(vip, await session.target.readConfig());
    if (commands.length === 0) {
      context.output.err(`${vip.name}: no change`);
      return EXIT.ok;
    }
    if (!(await sendUnlessDryRun(context.output, session.target, commands, options.dryRun))) return EXIT.ok;
    if (options.reload) await runCommands(session.target, [RELOAD_HAPROXY]);
    context.output.err(`${vip.name}: applied ${summarize(commands)}${options.reload ? ', reload' : ''}`);
    return EXIT.ok;
  });
}
