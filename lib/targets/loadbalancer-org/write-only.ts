import { RealServerState } from '../../spec/real-server-state';
import { ApplianceSpec, VirtualServiceSpec } from '../../spec/virtual-service-spec';
import { CommandStatus } from './api-client';
import { realServerCommand, stateCommand, vipCommand } from '../../render/loadbalancer-org/appliance-commands';
import { LbcliCommand } from '../../render/loadbalancer-org/lbcli-command';

/**
 * The write-only path, for an appliance whose configuration cannot be read: `add-vip` and
 * `add-rip` of everything (an `exists` answer turns into the matching `edit-*`, run-commands.ts),
 * so a run converges without knowing what is there.
 */
export function writeOnlyCommands(vip: VirtualServiceSpec, appliance: ApplianceSpec): LbcliCommand[] {
  return [vipCommand('add-vip', vip, appliance), ...vip.realServers.map((rip) => realServerCommand('add-rip', vip, rip.name, appliance))];
}

/**
 * The state commands of the write-only path: only for real servers the run just added
 * (`add-rip` answered `success`) whose state is not online, so that a run that changes nothing
 * sends no state command, and a server drained by hand stays drained until its spec changes.
 */
export function writeOnlyStateCommands(vip: VirtualServiceSpec, sent: LbcliCommand[], answers: CommandStatus[]): LbcliCommand[] {
  const added = new Set(sent.filter((command, i) => command.action === 'add-rip' && answers[i] === 'success').map((command) => command.rip));
  return vip.realServers
    .filter((rip) => added.has(rip.name) && rip.state !== RealServerState.ONLINE)
    .map((rip) => stateCommand(rip.state, vip.name, rip.name));
}
