import { SPEC_SCHEMA_VERSION } from '../spec/virtual-service-spec';
import { printable } from '../net/printable';

/**
 * The one check of a spec file's format version, wherever a spec is read (a synthesized
 * folder, PACS_LB_SPEC, PACS_LB_APPLIANCE, --spec-file): the problem when `value` was written
 * by a library whose spec format this one does not read; none when it matches. The message
 * starts with the spec's name when it has one, else with `fallback` (`VIP spec`).
 */
export function schemaVersionProblem(value: unknown, fallback: string): string | undefined {
  const { name, schemaVersion } = (value ?? {}) as { name?: unknown; schemaVersion?: unknown };
  if (schemaVersion === SPEC_SCHEMA_VERSION) return undefined;
  const subject = typeof name === 'string' && printable(name) !== '' ? printable(name) : fallback;
  return `${subject}: schemaVersion: is ${JSON.stringify(schemaVersion)}, this pacs-lb understands ${SPEC_SCHEMA_VERSION}. Use the pacs-lb of the library version that synthesized it.`;
}
