import { VirtualServiceSpec } from '../spec/virtual-service-spec';

/** JSON with object keys sorted, so that key order never makes two equal values differ. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** Whether two values are equal as JSON (key order aside). */
export const sameJson = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

/**
 * The top-level fields in which code-built spec `built` differs from the imported spec
 * `imported`. A description the source did not report (the appliance has none) is not a
 * difference: the code may add one.
 */
export function specDifferences(imported: VirtualServiceSpec, built: VirtualServiceSpec | undefined): string[] {
  if (!built) return ['(not built)'];
  const keys = new Set([...Object.keys(imported), ...Object.keys(built)]);
  if (imported.description === undefined) keys.delete('description');
  const fields = imported as unknown as Record<string, unknown>;
  const other = built as unknown as Record<string, unknown>;
  return [...keys].filter((key) => !sameJson(fields[key], other[key])).sort();
}
