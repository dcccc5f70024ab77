/**
 * The cdktf CLI drives the engine built here: `cdktf deploy` and `cdktf destroy` on a tiny app
 * (test/e2e/fixtures/null-app) with each engine present selected through TERRAFORM_BINARY_NAME, and the
 * null_resource's provisioners run on both.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { availableEngines, Engine, RunResult, runWithEngine, succeeded } from '../support/engine';

const APP_DIR = join(__dirname, 'fixtures', 'null-app');
const CDKTF = join(__dirname, '..', '..', 'node_modules', '.bin', 'cdktf');

/** Runs the cdktf CLI in the fixture app with the engine selected; throws unless it exits 0. */
function cdktfOk(engine: Engine, args: readonly string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
  return succeeded(`cdktf ${args.join(' ')}`, runWithEngine(engine, CDKTF, args, APP_DIR, env));
}

describe.each(availableEngines())('cdktf CLI with $label', (engine) => {
  it('deploys and destroys a null_resource, running its provisioners', async () => {
    const env = {
      MARKER_DIR: mkdtempSync(join(tmpdir(), 'pacs-lb-markers-')),
      STATE_DIR: mkdtempSync(join(tmpdir(), 'pacs-lb-state-')),
      CI: 'true',
    };
    const output = mkdtempSync(join(tmpdir(), 'pacs-lb-cdktf-out-'));

    await cdktfOk(engine, ['deploy', 'null-app', '--auto-approve', '--skip-provider-lock', '--output', output], env);
    expect(readFileSync(join(env.MARKER_DIR, 'created'), 'utf8')).toBe('created\n');
    expect(existsSync(join(env.MARKER_DIR, 'destroyed'))).toBe(false);
    const state = JSON.parse(readFileSync(join(env.STATE_DIR, 'terraform.tfstate'), 'utf8'));
    expect(state.resources.map((r: { type: string }) => r.type)).toEqual(['null_resource']);

    await cdktfOk(engine, ['destroy', 'null-app', '--auto-approve', '--skip-provider-lock', '--output', output], env);
    expect(readFileSync(join(env.MARKER_DIR, 'destroyed'), 'utf8')).toBe('destroyed\n');
    const after = JSON.parse(readFileSync(join(env.STATE_DIR, 'terraform.tfstate'), 'utf8'));
    expect(after.resources).toEqual([]);
  }, 10 * 60_000);
});
