/**
 * Synth time of the Centricity PACS example (19 VIPs) and of generated sites of 500 and 2,000
 * VIPs × 8 real servers, against the bare-cdktf floor of the same resource count.
 *
 * For each size, in one run on this machine:
 * - ours: the whole `app.synth()` (construct, validate, render, write every file);
 * - floor: a bare cdktf App/TerraformStack with as many `null_resource`s as ours synthesizes,
 *   each with triggers of the same number and byte length, also the whole `app.synth()`;
 * - the ratio ours / floor (issue 13 asks ≤ 1.5 at 2,000 VIPs), the file count of ours, and
 *   the growth from 500 to 2,000 VIPs of both (linear = ×4.00).
 * Then the library's own work in memory (specs, validation, rendering, no writes).
 *
 * Medians of BENCH_RUNS runs (default 5), ours and the floor by turns so the machine's load
 * reaches both alike, each after a full garbage collection. Written under BENCH_TMPDIR if set
 * (creating a file costs about 1 ms on some virtual disks, so the file count shows there).
 * Usage: npx tsx bench/synth.bench.ts
 */
import { NullProvider } from '@cdktf/provider-null/lib/provider';
import { Resource as NullResource } from '@cdktf/provider-null/lib/resource';
import { App, TerraformStack } from 'cdktf';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CentricityPacsSiteStack } from '../examples/centricity-pacs/site';
import { ForwardingMethod, HealthCheck, Layer4Vip, LoadBalancerAppliance, Persistence, Ports, ReverseProxyVip } from '../lib';
import { renderApplianceFiles } from '../lib/synth/appliance-renderers';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Where the synthesized folders go: the system's temporary folder unless BENCH_TMPDIR names another (e.g. a tmpfs, to leave the disk out). */
const OUTPUT_PARENT = process.env.BENCH_TMPDIR ?? tmpdir();

// A full garbage collection before each timed synth, so no run pays for the garbage of the one before.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const REAL_SERVERS_PER_VIP = 8;

/** A site of `count` VIPs: a third each Layer 4 DR, Layer 4 SNAT and Layer 7, 8 real servers each. */
function generatedSite(app: App, count: number): void {
  const stack = new TerraformStack(app, 'generated');
  const appliance = new LoadBalancerAppliance(stack, 'lb', { managementAddress: '192.0.2.5', subnets: ['192.0.2.0/24', '198.51.100.0/24'] });
  for (let i = 0; i < count; i++) {
    const address = `192.0.2.${100 + (i % 100)}`;
    const port = 10000 + Math.floor(i / 100);
    const servers = Array.from({ length: REAL_SERVERS_PER_VIP }, (_, s) => ({ name: `RIP${s + 1}`, address: `198.51.100.${s + 1}`, port: i % 3 === 2 ? 20000 + i : undefined }));
    const common = { address, ports: Ports.single(port), realServers: servers };
    if (i % 3 === 0) new Layer4Vip(appliance, `VIP_${i}`, { ...common, realServers: servers.map((s) => ({ ...s, address: s.address.replace('198.51.100', '192.0.2') })), healthCheck: HealthCheck.httpGet({ port: 80 }) });
    else if (i % 3 === 1) new Layer4Vip(appliance, `VIP_${i}`, { ...common, forwarding: ForwardingMethod.SNAT, persistence: Persistence.sourceIp() });
    else new ReverseProxyVip(appliance, `VIP_${i}`, { ...common, persistence: Persistence.sourceIp(), healthCheck: HealthCheck.httpsGet() });
  }
}

/** What the floor must match: per null_resource, its trigger strings (so their number and byte length match too). */
type TriggerShape = string[][];

/** One null_resource as ours wrote it in cdk.tf.json (the fields the second floor copies). */
interface WrittenResource {
  readonly triggers?: Record<string, string>;
  readonly provisioner?: Array<Record<string, { command: string; interpreter?: string[]; environment?: Record<string, string>; when?: string }>>;
  readonly lifecycle?: { ignore_changes?: string[] };
  readonly depends_on?: string[];
}

