/**
 * One guest boot per test file: `bootOnce` prepares the shared folder and runs the scenario in
 * beforeAll, removes the folder in afterAll (kept with PACS_LB_L4_KEEP=1), and gives the tests
 * the guest's findings.
 */
import * as fs from 'fs';
import { afterAll, beforeAll } from 'vitest';
import { finding, GuestOptions, GuestRun, runGuest } from '../../support/l4-kernel';

/** What the tests of a file read. */
export interface BootedGuest {
  /** The synthesized files of the file's main site. */
  files(): Record<string, string>;
  /** A finding (fails the test, quoting the guest's log, when missing). */
  value(key: string): string;
  /** A finding as a number (NaN, so failing numeric expectations, when it is "timeout"). */
  number(key: string): number;
}

/** Registers the boot of `script` in `kernel` on the folder `prepare` returns. */
export function bootOnce(kernel: GuestOptions['kernel'], script: string, prepare: () => { folder: string; files: Record<string, string> }, timeoutMs: number): BootedGuest {
  let run: GuestRun | undefined;
  let files: Record<string, string> = {};
  beforeAll(async () => {
    const prepared = prepare();
    files = prepared.files;
    run = await runGuest({ kernel, folder: prepared.folder, script, timeoutMs });
  }, timeoutMs + 20_000);
  afterAll(() => {
    if (run && process.env.PACS_LB_L4_KEEP === undefined) fs.rmSync(run.folder, { recursive: true, force: true });
  });
  const value = (key: string) => finding(run!, key);
  return { files: () => files, value, number: (key) => Number(value(key)) };
}
