#!/usr/bin/env node
// `npm run synth`: runs `cdktf synth` for the app named in cdktf.json, quietly, then shows what
// it produced (scripts/show-synth.mjs) and what to open or run next.
// Usage: npm run synth [-- <output folder, default cdktf.out>]
//
// Quiet means: no red `[ERROR]` lines on a successful synth and no spinner frames when the
// output is not a terminal. Those came from the engine, not from synthesis:
// - cdktf asks the engine (`terraform version`) for its version; Terraform then reports a
//   TF_CLI_CONFIG_FILE that names a missing file, and looks up HashiCorp's update checkpoint
//   (unreachable on a closed network). CHECKPOINT_DISABLE switches the lookup off, and a
//   missing CLI configuration file is replaced, for this run only, by the project's
//   scripts/cli.tfrc (which says only `disable_checkpoint = true`); an existing one is kept.
// - cdktf draws a spinner frame every 80 ms; off a terminal, CI=true makes it print the
//   final result only.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outdir = process.argv[2] ?? 'cdktf.out';
const env = { ...process.env, CHECKPOINT_DISABLE: '1', DISABLE_VERSION_CHECK: '1' };
if (!process.stdout.isTTY) env.CI = 'true';

for (const variable of ['TF_CLI_CONFIG_FILE', 'TOFU_CLI_CONFIG_FILE']) {
  const file = env[variable];
  if (file && !existsSync(file)) {
    console.log(`synth: ${variable} names ${file}, which does not exist; this run uses scripts/cli.tfrc instead.`);
    env[variable] = join(here, 'cli.tfrc');
  }
}

const cdktf = spawnSync('npx', ['--no-install', 'cdktf', 'synth', '--output', outdir], { stdio: 'inherit', env });
if (cdktf.status !== 0) process.exit(cdktf.status ?? 1);
const show = spawnSync(process.execPath, [join(here, 'show-synth.mjs'), outdir], { stdio: 'inherit' });
process.exit(show.status ?? 1);
