/**
 * Which engines scripts/engine/build-engine.sh reports: those on the PATH that are recent enough,
 * told apart by what they print (not by their name), and nothing built when one is. Stand-in
 * binaries on a PATH of our own play the engines here. (Building OpenTofu, when none is on the
 * PATH or PACS_LB_BUILD_OPENTOFU=1, is not run here: it takes minutes; docs/engine.md.)
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINE_BUILD_TIMEOUT_MS, parseEngines } from '../support/engine';

const SCRIPT = join(__dirname, '..', '..', 'scripts', 'engine', 'build-engine.sh');

/** A folder of executables named `name`, each printing `firstLine` for `version`. */
function fakeEngines(binaries: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pacs-lb-fake-engines-'));
  for (const [name, firstLine] of Object.entries(binaries)) {
    writeFileSync(join(dir, name), `#!/bin/sh\n[ "$1" = version ] && echo '${firstLine}' && echo 'on linux_amd64'\n`);
    chmodSync(join(dir, name), 0o755);
  }
  return dir;
}

function select(binDir: string, extra: NodeJS.ProcessEnv = {}) {
  const path = [binDir, dirname(process.execPath), '/usr/local/go/bin', '/usr/bin', '/bin'].join(':');
  const run = spawnSync('bash', [SCRIPT], { encoding: 'utf8', env: { ...process.env, PATH: path, PACS_LB_BUILD_OPENTOFU: '', ...extra }, timeout: ENGINE_BUILD_TIMEOUT_MS });
  expect(run.status, run.stderr).toBe(0);
  return { engines: parseEngines(run.stdout).map((e) => `${e.kind} ${e.version} ${e.binary}`), stderr: run.stderr };
}

describe('build-engine.sh: which engines the end-to-end tests run on', () => {
  it('takes each recent enough engine on the PATH by what it says it is, and skips an old one', () => {
    const dir = fakeEngines({ terraform: 'OpenTofu v1.9.1', tofu: 'OpenTofu v1.5.9' });

    const { engines, stderr } = select(dir);

    expect(engines).toEqual([`opentofu 1.9.1 ${join(dir, 'terraform')}`]);
    expect(stderr).toContain(`ignoring ${join(dir, 'tofu')}: opentofu 1.5.9 is older than 1.6.0`);
  });

  it('reports Terraform and OpenTofu both when both are on the PATH, and builds nothing', () => {
    const dir = fakeEngines({ terraform: 'Terraform v1.11.4', tofu: 'OpenTofu v1.10.0-beta1' });

    const { engines, stderr } = select(dir);

    expect(engines).toEqual([`terraform 1.11.4 ${join(dir, 'terraform')}`, `opentofu 1.10.0 ${join(dir, 'tofu')}`]);
    expect(stderr).not.toContain('building OpenTofu');
  });

});