/** Everything ours synthesized: its null_resources' trigger sizes, the resources themselves, and its file count. */
interface Synthesized {
  readonly shape: TriggerShape;
  readonly resources: WrittenResource[];
  readonly files: number;
}

function median(times: number[]): number {
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

function countFiles(folder: string): number {
  return readdirSync(folder, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).length;
}

function inspect(outdir: string): Synthesized {
  const stacks = join(outdir, 'stacks');
  const shape: TriggerShape = [];
  const resources: WrittenResource[] = [];
  for (const stack of readdirSync(stacks)) {
    const config = JSON.parse(readFileSync(join(stacks, stack, 'cdk.tf.json'), 'utf8'));
    for (const resource of Object.values<WrittenResource>(config.resource?.null_resource ?? {})) {
      shape.push(Object.values(resource.triggers ?? {}));
      resources.push(resource);
    }
  }
  return { shape, resources, files: countFiles(outdir) };
}

/** One whole synth (construct, validate, render, write) into a new folder: its time, and what it wrote when asked. */
function synthOnce(build: (app: App) => void, inspectOutput: boolean): { ms: number; synthesized?: Synthesized } {
  const outdir = mkdtempSync(join(OUTPUT_PARENT, 'pacs-lb-bench-'));
  collectGarbage();
  const start = performance.now();
  const app = new App({ outdir });
  build(app);
  app.synth();
  const ms = performance.now() - start;
  const synthesized = inspectOutput ? inspect(outdir) : undefined;
  rmSync(outdir, { recursive: true, force: true });
  return { ms, synthesized };
}

/**
 * Ours and the bare-cdktf floor, whole synth, run by turns (ours first, then the floor first,
 * and so on) so a change of the machine's load reaches both alike; the medians, and what ours
 * wrote.
 */
function compareWithFloor(build: (app: App) => void): { ours: number; floor: number; sameResources: number; synthesized: Synthesized } {
  const first = synthOnce(build, true);
  const synthesized = first.synthesized!;
  const floorBuild = bareCdktf(synthesized.shape);
  const sameBuild = bareCdktfSameResources(synthesized.resources);
  const ours = [first.ms];
  const floor = [synthOnce(floorBuild, false).ms];
  const same = [synthOnce(sameBuild, false).ms];
  for (let run = 1; run < RUNS; run++) {
    if (run % 2 === 1) {
      floor.push(synthOnce(floorBuild, false).ms);
      same.push(synthOnce(sameBuild, false).ms);
    }
    ours.push(synthOnce(build, false).ms);
    if (run % 2 === 0) {
      floor.push(synthOnce(floorBuild, false).ms);
      same.push(synthOnce(sameBuild, false).ms);
    }
  }
  return { ours: median(ours), floor: median(floor), sameResources: median(same), synthesized };
}

/**
 * Bare cdktf: as many null_resources as ours, each with the very trigger strings ours wrote
 * (same number, same bytes), as plain strings. Not filler: cdktf scans every string for encoded
 * number tokens with a regular expression that backtracks on long runs of digits, so a filler
 * of digits makes the floor several times slower, and one of letters faster, than real text.
 */
function bareCdktf(shape: TriggerShape): (app: App) => void {
  return (app) => {
    const stack = new TerraformStack(app, 'bare');
    new NullProvider(stack, 'null');
    shape.forEach((values, r) => {
      const triggers: Record<string, string> = {};
      values.forEach((value, t) => (triggers[`t${t}`] = value));
      new NullResource(stack, `r${r}`, { triggers });
    });
  };
}

/**
 * A second floor: bare cdktf writing the very resources ours wrote (triggers, local-exec
 * provisioners, lifecycle, depends_on), as plain values. What cdktf itself costs for our
 * Terraform output, so the difference to ours is the library's own work (specs, validation,
 * rendering and the files beside cdk.tf.json).
 */
function bareCdktfSameResources(resources: WrittenResource[]): (app: App) => void {
  return (app) => {
    const stack = new TerraformStack(app, 'bare');
    new NullProvider(stack, 'null');
    resources.forEach((resource, r) => {
      new NullResource(stack, `r${r}`, {
        triggers: resource.triggers,
        lifecycle: resource.lifecycle?.ignore_changes ? { ignoreChanges: resource.lifecycle.ignore_changes } : undefined,
        provisioners: (resource.provisioner ?? []).map((p) => {
          const exec = p['local-exec'];
          return { type: 'local-exec' as const, command: exec.command, interpreter: exec.interpreter, environment: exec.environment, when: exec.when as 'destroy' | undefined };
        }),
      }).dependsOn = resource.depends_on;
    });
  };
}

/** The library's work in memory: construct, validate every construct, render every appliance's files. */
function timeInMemory(build: (app: App) => void): number {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    collectGarbage();
    const start = performance.now();
    const app = new App({ outdir: tmpdir() });
    build(app);
    const constructs = app.node.findAll();
    constructs.forEach((c) => c.node.validate());
    for (const appliance of constructs.filter(LoadBalancerAppliance.isLoadBalancerAppliance)) renderApplianceFiles(appliance.toSpec(), appliance.vipSpecs());
    times.push(performance.now() - start);
  }
  return median(times);
}

