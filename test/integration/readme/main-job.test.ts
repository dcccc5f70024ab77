/**
 * The README's main job, the way a user runs it after `npm ci`: `npm run synth` (the real cdktf
 * CLI running the example app through cdktf.json, then the script that shows what was
 * produced), off a terminal, on a machine whose TF_CLI_CONFIG_FILE names a missing file and
 * whose network has no route to HashiCorp's checkpoint service; then `npx pacs-lb --help`,
 * which `npm ci` (its `prepare` build) made work.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..', '..');

describe('npm run synth, then npx pacs-lb --help', () => {
  const out = mkdtempSync(join(tmpdir(), 'pacs-lb-cdktf-out-'));
  const env: NodeJS.ProcessEnv = { ...process.env, TF_CLI_CONFIG_FILE: join(out, 'no-such-terraformrc') };
  for (const name of ['CHECKPOINT_DISABLE', 'CI', 'DISABLE_VERSION_CHECK']) delete env[name];

  it('synthesizes through the cdktf CLI, shows the 19-row VIP table, prints no [ERROR] and no spinner, and ends with what to do next', () => {
    const run = spawnSync('npm', ['run', '--silent', 'synth', '--', out], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
    const output = run.stdout + run.stderr;

    expect(run.status, output).toBe(0);
    expect(output).not.toContain('[ERROR]');
    expect(output).not.toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/);
    expect(output).toContain('Stack centricity-pacs:');
    expect(output).toContain('pacs-lb/lb-pacs/appliance-commands.json');
    expect(output.split('\n').filter((line) => /^\| \d+ \| \S+ \| Layer/.test(line))).toHaveLength(19);
    const next = output.slice(output.lastIndexOf('Next:'));
    expect(next).toContain(`open ${join(out, 'stacks', 'centricity-pacs', 'pacs-lb', 'lb-pacs', 'report.html')} in a browser`);
    expect(next).toContain('npx pacs-lb --help');
    expect(next.trimEnd().split('\n')).toHaveLength(5);
  }, 180_000);

  it('npx pacs-lb --help works in the repository after npm ci', () => {
    const run = spawnSync('npx', ['--no-install', 'pacs-lb', '--help'], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });

    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Usage: pacs-lb');
  }, 180_000); // npx took 36 s on two cores at load 10
});
