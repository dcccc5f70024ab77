import { describePortsWithNoun } from '../spec/ports';
import { ResolvedVirtualService } from '../spec/resolved-virtual-service';
import { describeMode } from './describe';

/**
 * The comment line that names a VIP before its section, e.g.
 * `# VIP 2 EA_Dicom_Service — Layer 4 DR, port 104`, in every generated file. `number` is the
 * VIP's 1-based place on the appliance (as in the VIP table). Only validated names and numbers
 * appear, never free text.
 */
export function vipHeading(vip: ResolvedVirtualService, number: number): string {
  return `# VIP ${number} ${vip.name} — ${describeMode(vip)}, ${describePortsWithNoun(vip.ports)}`;
}
