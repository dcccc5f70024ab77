import { LbcliCommand } from '../../render/loadbalancer-org/lbcli-command';
import { CommandResult, CommandStatus } from './api-client';
import { CliError, EXIT } from '../../contract/exit-codes';

/** What runs a batch of commands: the appliance's API. */
export interface CommandSender {
  /** Words for messages. */
  readonly description: string;
  /** Runs commands in order, in one batch; one result per command that ran. */
  send(commands: LbcliCommand[]): Promise<CommandResult[]>;
}

/**
 * What to send next when a command answers `exists` or `missing`: the documented idempotent
 * path (add of something there becomes edit; edit of something gone becomes add; delete of
 * something gone is done). Anything not listed is an error.
 */
const FOLLOW_UPS: Record<string, Partial<Record<CommandResult['status'], string | null>>> = {
  'add-vip': { exists: 'edit-vip' },
  'add-rip': { exists: 'edit-rip' },
  'edit-vip': { missing: 'add-vip' },
  'edit-rip': { missing: 'add-rip' },
  'delete-vip': { missing: null },
  'delete-rip': { missing: null },
};

function describeCommand(command: LbcliCommand): string {
  return [command.vip, command.action, command.rip].filter(Boolean).join(' ');
}

/**
 * Sends commands as one batch, then any follow-ups `exists`/`missing` call for as a second;
 * returns what each command answered first (`success`, or the `exists`/`missing` followed up).
 * A `failed` or `fatal` (or a batch cut short) is an error naming the command; whatever ran
 * before it stays, and a re-run converges from there.
 */
export async function runCommands(sender: CommandSender, commands: LbcliCommand[]): Promise<CommandStatus[]> {
  let pending = commands;
  let firstAnswers: CommandStatus[] = [];
  for (let round = 0; pending.length > 0; round++) {
    const results = await sender.send(pending);
    if (round === 0) firstAnswers = results.map((r) => r.status);
    const next: LbcliCommand[] = [];
    pending.forEach((command, i) => {
      const result = results[i];
      if (!result) {
        throw new CliError(EXIT.refused, `${describeCommand(command)}: the ${sender.description} did not run it (it answered ${results.length} of ${pending.length} commands). Run again to converge.`);
      }
      if (result.status === 'success') return;
      const followUp = round === 0 ? FOLLOW_UPS[command.action]?.[result.status] : undefined;
      if (followUp === null) return;
      if (followUp) {
        next.push({ ...command, action: followUp });
        return;
      }
      throw new CliError(EXIT.refused, `${describeCommand(command)}: the ${sender.description} answered ${result.status}${result.message ? `: ${result.message}` : ''}. Fix the cause, then run again: apply converges from any partial state.`);
    });
    pending = next;
  }
  return firstAnswers;
}
