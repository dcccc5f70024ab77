import { LbcliCommand } from '../../render/appliance/lbcli-command';
import { CliOutput } from '../output';
import { runCommands } from '../run-commands';
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

/** Sends the commands, or with `--dry-run` only prints them. Returns whether they were sent. */
export async function sendUnlessDryRun(output: CliOutput, target: ProvisionTarget, commands: LbcliCommand[], dryRun: boolean | undefined): Promise<boolean> {
  if (dryRun) {
    printDryRun(output, target, commands);
    return false;
  }
  await runCommands(target, commands);
  return true;
}

/** A one-line summary of commands: `add-vip, edit-rip EA1`. */
export function summarize(commands: LbcliCommand[]): string {
  return commands.map((c) => [c.action, c.rip].filter(Boolean).join(' ')).join(', ');
}
