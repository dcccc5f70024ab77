import { VirtualServiceSpec } from '../spec/virtual-service-spec';
import { stateOwner, withState } from '../targets/operator-state';

/** JSON with object keys sorted, so that key order never makes two equal values differ. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** Whether two values are equal as JSON (key order aside). */
export const sameJson = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

/** The spec with each real server's `stateManaged` written only where its state alone would name another owner. */
function ownersCanonical(spec: VirtualServiceSpec): VirtualServiceSpec {
  return { ...spec, realServers: spec.realServers.map((rip) => withState(rip, rip.state, stateOwner(rip))) };
}

/**
 * The top-level fields in which code-built spec `built` differs from the imported spec
 * `imported`. A description the source did not report (the appliance has none) is not a
 * difference: the code may add one; nor is the way a state's owner is written (a drain read
 * from the appliance and a drain set in code are both the code's).
 */
export function specDifferences(readSpec: VirtualServiceSpec, builtSpec: VirtualServiceSpec | undefined): string[] {
  if (!builtSpec) return ['(not built)'];
  const imported = ownersCanonical(readSpec);
  const built = ownersCanonical(builtSpec);
  const keys = new Set([...Object.keys(imported), ...Object.keys(built)]);
  if (imported.description === undefined) keys.delete('description');
  const fields = imported as unknown as Record<string, unknown>;
  const other = built as unknown as Record<string, unknown>;
  return [...keys].filter((key) => !sameJson(fields[key], other[key])).sort();
}
