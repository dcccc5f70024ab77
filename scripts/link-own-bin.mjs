#!/usr/bin/env node
// Part of `prepare` (after the build): makes `npx pacs-lb` work inside this repository too.
// npm links the `bin` entries of dependencies into node_modules/.bin, never the project's own,
// so this links each of ours there (and marks its compiled script executable), as npm does
// for a package installed from the registry or a tarball.
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { bin = {} } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const binFolder = join(root, 'node_modules', '.bin');

for (const [name, target] of Object.entries(bin)) {
  const script = join(root, target);
  if (!existsSync(script)) {
    console.error(`link-own-bin: ${target} does not exist. Run npm run build first.`);
    process.exit(1);
  }
  chmodSync(script, 0o755);
  mkdirSync(binFolder, { recursive: true });
  const link = join(binFolder, name);
  rmSync(link, { force: true });
  symlinkSync(relative(binFolder, script), link);
}
