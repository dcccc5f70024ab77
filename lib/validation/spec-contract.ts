import { APPLIANCE_SPEC_SCHEMA, VIRTUAL_SERVICE_SPEC_SCHEMA } from '../spec/spec-schema';
import { ApplianceSpec, VirtualServiceSpec } from '../spec/virtual-service-spec';
import { printable } from '../net/printable';
import { validateAcrossVips, validateApplianceSettings } from './appliance-rules';
import { problem, ValidationProblem } from './problem';
import { schemaProblems } from './schema-problems';
import { validateVirtualService } from './virtual-service-rules';

/**
 * The one input contract of spec files: the JSON Schema (types, enums, required fields, no
 * unknown keys) and then the semantic rules, on exactly the same functions at synth and in
 * every `pacs-lb` command that reads a spec. A value that breaks the schema never reaches the
 * semantic rules (nor a renderer): its schema problems are all it gets.
 */

/** The name a spec's messages start with: its own name when it is usable text, else the fallback. */
function subjectOf(value: unknown, fallback: string): string {
  const name = (value as { name?: unknown } | null)?.name;
  return typeof name === 'string' && printable(name) !== '' ? printable(name) : fallback;
}

/** Whether the value conforms to the VIP spec schema (so the semantic rules and renderers can read it). */
export function isVirtualServiceSpec(value: unknown): value is VirtualServiceSpec {
  return schemaProblems(VIRTUAL_SERVICE_SPEC_SCHEMA, value, '').length === 0;
}

/** Whether the value conforms to the appliance spec schema. */
function isApplianceSpec(value: unknown): value is ApplianceSpec {
  return schemaProblems(APPLIANCE_SPEC_SCHEMA, value, '').length === 0;
}

/** Every problem of an appliance spec on its own: schema, then its settings. */
export function applianceSpecProblems(value: unknown, fallback = '(unnamed appliance)'): ValidationProblem[] {
  const found = schemaProblems(APPLIANCE_SPEC_SCHEMA, value, subjectOf(value, fallback));
  return found.length > 0 ? found : validateApplianceSettings(value as ApplianceSpec);
}

/**
 * Every problem of one VIP spec: schema, then (when both it and its appliance conform) the
 * per-VIP semantic rules.
 */
export function virtualServiceSpecProblems(value: unknown, appliance: unknown, fallback = '(unnamed VIP)'): ValidationProblem[] {
  const found = schemaProblems(VIRTUAL_SERVICE_SPEC_SCHEMA, value, subjectOf(value, fallback));
  if (found.length > 0 || !isApplianceSpec(appliance)) return found;
  const vip = value as VirtualServiceSpec;
  if (vip.appliance !== appliance.name) {
    return [problem(printable(vip.name), 'appliance', `the spec belongs to appliance ${printable(vip.appliance)}, not ${printable(appliance.name)}`, 'Give the matching appliance')];
  }
  return validateVirtualService(vip, appliance);
}

/** Every problem of an appliance spec and the rules across its VIPs (VIPs that break the schema are left out of those). */
export function applianceWithVipsProblems(appliance: unknown, vips: unknown[]): ValidationProblem[] {
  const conforming = vips.filter(isVirtualServiceSpec);
  const own = applianceSpecProblems(appliance);
  return isApplianceSpec(appliance) ? [...own, ...validateAcrossVips(appliance, conforming)] : own;
}

/**
 * Every problem of a synthesized appliance: its spec and each VIP spec, as `pacs-lb validate`
 * reports them. `vipFiles` name the VIP specs whose own name is unusable.
 */
export function synthesizedSpecProblems(appliance: unknown, vips: unknown[], vipFiles: string[] = []): ValidationProblem[] {
  return [...applianceWithVipsProblems(appliance, vips), ...vips.flatMap((vip, i) => virtualServiceSpecProblems(vip, appliance, vipFiles[i]))];
}
