import { RealServerState } from '../../spec/real-server-state';
import { resolveVirtualService } from '../../spec/resolved-virtual-service';
import { ApplianceSpec, VirtualServiceSpec } from '../../spec/virtual-service-spec';
import { LbcliCommand } from './lbcli-command';
import { LbcliWords } from './lbcli-words';
import { LAYER4_VIP_PARAMETERS, LAYER7_VIP_PARAMETERS, mapParameters, REAL_SERVER_PARAMETERS } from './parameter-mapping';

/**
 * One REST API v2 request: `POST https://<appliance>:9443/api/v2/` with this body.
 */
export interface ApiRequest {
  /** The VIP the request configures; absent for appliance-wide requests (the reloads). */
  readonly vip?: string;
  /** The JSON body. */
  readonly body: { readonly lbcli: LbcliCommand[] };
}

/**
 * The add-vip or edit-vip command of a VIP: all of its own parameters from the mapping table,
 * in the words of its appliance (its `lbcliOverrides` and check scripts; defaults without one).
 */
export function vipCommand(action: 'add-vip' | 'edit-vip', spec: VirtualServiceSpec, appliance?: ApplianceSpec): LbcliCommand {
  const vip = resolveVirtualService(spec);
  const words = LbcliWords.of(appliance);
  const parameters = vip.layer === 7 ? mapParameters(LAYER7_VIP_PARAMETERS, vip, words) : mapParameters(LAYER4_VIP_PARAMETERS, vip, words);
  return { action, layer: String(vip.layer), ...parameters };
}

/** The add-rip or edit-rip command of one real server of a VIP. */
export function realServerCommand(action: 'add-rip' | 'edit-rip', vip: VirtualServiceSpec, ripName: string, appliance?: ApplianceSpec): LbcliCommand {
  const rip = vip.realServers.find((r) => r.name === ripName);
  if (!rip) throw new Error(`${vip.name}: no real server named ${ripName}`);
  return { action, ...mapParameters(REAL_SERVER_PARAMETERS, { vip: resolveVirtualService(vip), rip }, LbcliWords.of(appliance)) };
}

/** drain / halt / online of one real server. */
export function stateCommand(state: RealServerState, vipName: string, ripName: string): LbcliCommand {
  return { action: state, vip: vipName, rip: ripName };
}

/** Every command that creates a VIP on an empty appliance: the VIP, its real servers, then their states. */
export function createVipCommands(vip: VirtualServiceSpec, appliance?: ApplianceSpec): LbcliCommand[] {
  return [
    vipCommand('add-vip', vip, appliance),
    ...vip.realServers.map((rip) => realServerCommand('add-rip', vip, rip.name, appliance)),
    ...vip.realServers.filter((rip) => rip.state !== RealServerState.ONLINE).map((rip) => stateCommand(rip.state, vip.name, rip.name)),
  ];
}

/**
 * The reload that makes a layer's changes take effect: Layer 4 VIPs are run by the appliance's
 * Layer 4 service (ldirectord), Layer 7 VIPs by HAProxy; each has its own reload action.
 */
export const RELOAD_ACTIONS: Record<number, string> = {
  4: 'reload-ldirectord',
  7: 'reload-haproxy',
};

/** One reload per layer given, Layer 4 first, each once; none when no layer is given. */
export function reloadCommands(layers: Iterable<number>): LbcliCommand[] {
  const wanted = new Set(layers);
  return Object.entries(RELOAD_ACTIONS)
    .filter(([layer]) => wanted.has(Number(layer)))
    .map(([, action]) => ({ action }));
}

/**
 * The ordered requests that build an appliance's VIP set from empty: one request per VIP (in
 * the order given), then one request with the reload of each layer that has a VIP.
 */
export function applianceRequests(vips: VirtualServiceSpec[], appliance?: ApplianceSpec): ApiRequest[] {
  const requests: ApiRequest[] = vips.map((vip) => ({ vip: vip.name, body: { lbcli: createVipCommands(vip, appliance) } }));
  const reloads = reloadCommands(vips.map((vip) => vip.layer));
  if (reloads.length > 0) requests.push({ body: { lbcli: reloads } });
  return requests;
}
