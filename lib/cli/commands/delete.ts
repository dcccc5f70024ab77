import { currentApplianceSpec } from '../current-appliance';
import { CliError, EXIT } from '../../contract/exit-codes';
import { ConnectionOptions, openSession, resolveAppliance } from '../session';
import { CliContext, reportWrite } from './context';

/** Options of `pacs-lb delete`. */
export interface DeleteOptions extends ConnectionOptions {
  /** The layer the VIP must have (the Terraform resource passes it); refuses another. */
  readonly layer?: string;
  /** Print the writes, send none. */
  readonly dryRun?: boolean;
  /** A synthesized stack folder: when it still has the appliance, its current spec is used (the Terraform resource passes `.`). */
  readonly stackFolder?: string;
}

/**
 * `pacs-lb delete <name>`: removes a VIP (and its real servers) from the appliance. Done when
 * it is already gone. A Layer 7 delete is followed by its own reload, because Terraform may
 * run the appliance's reload resource before a removed VIP's destroy.
 */
export async function deleteVip(name: string, options: DeleteOptions, context: CliContext): Promise<number> {
  const appliance = currentApplianceSpec(options.stackFolder, resolveAppliance(options, context.env));
  const session = openSession(appliance, options, context.env, context.output);
  return session.locked(async () => {
    const config = await session.target.readConfig();
    const have = config ? config.vips.find((v) => v.name === name) : { name, parameters: {}, realServers: [] };
    if (!have) {
      context.output.err(`${name}: not on the appliance; nothing to delete`);
      return EXIT.ok;
    }
    if (options.layer !== undefined && have.layer !== undefined && String(have.layer) !== options.layer) {
      throw new CliError(EXIT.refused, `${name}: layer: the appliance has it at Layer ${have.layer}, not ${options.layer} (--layer); left in place. Delete it by hand if it must go.`);
    }
    // A layer the appliance does not report is the one the app gave (--layer); else both are tried.
    const layer = have.layer ?? (options.layer === undefined ? undefined : Number(options.layer));
    const commands = await session.target.deleteVirtualServices([{ ...have, layer }], options.dryRun === true);
    reportWrite(context.output, session.target, commands, options.dryRun, `${name}: deleted`);
    return EXIT.ok;
  });
}
