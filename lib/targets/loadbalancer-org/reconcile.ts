import { realServerCommand, stateCommand, vipCommand } from '../../render/loadbalancer-org/appliance-commands';
import { LbcliCommand } from '../../render/loadbalancer-org/lbcli-command';
import { ApplianceSpec, VirtualServiceSpec } from '../../spec/virtual-service-spec';
import { DumpedConfig, DumpedVip } from '../target-state';
import { deployedState } from '../operator-state';
import { differingParameters } from './reported-values';
import { CliError, EXIT } from '../../contract/exit-codes';

/** delete-vip of a VIP (lbcli needs its layer). */
export function deleteVipCommand(name: string, layer: number): LbcliCommand {
  return { action: 'delete-vip', layer: String(layer), vip: name };
}

/** delete-vip of a VIP; of both layers when its layer is unknown (the wrong one answers `missing`, which is done). */
export function deleteVipCommands(name: string, layer: number | undefined): LbcliCommand[] {
  return (layer === undefined ? [4, 7] : [layer]).map((l) => deleteVipCommand(name, l));
}

/** delete-rip of one real server. */
export function deleteRealServerCommand(vipName: string, ripName: string): LbcliCommand {
  return { action: 'delete-rip', vip: vipName, rip: ripName };
}

/** Whether any parameter of the command differs from what the appliance reports (unknown is no difference). */
function differs(command: LbcliCommand, have: Record<string, string>): boolean {
  return differingParameters(command, have).length > 0;
}

/**
 * The layer of a VIP on the appliance must match the spec: changing it is a delete and an add,
 * never done silently. Only a layer the appliance *reported* can conflict: an unknown layer
 * never leads to advice to delete a live VIP.
 */
function checkSameLayer(vip: VirtualServiceSpec, have: DumpedVip | undefined): void {
  if (have?.layer !== undefined && have.layer !== vip.layer) {
    throw new CliError(EXIT.refused, `${vip.name}: layer: the appliance has this VIP at Layer ${have.layer}, the spec at Layer ${vip.layer}. Delete it with "pacs-lb delete ${vip.name}" (this drops its connections), then apply again.`);
  }
}

/**
 * The writes that bring one VIP on the appliance to its spec, in a safe order: add or edit the
 * VIP (never delete it), add or edit real servers, set the states the code owns (see
 * {@link deployedState}: an operator's drain or halt is left alone), then delete the real
 * servers the spec no longer has. Empty when the appliance already matches. Pure.
 */
export function planVirtualService(vip: VirtualServiceSpec, actual: DumpedConfig, appliance?: ApplianceSpec): LbcliCommand[] {
  const have = actual.vips.find((v) => v.name === vip.name);
  checkSameLayer(vip, have);
  const commands: LbcliCommand[] = [];
  const desiredVip = vipCommand('add-vip', vip, appliance);
  if (!have) commands.push(desiredVip);
  else if (differs(desiredVip, have.parameters)) commands.push(vipCommand('edit-vip', vip, appliance));

  const haveRips = new Map((have?.realServers ?? []).map((r) => [r.name, r]));
  for (const rip of vip.realServers) {
    const desired = realServerCommand('add-rip', vip, rip.name, appliance);
    const current = haveRips.get(rip.name);
    if (!current) commands.push(desired);
    else if (differs(desired, current.parameters)) commands.push(realServerCommand('edit-rip', vip, rip.name, appliance));
  }
  for (const rip of vip.realServers) {
    const currentState = haveRips.get(rip.name)?.state ?? 'online';
    const wantedState = deployedState(rip, currentState);
    if (wantedState !== currentState) commands.push(stateCommand(wantedState, vip.name, rip.name));
  }
  const wanted = new Set(vip.realServers.map((r) => r.name));
  for (const name of haveRips.keys()) {
    if (!wanted.has(name)) commands.push(deleteRealServerCommand(vip.name, name));
  }
  return commands;
}
