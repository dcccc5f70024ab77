/**
 * Every engine present (Terraform and/or OpenTofu, see scripts/engine/build-engine.sh) works with
 * the null provider stand-in: `init` installs it from the local mirror (no registry), apply runs a create-time local-exec
 * provisioner, destroy runs a destroy-time one that reads only `self.triggers`, and the engine
 * rejects what only it can reject (a destroy-time provisioner referencing a variable).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { availableEngines, engineOk, runEngine } from '../support/engine';

const NULL_PROVIDER = { null: { source: 'hashicorp/null', version: '~> 3.0' } };

/** A root module with one null_resource whose provisioners write marker files named in its triggers. */
function markerConfig(markerDir: string): object {
  return {
    terraform: { required_providers: NULL_PROVIDER },
    resource: {
      null_resource: {
        marker: {
          triggers: { created: join(markerDir, 'created'), destroyed: join(markerDir, 'destroyed') },
          provisioner: [
            { 'local-exec': { command: 'echo created > "$MARKER"', environment: { MARKER: '${self.triggers.created}' } } },
            {
              'local-exec': {
                when: 'destroy',
                command: 'echo destroyed > "$MARKER"',
                environment: { MARKER: '${self.triggers.destroyed}' },
              },
            },
          ],
        },
      },
    },
  };
}

/** A fresh folder holding `main.tf.json` with the given configuration. */
function workDir(config: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'pacs-lb-engine-'));
  writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(config, null, 2));
  return dir;
}

describe.each(availableEngines())('$label with the null provider stand-in from the local mirror', (engine) => {
  it('inits from the local mirror, runs the create provisioner on apply and the destroy provisioner on destroy', async () => {
    const markerDir = mkdtempSync(join(tmpdir(), 'pacs-lb-markers-'));
    const dir = workDir(markerConfig(markerDir));

    await engineOk(engine, dir, ['init', '-input=false']);
    const lock = readFileSync(join(dir, '.terraform.lock.hcl'), 'utf8');
    expect(lock).toContain(`provider "${engine.registryHost}/hashicorp/null"`);
    expect(lock).toContain('version     = "3.2.4"');

    const apply = await engineOk(engine, dir, ['apply', '-auto-approve', '-input=false']);
    expect(apply.stdout).toContain('Apply complete! Resources: 1 added, 0 changed, 0 destroyed.');
    expect(readFileSync(join(markerDir, 'created'), 'utf8')).toBe('created\n');
    expect(existsSync(join(markerDir, 'destroyed'))).toBe(false);

    const state = JSON.parse((await engineOk(engine, dir, ['show', '-json'])).stdout);
    const [resource] = state.values.root_module.resources;
    expect(resource.address).toBe('null_resource.marker');
    expect(resource.values.triggers.created).toBe(join(markerDir, 'created'));
    expect(resource.values.id).toMatch(/^\d+$/);

    const destroy = await engineOk(engine, dir, ['destroy', '-auto-approve', '-input=false']);
    expect(destroy.stdout).toContain('Destroy complete! Resources: 1 destroyed.');
    expect(readFileSync(join(markerDir, 'destroyed'), 'utf8')).toBe('destroyed\n');
    expect((await engineOk(engine, dir, ['state', 'list'])).stdout).toBe('');
  });

  it('replaces the resource when a trigger changes, running destroy then create', async () => {
    const markerDir = mkdtempSync(join(tmpdir(), 'pacs-lb-markers-'));
    const dir = workDir(markerConfig(markerDir));
    await engineOk(engine, dir, ['init', '-input=false']);
    await engineOk(engine, dir, ['apply', '-auto-approve', '-input=false']);

    const otherDir = mkdtempSync(join(tmpdir(), 'pacs-lb-markers-'));
    writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(markerConfig(otherDir)));
    const apply = await engineOk(engine, dir, ['apply', '-auto-approve', '-input=false']);

    expect(apply.stdout).toContain('Apply complete! Resources: 1 added, 0 changed, 1 destroyed.');
    expect(readFileSync(join(markerDir, 'destroyed'), 'utf8')).toBe('destroyed\n');
    expect(readFileSync(join(otherDir, 'created'), 'utf8')).toBe('created\n');
    await engineOk(engine, dir, ['destroy', '-auto-approve', '-input=false']);
  });

  it('rejects a destroy-time provisioner that references something other than self', async () => {
    const config = markerConfig(tmpdir()) as { variable?: object; resource: { null_resource: { marker: { provisioner: object[] } } } };
    config.variable = { marker: { type: 'string', default: '/tmp/marker' } };
    config.resource.null_resource.marker.provisioner[1] = {
      'local-exec': { when: 'destroy', command: 'echo destroyed > "$MARKER"', environment: { MARKER: '${var.marker}' } },
    };
    const dir = workDir(config);

    const init = await runEngine(engine, dir, ['init', '-input=false']);

    expect(init.status).toBe(1);
    expect(init.stderr).toContain('Invalid reference from destroy provisioner');
  });

  it('never falls back to a registry: a provider missing from the mirror fails init', async () => {
    const dir = workDir({ terraform: { required_providers: { random: { source: 'hashicorp/random' } } } });

    const init = await runEngine(engine, dir, ['init', '-input=false']);

    expect(init.status).toBe(1);
    expect(init.stderr.replace(/\s+/g, ' ')).toContain(`${engine.registryHost}/hashicorp/random was not found in any of the search locations`);
  });
});
