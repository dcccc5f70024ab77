import { formatRange } from '../spec/ports';
import { VirtualServiceSpec } from '../spec/virtual-service-spec';
import { PlanVips } from './plan-changes';

/**
 * A change-board report as rows, shared by the Markdown and HTML renderers: per appliance, the
 * changed VIPs (each changed field old → new, labelled) and the VIP table after the change.
 */
export interface PlanReportSection {
  /** The appliance. */
  readonly appliance: string;
  /** One row per change: VIP, what (field or the whole VIP), old, new, label. */
  readonly changes: string[][];
  /** One row per VIP after the change: VIP, layer, address, ports, real servers. */
  readonly vips: string[][];
}

/** Column titles of {@link PlanReportSection.changes}. */
export const CHANGE_COLUMNS = ['VIP', 'Change', 'Before', 'After', 'Impact'];
/** Column titles of {@link PlanReportSection.vips}. */
export const VIP_COLUMNS = ['VIP', 'Layer', 'Address', 'Ports', 'Real servers (weight, state)'];

/** A JSON value as a reader wants it: strings without quotes, absent as a dash. */
function shown(json: string | undefined): string {
  if (json === undefined) return '—';
  const value = JSON.parse(json) as unknown;
  return typeof value === 'string' ? value : json;
}

function vipRow(vip: VirtualServiceSpec): string[] {
  const servers = vip.realServers.map((r) => `${r.name} ${r.address}${r.port === undefined ? '' : `:${r.port}`} (${r.weight}, ${r.state})`).join('; ');
  return [vip.name, String(vip.layer), vip.address, vip.ports.allExcept ? `all except ${vip.ports.allExcept.join(',')}` : vip.ports.ranges.map(formatRange).join(','), servers || '—'];
}

/** The report's sections, one per appliance the plan touches, in name order. Pure. */
export function planReportSections(plan: PlanVips): PlanReportSection[] {
  const appliances = [...new Set(plan.changes.map((c) => c.appliance))].sort();
  return appliances.map((appliance) => ({
    appliance,
    changes: plan.changes
      .filter((c) => c.appliance === appliance)
      .flatMap((c) =>
        c.kind === 'change'
          ? c.fields.map((f) => [c.vip, f.field.replace(/^realServers\.([^.]+)\.?/, (_m, rip: string) => `real server ${rip}${f.field.endsWith(rip) ? '' : ': '}`), shown(f.before), shown(f.after), f.impact])
          : [[c.vip, c.kind === 'add' ? 'VIP added' : 'VIP removed', '', '', c.impact]],
      ),
    vips: plan.after.filter((v) => v.appliance === appliance).map(vipRow),
  }));
}
