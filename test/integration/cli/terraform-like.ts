import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/**
 * A stand-in for `terraform apply` / `destroy` of the null resources in a cdk.tf.json, for
 * tests on machines without Terraform. It follows Terraform's documented rules for what the
 * provisioners of these resources see:
 * - a resource whose triggers changed (except keys under `ignore_changes`) is replaced:
 *   destroyed (running its destroy-time provisioners from the CURRENT configuration, with
 *   `self` from the state), then created (create-time provisioners);
 * - a resource whose block is gone is destroyed WITHOUT provisioners (Terraform drops them
 *   with the block);
 * - destroys run dependents first, creates run dependencies first; independent resources run
 *   in parallel, up to `parallelism` (Terraform's default 10);
 * - local-exec runs `interpreter` + [command] with no shell, in the working directory (the
 *   stack folder), with the process environment plus `environment`.
 * A provisioner that fails stops the run (and, for a create, leaves the resource out of the
 * state, as Terraform taints it).
 */

interface LocalExec {
  readonly command: string;
  readonly interpreter?: string[];
  readonly environment?: Record<string, string>;
  readonly when?: string;
}

interface NullResourceConfig {
  readonly triggers: Record<string, string>;
  readonly depends_on?: string[];
  readonly lifecycle?: { ignore_changes?: string[] };
  readonly provisioner?: { 'local-exec': LocalExec }[];
}

interface StateEntry {
  readonly triggers: Record<string, string>;
  readonly dependsOn: string[];
}

/** A provisioner run, as Terraform would start it. */
export interface ProvisionerRun {
  readonly address: string;
  readonly argv: string[];
  readonly code: number;
  readonly output: string;
}

function readConfig(stackFolder: string): Map<string, NullResourceConfig> {
  const json = JSON.parse(fs.readFileSync(path.join(stackFolder, 'cdk.tf.json'), 'utf8'));
  const resources = (json.resource?.null_resource ?? {}) as Record<string, NullResourceConfig>;
  for (const [name, config] of Object.entries(resources)) {
    for (const dependency of config.depends_on ?? []) {
      if (!/^null_resource\.[A-Za-z0-9_-]+$/.test(dependency) || !(dependency.slice('null_resource.'.length) in resources)) {
        throw new Error(`${name}: depends_on "${dependency}" is not the address of a resource in this configuration`);
      }
    }
  }
  return new Map(Object.entries(resources).map(([name, config]) => [`null_resource.${name}`, config]));
}

function ignoredKeys(config: NullResourceConfig): Set<string> {
  return new Set((config.lifecycle?.ignore_changes ?? []).map((e) => /^triggers\["(.+)"\]$/.exec(e)?.[1]).filter((k): k is string => !!k));
}

/** Terraform's `${self.triggers.x}` in provisioner arguments. */
function resolveSelf(text: string, triggers: Record<string, string>): string {
  return text.replace(/\$\{self\.triggers\.([A-Za-z0-9_]+)\}/g, (_, key: string) => {
    if (!(key in triggers)) throw new Error(`self.triggers.${key} does not exist`);
    return triggers[key];
  });
}

/** Terraform's unescaping of literal `$${` and `%%{` in JSON-syntax strings. */
function unescapeLiteral(text: string): string {
  return text.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}

export class TerraformLike {
  /** The state: resource address to its triggers and dependencies. */
  public readonly state = new Map<string, StateEntry>();
  /** Every provisioner run, in order of completion. */
  public readonly runs: ProvisionerRun[] = [];

  constructor(private readonly env: Record<string, string>, private readonly parallelism = 10) {}

