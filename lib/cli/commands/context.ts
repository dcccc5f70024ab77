import { TargetChange } from '../../targets/target-change';
import { ProvisionTarget } from '../../targets/provision-target';
import { DumpedConfig } from '../../targets/target-state';
import { ENV } from '../../contract/environment';
import { CliError, EXIT } from '../../contract/exit-codes';
import { CliOutput } from '../output';

/** What every command gets: the environment and where to write. */
export interface CliContext {
  /** The process environment (credentials and Terraform-provided inputs). */
  readonly env: Record<string, string | undefined>;
  /** Redacting output. */
  readonly output: CliOutput;
}

/**
 * After a write: with `--dry-run`, prints the exact request that would have been sent (one
 * JSON object, to stdout); else says what was done (stderr).
 */
export function reportWrite(output: CliOutput, target: ProvisionTarget, commands: TargetChange[], dryRun: boolean | undefined, done: string): void {
  if (dryRun) output.out(JSON.stringify({ dryRun: true, target: target.description, body: { lbcli: commands } }));
  else output.err(done);
}


/** The target's configuration, for a command that cannot work without it (status, diff). */
export async function requireConfig(target: ProvisionTarget, command: string): Promise<DumpedConfig> {
  const config = await target.readConfig();
  if (!config) {
    throw new CliError(EXIT.refused, `${command}: the ${target.description} answered its reads in a shape pacs-lb does not understand, so there is nothing to compare or show. Run with --debug (or ${ENV.debug}=1) to see the replies, and report them.`);
  }
  return config;
}
