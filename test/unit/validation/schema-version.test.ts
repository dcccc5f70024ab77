import { describe, expect, it } from 'vitest';
import { SPEC_SCHEMA_VERSION } from '../../../lib/spec/virtual-service-spec';
import { schemaVersionProblem } from '../../../lib/validation/schema-version';

describe('the one schema-version check', () => {
  it('passes the version this library writes, and names the spec (or the fallback) otherwise', () => {
    expect(schemaVersionProblem({ name: 'EA', schemaVersion: SPEC_SCHEMA_VERSION }, 'VIP spec')).toBeUndefined();
    expect(schemaVersionProblem({ name: 'EA', schemaVersion: 2 }, 'VIP spec')).toBe(`EA: schemaVersion: is 2, this pacs-lb understands ${SPEC_SCHEMA_VERSION}. Use the pacs-lb of the library version that synthesized it.`);
    expect(schemaVersionProblem({ schemaVersion: '1' }, 'appliance spec')).toMatch(/^appliance spec: schemaVersion: is "1", /);
    expect(schemaVersionProblem(null, 'VIP spec')).toMatch(/^VIP spec: schemaVersion: is undefined, /);
    expect(schemaVersionProblem({ name: 42 }, 'VIP spec')).toMatch(/^VIP spec: /);
  });
});
