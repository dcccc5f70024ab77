#!/usr/bin/env node
// Shows what `cdktf synth` produced: the files of every stack, each appliance's VIP table, and
// ends with what to open or run next.
// Usage: node scripts/show-synth.mjs [output folder, default cdktf.out]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const out = process.argv[2] ?? 'cdktf.out';
const stacksFolder = join(out, 'stacks');
if (!existsSync(stacksFolder)) {
  console.error(`show-synth: ${stacksFolder} does not exist; run cdktf synth first.`);
  process.exit(1);
}

function filesUnder(folder) {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

const reports = [];
for (const stack of readdirSync(stacksFolder).sort()) {
  const files = filesUnder(join(stacksFolder, stack));
  console.log(`\nStack ${stack}: ${files.length} files in ${join(stacksFolder, stack)}`);
  for (const file of files) console.log(`  ${relative(join(stacksFolder, stack), file)}`);
  for (const table of files.filter((f) => f.endsWith('vip-table.md'))) {
    console.log(`\n${readFileSync(table, 'utf8')}`);
    reports.push(join(table, '..', 'report.html'));
  }
}

console.log('Next:');
for (const report of reports) console.log(`  open ${report} in a browser: the diagram of the appliance and its VIPs`);
console.log('  npx pacs-lb --help            the CLI that cdktf deploy runs (drain, status, report, ...)');
console.log('  npx cdktf deploy              needs Terraform or OpenTofu on the PATH; see README.md, "Deploying"');
console.log('  scripts/install-test-tools.sh && npm ci && npm test     the whole test suite; see README.md');
