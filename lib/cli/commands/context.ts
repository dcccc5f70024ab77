import { LbcliCommand } from '../../render/appliance/lbcli-command';
import { CliOutput } from '../output';
import { ProvisionTarget } from '../target';

/** What every command gets: the environment and where to write. */
export interface CliContext {
  /** The process environment (credentials and Terraform-provided inputs). */
  readonly env: Record<string, string | undefined>;
  /** Redacting output. */
  readonly output: CliOutput;
}

/** `--dry-run`: prints the exact request that would be sent, one JSON object per line, to stdout. */
export function printDryRun(output: CliOutput, target: ProvisionTarget, commands: LbcliCommand[]): void {
  output.out(JSON.stringify({ dryRun: true, target: target.description, body: { lbcli: commands } }));
}

/** A one-line summary of commands: `add-vip, edit-rip EA1`. */
export function summarize(commands: LbcliCommand[]): string {
  return commands.map((c) => [c.action, c.rip].filter(Boolean).join(' ')).join(', ');
}