const sizes: Array<[string, number, (app: App) => void]> = [
  ['Centricity PACS example', 19, (app) => new CentricityPacsSiteStack(app, 'centricity-pacs')],
  ['generated site', 500, (app) => generatedSite(app, 500)],
  ['generated site', 2000, (app) => generatedSite(app, 2000)],
];

const whole = new Map<number, { ours: number; floor: number; sameResources: number }>();
for (const [label, count, build] of sizes) {
  const { ours, floor, sameResources, synthesized } = compareWithFloor(build);
  whole.set(count, { ours, floor, sameResources });
  const shape = synthesized.shape;
  const triggerBytes = shape.flat().reduce((sum, value) => sum + Buffer.byteLength(value), 0);
  console.log(
    `whole synth: ${label} (${count} VIPs${count === 19 ? '' : ` x ${REAL_SERVERS_PER_VIP} real servers`}): ours ${ours.toFixed(0)} ms, ` +
      `bare cdktf ${floor.toFixed(0)} ms (${shape.length} null_resources, ${(triggerBytes / 1e6).toFixed(1)} MB of triggers), ` +
      `ratio ours/bare ${(ours / floor).toFixed(2)}; ${synthesized.files} files written`,
  );
  console.log(
    `whole synth: ${label} (${count} VIPs): bare cdktf with the same resources (provisioners, lifecycle, depends_on too) ${sameResources.toFixed(0)} ms, ` +
      `ratio ours/that ${(ours / sameResources).toFixed(2)}; the library's own work ${(ours - sameResources).toFixed(0)} ms`,
  );
}
const [small, large] = [whole.get(500)!, whole.get(2000)!];
console.log(`whole synth: output under ${OUTPUT_PARENT}`);
console.log(
  `whole synth: growth from 500 to 2000 VIPs: ours x${(large.ours / small.ours).toFixed(2)}, bare cdktf x${(large.floor / small.floor).toFixed(2)}, ` +
    `bare cdktf with the same resources x${(large.sameResources / small.sameResources).toFixed(2)}, for VIPs x4 (linear = 4.00)`,
);

if (process.env.BENCH_IN_MEMORY !== '0') {
  const label = 'in memory, no file writes';
  const example = timeInMemory(sizes[0][2]);
  const examplePerVip = example / 19;
  console.log(`${label}: Centricity PACS example (19 VIPs): ${example.toFixed(0)} ms, ${examplePerVip.toFixed(2)} ms per VIP (baseline)`);
  const perSize = [500, 2000].map((count) => timeInMemory((app) => generatedSite(app, count)));
  [500, 2000].forEach((count, i) => {
    const perVip = perSize[i] / count;
    console.log(`${label}: generated site (${count} VIPs x ${REAL_SERVERS_PER_VIP} real servers): ${perSize[i].toFixed(0)} ms, ${perVip.toFixed(2)} ms per VIP, per-VIP ratio to the example: ${(perVip / examplePerVip).toFixed(2)}`);
  });
  console.log(`${label}: growth from 500 to 2000 VIPs of the same shape: time x${(perSize[1] / perSize[0]).toFixed(2)} for VIPs x4 (linear = 4.00)`);
}
