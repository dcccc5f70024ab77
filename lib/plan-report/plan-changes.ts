import { RealServerSpec, VirtualServiceSpec } from '../spec/virtual-service-spec';
import { ChangeImpact, impactOf, worstImpact } from './change-impact';

/** One field of a VIP that a plan changes. */
export interface FieldChange {
  /** `weight of EA1` style path: a VIP field (`healthCheck.rise`) or a real server's (`realServers.EA1.weight`). */
  readonly field: string;
  /** The value before, as JSON text; absent when the field is new. */
  readonly before?: string;
  /** The value after, as JSON text; absent when the field goes away. */
  readonly after?: string;
  /** What the change does to traffic. */
  readonly impact: ChangeImpact;
}

/** One VIP a plan adds, removes or changes. */
export interface VipChange {
  /** The appliance it lives on. */
  readonly appliance: string;
  /** The VIP's name. */
  readonly vip: string;
  /** `add`, `remove` or `change`. */
  readonly kind: string;
  /** The fields that change (for a change; empty for an add or a remove). */
  readonly fields: FieldChange[];
  /** The worst impact of the VIP's change. */
  readonly impact: ChangeImpact;
}

/** What a saved plan (`terraform show -json` / `tofu show -json`) says about the VIPs. */
export interface PlanVips {
  /** Every VIP the plan touches, by appliance then name. */
  readonly changes: VipChange[];
  /** Every VIP after the plan, by appliance then name. */
  readonly after: VirtualServiceSpec[];
}

interface PlanResource {
  readonly type?: string;
  readonly values?: { triggers?: Record<string, string> };
}
interface PlanModule {
  readonly resources?: PlanResource[];
  readonly child_modules?: PlanModule[];
}
interface ResourceChange {
  readonly type?: string;
  readonly change?: { actions?: string[]; before?: { triggers?: Record<string, string> } | null; after?: { triggers?: Record<string, string> } | null };
}

/** The VIP spec a null_resource's triggers carry (`triggers.spec`), if any. */
function specOf(triggers: Record<string, string> | undefined | null): VirtualServiceSpec | undefined {
  const text = triggers?.spec;
  if (typeof text !== 'string') return undefined;
  const spec = JSON.parse(text) as VirtualServiceSpec;
  return typeof spec?.name === 'string' && Array.isArray(spec.realServers) ? spec : undefined;
}

/** Flattens a value to `path -> JSON text` leaves (arrays whole). */
function leaves(value: unknown, prefix: string, into: Map<string, string>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) leaves(inner, prefix ? `${prefix}.${key}` : key, into);
  } else into.set(prefix, JSON.stringify(value));
}

function fieldMap(value: object, prefix = ''): Map<string, string> {
  const map = new Map<string, string>();
  leaves(value, prefix, map);
  return map;
}

function diffMaps(before: Map<string, string>, after: Map<string, string>): FieldChange[] {
  const names = [...new Set([...before.keys(), ...after.keys()])];
  return names.filter((n) => before.get(n) !== after.get(n)).map((field) => ({ field, before: before.get(field), after: after.get(field), impact: impactOf(field, before.get(field), after.get(field)) }));
}

/** The fields that differ between two specs of one VIP, VIP fields first, then real servers in the new order. Pure. */
export function specFieldChanges(before: VirtualServiceSpec, after: VirtualServiceSpec): FieldChange[] {
  const { realServers: oldRips, schemaVersion: _a, ...oldVip } = before;
  const { realServers: newRips, schemaVersion: _b, ...newVip } = after;
  const changes = diffMaps(fieldMap(oldVip), fieldMap(newVip));
  const byName = (rips: RealServerSpec[]) => new Map(rips.map((r) => [r.name, r]));
  const oldByName = byName(oldRips);
  const newByName = byName(newRips);
  for (const rip of newRips) {
    const old = oldByName.get(rip.name);
    const path = `realServers.${rip.name}`;
    if (!old) changes.push({ field: path, after: JSON.stringify(rip), impact: ChangeImpact.ADDS });
    else changes.push(...diffMaps(fieldMap(old, path), fieldMap(rip, path)).filter((c) => c.field !== `${path}.name`));
  }
  for (const rip of oldRips) if (!newByName.has(rip.name)) changes.push({ field: `realServers.${rip.name}`, before: JSON.stringify(rip), impact: ChangeImpact.REMOVES });
  return changes;
}

function plannedSpecs(module: PlanModule | undefined): VirtualServiceSpec[] {
  if (!module) return [];
  const own = (module.resources ?? []).filter((r) => r.type === 'null_resource').map((r) => specOf(r.values?.triggers)).filter((s): s is VirtualServiceSpec => s !== undefined);
  return [...own, ...(module.child_modules ?? []).flatMap(plannedSpecs)];
}

const byApplianceAndName = (a: { appliance: string; name?: string; vip?: string }, b: { appliance: string; name?: string; vip?: string }) =>
  a.appliance.localeCompare(b.appliance) || (a.name ?? a.vip ?? '').localeCompare(b.name ?? b.vip ?? '');

/**
 * Reads a saved plan's JSON: the VIP spec resources it creates, deletes or replaces (their
 * `triggers.spec`), compared field by field, and the VIPs after it. Throws a clear error for
 * JSON that is not a plan. Pure.
 */
export function readPlanVips(plan: unknown): PlanVips {
  const p = plan as { resource_changes?: ResourceChange[]; planned_values?: { root_module?: PlanModule } } | null;
  if (!p || typeof p !== 'object' || !Array.isArray(p.resource_changes)) {
    throw new Error('the file is not a saved plan as JSON (no resource_changes). Give the output of "terraform show -json <planfile>" or "tofu show -json <planfile>".');
  }
  const changes: VipChange[] = [];
  for (const rc of p.resource_changes) {
    if (rc.type !== 'null_resource' || (rc.change?.actions ?? []).every((a) => a === 'no-op' || a === 'read')) continue;
    const before = specOf(rc.change?.before?.triggers);
    const after = specOf(rc.change?.after?.triggers);
    if (before && after) {
      const fields = specFieldChanges(before, after);
      if (fields.length > 0) changes.push({ appliance: after.appliance, vip: after.name, kind: 'change', fields, impact: worstImpact(fields.map((f) => f.impact)) });
    } else if (after) changes.push({ appliance: after.appliance, vip: after.name, kind: 'add', fields: [], impact: ChangeImpact.ADDS });
    else if (before) changes.push({ appliance: before.appliance, vip: before.name, kind: 'remove', fields: [], impact: ChangeImpact.REMOVES });
  }
  return { changes: changes.sort(byApplianceAndName), after: plannedSpecs(p.planned_values?.root_module).sort(byApplianceAndName) };
}