  /** `terraform apply` of the stack folder's configuration. */
  public async apply(stackFolder: string): Promise<void> {
    const config = readConfig(stackFolder);
    const desired = new Map([...config].map(([address, c]) => [address, this.plannedTriggers(address, c)]));
    const replaced = [...config.keys()].filter((a) => this.state.has(a) && !sameTriggers(this.state.get(a)!.triggers, desired.get(a)!));
    const orphans = [...this.state.keys()].filter((a) => !config.has(a));
    const created = [...config.keys()].filter((a) => !this.state.has(a) || replaced.includes(a));
    await this.destroyAll(stackFolder, [...replaced, ...orphans], config);
    await this.inOrder(created, (a) => config.get(a)!.depends_on ?? [], async (address) => {
      const c = config.get(address)!;
      const triggers = desired.get(address)!;
      for (const p of (c.provisioner ?? []).map((x) => x['local-exec']).filter((x) => x.when !== 'destroy')) {
        await this.run(stackFolder, address, p, triggers);
      }
      this.state.set(address, { triggers, dependsOn: c.depends_on ?? [] });
    });
  }

  /** `terraform destroy`: every resource in the state, with the configuration's destroy provisioners. */
  public async destroy(stackFolder: string): Promise<void> {
    await this.destroyAll(stackFolder, [...this.state.keys()], readConfig(stackFolder));
  }

  private plannedTriggers(address: string, config: NullResourceConfig): Record<string, string> {
    const triggers = Object.fromEntries(Object.entries(config.triggers).map(([k, v]) => [k, unescapeLiteral(v)]));
    const prior = this.state.get(address);
    if (prior) for (const key of ignoredKeys(config)) if (key in prior.triggers) triggers[key] = prior.triggers[key];
    return triggers;
  }

  private async destroyAll(stackFolder: string, addresses: string[], config: Map<string, NullResourceConfig>): Promise<void> {
    // Reverse dependencies: a resource waits until everything depending on it is destroyed.
    const dependsOn = new Map(addresses.map((a) => [a, this.state.get(a)!.dependsOn]));
    const dependents = (a: string) => addresses.filter((b) => dependsOn.get(b)!.includes(a));
    await this.inOrder(addresses, dependents, async (address) => {
      const c = config.get(address);
      for (const p of (c?.provisioner ?? []).map((x) => x['local-exec']).filter((x) => x.when === 'destroy')) {
        await this.run(stackFolder, address, p, this.state.get(address)!.triggers);
      }
      this.state.delete(address);
    });
  }

  /** Runs work for every address once everything it waits for is done, up to `parallelism` at once. */
  private async inOrder(addresses: string[], waitsFor: (a: string) => string[], work: (a: string) => Promise<void>): Promise<void> {
    const pending = new Set(addresses);
    const done = new Set<string>();
    const running = new Map<string, Promise<void>>();
    while (pending.size > 0 || running.size > 0) {
      for (const a of [...pending]) {
        if (running.size >= this.parallelism) break;
        if (waitsFor(a).every((d) => !pending.has(d) && !running.has(d))) {
          pending.delete(a);
          running.set(a, work(a).then(() => void done.add(a)));
        }
      }
      if (running.size === 0) throw new Error(`dependency cycle among ${[...pending].join(', ')}`);
      const finished = await Promise.race([...running].map(([a, p]) => p.then(() => a)));
      running.delete(finished);
    }
  }

  private run(stackFolder: string, address: string, p: LocalExec, triggers: Record<string, string>): Promise<void> {
    const argv = [...(p.interpreter ?? ['/bin/sh', '-c']), p.command].map((w) => resolveSelf(w, triggers));
    const environment = Object.fromEntries(Object.entries(p.environment ?? {}).map(([k, v]) => [k, resolveSelf(v, triggers)]));
    return new Promise((resolve, reject) => {
      const child = spawn(argv[0], argv.slice(1), { cwd: stackFolder, env: { ...this.env, ...environment }, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      child.on('error', reject);
      child.on('close', (code) => {
        this.runs.push({ address, argv, code: code ?? -1, output });
        if (code === 0) resolve();
        else reject(new Error(`${address}: provisioner exited ${code}: ${output}`));
      });
    });
  }
}

function sameTriggers(a: Record<string, string>, b: Record<string, string>): boolean {
  return JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
}
