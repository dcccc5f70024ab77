import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../lib/cli/program';
import { EXIT } from '../../../lib/contract/exit-codes';
import { synthesizeExample } from '../../support/stacks';

/** Runs `pacs-lb <args>` in-process; returns the exit code and what it printed. */
async function pacsLb(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {}, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('pacs-lb report', () => {
  const folder = synthesizeExample();
  const written = readFileSync(join(folder, 'report.html'), 'utf8');

  it('prints the report synth wrote, byte for byte, given the stack folder', async () => {
    const { code, stdout, stderr } = await pacsLb(['report', dirname(dirname(folder))]);
    expect({ code, stderr }).toEqual({ code: EXIT.ok, stderr: '' });
    expect(stdout).toBe(written);
  });

  it('writes it to --output and says so on standard error', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pacs-lb-report-')), 'report.html');
    const { code, stdout, stderr } = await pacsLb(['report', folder, '--output', file]);
    expect({ code, stdout, stderr }).toEqual({ code: EXIT.ok, stdout: '', stderr: `wrote ${file}\n` });
    expect(readFileSync(file, 'utf8')).toBe(written);
  });

  it('fails with a usage error that says what to give when the folder was not synthesized', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'pacs-lb-empty-'));
    const { code, stdout, stderr } = await pacsLb(['report', empty]);
    expect(code).toBe(EXIT.usage);
    expect(stdout).toBe('');
    expect(stderr).toBe(`pacs-lb: ${empty}: no pacs-lb/<appliance>/appliance.json found. Give the stack's output folder (cdktf.out/stacks/<stack>) after cdktf synth.\n`);
  });
});
