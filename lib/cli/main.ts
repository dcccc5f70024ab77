#!/usr/bin/env node
import { runCli } from './program';

// The `pacs-lb` command (package.json "bin"). Everything is in program.ts, so tests run the
// same code in-process.
// A closed pipe (`pacs-lb status | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

runCli(process.argv.slice(2), process.env, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code;
});
