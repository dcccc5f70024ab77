/**
 * The README's main job, the way a user runs it: `cdktf synth` through cdktf.json (the real
 * cdktf CLI running the example app), then the script that shows what was produced.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('npm run synth (cdktf synth of the example, then show-synth)', () => {
  const out = mkdtempSync(join(tmpdir(), 'pacs-lb-cdktf-out-'));
  const env = { ...process.env, CHECKPOINT_DISABLE: '1', CI: 'true' };

  it('synthesizes through the cdktf CLI and shows the 19-row VIP table', () => {
    execFileSync('npx', ['cdktf', 'synth', '--output', out], { env, stdio: 'pipe', timeout: 120_000 });
    const shown = execFileSync('node', ['scripts/show-synth.mjs', out], { env }).toString();
    expect(shown).toContain('Stack centricity-pacs:');
    expect(shown).toContain('pacs-lb/lb-pacs/appliance-commands.json');
    expect(shown.split('\n').filter((line) => /^\| \d+ \| \S+ \| Layer/.test(line))).toHaveLength(19);
  }, 180_000);
});
