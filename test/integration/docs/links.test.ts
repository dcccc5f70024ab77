/**
 * Every relative link and image in README.md and docs/*.md resolves to a committed file or
 * folder inside the repository (scripts/check-doc-links.mjs); and the check does fail on a
 * broken link, a link out of the repository, and a file that exists but is not committed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CHECK = join(__dirname, '..', '..', '..', 'scripts', 'check-doc-links.mjs');

function check(root?: string) {
  return spawnSync('node', [CHECK, ...(root ? [root] : [])], { encoding: 'utf8' });
}

describe('links in README.md and docs/', () => {
  it('every relative link and image of this repository resolves to a committed file', () => {
    const run = check();
    expect(run.stdout + run.stderr).toMatch(/^check-doc-links: every relative link in \d+ pages resolves\.$/m);
    expect(run.status).toBe(0);
  });

  it('fails on a missing target, a path out of the repository and an uncommitted file, naming each', () => {
    const root = mkdtempSync(join(tmpdir(), 'pacs-lb-links-'));
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'README.md'), '# r\n\nSee [the guide](docs/guide.md), [gone](docs/gone.md) and [the web](https://example.org/x.md).\n\n```\n[not a link](in/a/code/block.md)\n```\n');
    writeFileSync(join(root, 'docs', 'guide.md'), '![a picture](../out.png)\n\n[back](../README.md#r) built from `../../shared/notes.md`.\n');
    execFileSync('git', ['init', '-q'], { cwd: root });
    execFileSync('git', ['add', 'README.md', 'docs/guide.md'], { cwd: root });
    writeFileSync(join(root, 'out.png'), 'written by a test run, never committed');

    const run = check(root);

    expect(run.status).toBe(1);
    expect(run.stdout.trim().split('\n')).toEqual([
      'README.md:3: docs/gone.md: docs/gone.md is not committed. Fix the link or commit the file.',
      'docs/guide.md:1: ../out.png: out.png is not committed. Fix the link or commit the file.',
      'docs/guide.md:3: ../../shared/notes.md: outside the repository. Link a file in it, or a web address.',
      'check-doc-links: 3 broken link(s) in 2 pages.',
    ]);
  });
});
