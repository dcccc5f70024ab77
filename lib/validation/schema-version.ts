import { SPEC_SCHEMA_VERSION } from '../spec/virtual-service-spec';

/**
 * The one check of a spec file's format version, wherever a spec is read (a synthesized
 * folder, PACS_LB_SPEC, PACS_LB_APPLIANCE, --spec-file): the problem when `value` was written
 * by a library whose spec format this one does not read; none when it matches.
 */
export function schemaVersionProblem(subject: string, value: unknown): string | undefined {
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version === SPEC_SCHEMA_VERSION) return undefined;
  return `${subject}: schemaVersion: is ${JSON.stringify(version)}, this pacs-lb understands ${SPEC_SCHEMA_VERSION}. Use the pacs-lb of the library version that synthesized it.`;
}
