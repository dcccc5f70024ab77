#!/usr/bin/env node
// Removes build output in lib/ (`.js`, `.d.ts`) whose TypeScript source is gone: jsii writes
// beside the sources and never deletes, so a moved or deleted module would otherwise stay
// importable and hide an import of it that no longer resolves (tsc and the tests would find the
// stale `.d.ts`/`.js`), and `npm pack` would ship it. Run by `npm run build` before jsii.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const removed = [];
for (const entry of readdirSync('lib', { recursive: true, encoding: 'utf8' })) {
  const output = /^(.*)\.(d\.ts|js)$/.exec(entry);
  if (!output || existsSync(join('lib', `${output[1]}.ts`))) continue;
  rmSync(join('lib', entry));
  removed.push(entry);
}
if (removed.length > 0) console.log(`removed stale build output: ${removed.map((f) => `lib/${f}`).join(', ')}`);
