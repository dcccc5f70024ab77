import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { synthesizeExample } from '../../support/stacks';

const REPO = join(__dirname, '..', '..', '..');
const PYTHON_CHECK_TIMEOUT_MS = 15 * 60_000;

function parsedJson(folder: string, file: string): unknown {
  return JSON.parse(readFileSync(join(folder, file), 'utf8'));
}

function vipFiles(folder: string): string[] {
  return readdirSync(join(folder, 'vips')).sort();
}

describe('the Python bindings', () => {
  it('package the built library, install into a fresh venv, pass the Python example tests, and synthesize what the TypeScript example does', () => {
    const pythonSynth = mkdtempSync(join(tmpdir(), 'pacs-lb-python-synth-'));
    const run = spawnSync('bash', [join(REPO, 'scripts', 'python-bindings.sh'), '--no-build', pythonSynth], { cwd: REPO, encoding: 'utf8', timeout: PYTHON_CHECK_TIMEOUT_MS });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output).toBe(0);
    expect(output).toMatch(/^\d+ passed/m);
    expect(output).not.toMatch(/\d+ (failed|skipped|error)/);

    const python = join(pythonSynth, 'stacks', 'centricity-pacs', 'pacs-lb', 'lb-pacs');
    const typescript = synthesizeExample();
    expect(vipFiles(python)).toEqual(vipFiles(typescript));
    expect(vipFiles(python)).toHaveLength(19);
    for (const file of ['appliance.json', 'appliance-commands.json', ...vipFiles(typescript).map((f) => join('vips', f))]) {
      expect(parsedJson(python, file), file).toEqual(parsedJson(typescript, file));
    }
  }, PYTHON_CHECK_TIMEOUT_MS);
});
