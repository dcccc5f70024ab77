import { RealServerState } from '../../spec/real-server-state';
import { matches, NAME_FORMAT } from '../../validation/formats';
import { CliError, EXIT } from '../../contract/exit-codes';
import { ConnectionOptions, openSession, resolveAppliance } from '../session';
import { CliContext, reportWrite } from './context';

/** Options of `pacs-lb drain|halt|online`. */
export interface RealServerStateOptions extends ConnectionOptions {
  /** The VIP. */
  readonly vip: string;
  /** The real server. */
  readonly rip: string;
  /** Print the request, send none. */
  readonly dryRun?: boolean;
}

/**
 * `pacs-lb drain|halt|online --vip V --rip R`: day-2 maintenance without a redeploy. Deploys
 * keep the state, unless the app sets the server's state (then the next deploy restores the app's).
 */
export async function setRealServerState(state: RealServerState, options: RealServerStateOptions, context: CliContext): Promise<number> {
  for (const [field, value] of [['--vip', options.vip], ['--rip', options.rip]]) {
    if (!matches(NAME_FORMAT, value)) throw new CliError(EXIT.usage, `${field}: "${value}" is not a valid name. Use ${NAME_FORMAT.describe}.`);
  }
  const appliance = resolveAppliance(options, context.env);
  const session = openSession(appliance, options, context.env, context.output);
  return session.locked(async () => {
    const commands = await session.target.setRealServerState(options.vip, options.rip, state, options.dryRun === true);
    reportWrite(context.output, session.target, commands, options.dryRun, `${options.vip} ${options.rip}: ${state}`);
    return EXIT.ok;
  });
}
