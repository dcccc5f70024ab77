#!/usr/bin/env node
// Checks that every relative link and image in README.md and docs/*.md resolves to a file or
// folder that is committed to this repository (git ls-files): not outside it, not missing, and
// not something only a build or a test run writes. Links to the web (a scheme such as https:)
// and to anchors in the same page are not checked. Code blocks are skipped; of code spans, only
// paths that start with ../ are checked.
// Usage: node scripts/check-doc-links.mjs [repository root, default: this repository]
// Prints one line per broken link, `<file>:<line>: <target>: <problem>`, and exits 1 if any.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
const trackedFiles = new Set(tracked);
const trackedFolders = new Set(tracked.flatMap((file) => file.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));

const pages = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];

/** Targets of Markdown links and images, and of HTML src/href attributes, with their line numbers. */
function targets(text) {
  const found = [];
  let inFence = false;
  text.split('\n').forEach((raw, index) => {
    if (/^\s*(```|~~~)/.test(raw)) inFence = !inFence;
    if (inFence) return;
    // A path in a code span that climbs out of the folder (`../x`) is a reference too.
    for (const m of raw.matchAll(/`(\.\.\/[^`\s]+)`/g)) found.push({ target: m[1], line: index + 1 });
    const line = raw.replace(/`[^`]*`/g, '');
    for (const m of line.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) found.push({ target: m[1], line: index + 1 });
    for (const m of line.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/g)) found.push({ target: m[1], line: index + 1 });
    for (const m of line.matchAll(/\s(?:src|href)="([^"]+)"/g)) found.push({ target: m[1], line: index + 1 });
  });
  return found;
}

const problems = [];
for (const page of pages) {
  for (const { target, line } of targets(readFileSync(join(root, page), 'utf8'))) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
    const path = decodeURIComponent(target.split('#')[0].split('?')[0]);
    const where = `${page}:${line}: ${target}`;
    if (isAbsolute(path)) {
      problems.push(`${where}: an absolute path. Link relative to ${page}.`);
      continue;
    }
    const inRepo = normalize(relative(root, join(root, dirname(page), path))).replace(/\/$/, '');
    if (inRepo.startsWith('..')) problems.push(`${where}: outside the repository. Link a file in it, or a web address.`);
    else if (!trackedFiles.has(inRepo) && !trackedFolders.has(inRepo)) problems.push(`${where}: ${inRepo} is not committed. Fix the link or commit the file.`);
  }
}

for (const problem of problems) console.log(problem);
if (problems.length > 0) {
  console.log(`check-doc-links: ${problems.length} broken link(s) in ${pages.length} pages.`);
  process.exit(1);
}
console.log(`check-doc-links: every relative link in ${pages.length} pages resolves.`);
