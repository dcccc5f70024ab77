import { CliError, EXIT } from '../exit-codes';
import { ConnectionOptions, openSession, resolveAppliance } from '../session';
import { CliContext, reportWrite } from './context';

/** Options of `pacs-lb reload`. */
export interface ReloadOptions extends ConnectionOptions {
  /** Print the request, send none. */
  readonly dryRun?: boolean;
}

/** `pacs-lb reload [appliance]`: one reload-haproxy, so the VIP changes applied before take effect. */
export async function reload(name: string | undefined, options: ReloadOptions, context: CliContext): Promise<number> {
  const appliance = resolveAppliance(options, context.env);
  if (name !== undefined && !options.host && name !== appliance.name) {
    throw new CliError(EXIT.usage, `${name}: the appliance spec given is for ${appliance.name}. Give the matching name or spec.`);
  }
  const session = openSession(appliance, options, context.env, context.output);
  return session.locked(async () => {
    const commands = await session.target.reload(options.dryRun === true);
    reportWrite(context.output, session.target, commands, options.dryRun, `${session.applianceName}: reloaded`);
    return EXIT.ok;
  });
}
