/**
 * API.md is what jsii-docgen writes from the doc comments of the assembly `npm test` just
 * built, and the users' example suite type-checks against the package as users see it.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function run(command: string, args: string[]): { ok: boolean; output: string } {
  try {
    return { ok: true, output: execFileSync(command, args, { stdio: 'pipe', timeout: 300_000 }).toString() };
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('documentation and typings users see', () => {
  it('API.md is fresh (regenerate with: npm run build && npm run docgen)', () => {
    const result = run('bash', ['scripts/check-api-docs.sh', '--no-build']);
    expect(result.ok, result.output.slice(0, 4000)).toBe(true);
  }, 300_000);

  it('examples/testing type-checks against the package by name', () => {
    const result = run('npx', ['tsc', '-p', 'examples/testing']);
    expect(result.ok, result.output).toBe(true);
  }, 300_000);
});
