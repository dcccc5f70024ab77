/**
 * Synth time of the Centricity PACS example (19 VIPs) and of generated sites of 500 and 2,000
 * VIPs × 8 real servers, with the time per VIP of each and its ratio to the example's: a
 * ratio near 1 means synthesis grows linearly with the VIP count. Medians of 3 runs.
 *
 * Two figures per size: the whole `app.synth()` (validation, rendering and writing one file
 * per VIP, so it includes the file system's cost of large folders), and the library's own
 * work in memory (specs, validation, rendering) without the writes.
 */
import { App, TerraformStack } from 'cdktf';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CentricityPacsSiteStack } from '../examples/centricity-pacs/site';
import { ForwardingMethod, HealthCheck, Layer4Vip, LoadBalancerAppliance, Persistence, Ports, ReverseProxyVip } from '../lib';
import { renderApplianceFiles } from '../lib/render/appliance-files';

const RUNS = 3;
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

function median(times: number[]): number {
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

/** Whole synth: construct, validate, render and write. */
function timeSynth(build: (app: App) => void): number {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const outdir = mkdtempSync(join(tmpdir(), 'pacs-lb-bench-'));
    const start = performance.now();
    const app = new App({ outdir });
    build(app);
    app.synth();
    times.push(performance.now() - start);
    rmSync(outdir, { recursive: true, force: true });
  }
  return median(times);
}

/** The library's work in memory: construct, validate every construct, render every appliance's files. */
function timeInMemory(build: (app: App) => void): number {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
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

for (const [label, measure] of [['whole synth', timeSynth], ['in memory, no file writes', timeInMemory]] as const) {
  const example = measure((app) => new CentricityPacsSiteStack(app, 'centricity-pacs'));
  const examplePerVip = example / 19;
  console.log(`${label}: Centricity PACS example (19 VIPs): ${example.toFixed(0)} ms, ${examplePerVip.toFixed(2)} ms per VIP (baseline)`);
  const sizes = [500, 2000];
  const perSize = sizes.map((count) => measure((app) => generatedSite(app, count)));
  sizes.forEach((count, i) => {
    const perVip = perSize[i] / count;
    console.log(`${label}: generated site (${count} VIPs x ${REAL_SERVERS_PER_VIP} real servers): ${perSize[i].toFixed(0)} ms, ${perVip.toFixed(2)} ms per VIP, per-VIP ratio to the example: ${(perVip / examplePerVip).toFixed(2)} (the example has 2-3 real servers per VIP)`);
  });
  console.log(`${label}: growth from 500 to 2000 VIPs of the same shape: time x${(perSize[1] / perSize[0]).toFixed(2)} for VIPs x4 (linear = 4.00)`);
}
