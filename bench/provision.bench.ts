// Requests and write commands `cdktf deploy` sends the appliance through pacs-lb, for the
// example site (19 VIPs), beside a naive "push everything" deployer that POSTs every VIP's full
// command set on every deploy. Both run against the appliance contract double
// (test/support/appliance-double.ts) in the same process; figures are counted, not estimated.
//
// What Terraform runs per scenario (proven by test/integration/cli/deploy.test.ts):
//   first deploy   every VIP's spec resource is created (pacs-lb apply), then the reload resource
//   no change      nothing is replaced, so nothing runs
//   one weight     that VIP's spec resource and the reload resource are replaced:
//                  pacs-lb prune (no removal: sends nothing), pacs-lb apply <VIP>, pacs-lb reload
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { CentricityPacsSiteStack } from '../examples/centricity-pacs/site';
import { ApplianceApiClient } from '../lib/targets/loadbalancer-org/api-client';
import { createOutput } from '../lib/cli/output';
import { runCli } from '../lib/cli/program';
import { applianceRequests } from '../lib/render/loadbalancer-org/appliance-commands';
import { VirtualServiceSpec } from '../lib/spec/virtual-service-spec';
import { ApplianceDouble } from '../test/support/appliance-double';
import { REPLY_DIALECTS } from '../test/support/appliance-reply-dialects';

const KEY = 'bench-key';

interface Figures {
  requests: number;
  writes: number;
  ms: number;
}

async function measure(double: ApplianceDouble, work: () => Promise<void>): Promise<Figures> {
  double.clearRecords();
  const start = process.hrtime.bigint();
  await work();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { requests: double.requests.length, writes: double.writes().length, ms };
}

async function main(): Promise<void> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'pacs-lb-bench-'));
  const app = new App({ outdir });
  const site = new CentricityPacsSiteStack(app, 'centricity-pacs');
  const vips: VirtualServiceSpec[] = site.appliance.vipSpecs();
  const appliance = site.appliance.toSpec();
  app.synth();
  const stackFolder = path.join(outdir, 'stacks', 'centricity-pacs');

  const double = await ApplianceDouble.start({ apiKey: KEY });
  const env = {
    PACS_LB_API_KEY: KEY, PACS_LB_CA_FILE: double.caFile, PACS_LB_STATE_DIR: path.join(outdir, 'state'),
    PACS_LB_CONNECT_TO: `127.0.0.1:${double.port}`, PACS_LB_APPLIANCE: JSON.stringify(appliance),
  };
  const quiet = { stdout: () => undefined, stderr: () => undefined };
  const cli = async (args: string[], extra: Record<string, string> = {}) => {
    const code = await runCli(args, { ...env, ...extra }, quiet);
    if (code !== 0) throw new Error(`pacs-lb ${args.join(' ')} exited ${code}`);
  };
  const applyVip = (vip: VirtualServiceSpec) => cli(['apply', vip.name], { PACS_LB_SPEC: JSON.stringify(vip) });

  const changed = JSON.parse(JSON.stringify(vips[0])) as VirtualServiceSpec;
  (changed.realServers[0] as { weight: number }).weight = 50;

  const pacsLb = {
    first: await measure(double, async () => {
      for (const vip of vips) await applyVip(vip);
      await cli(['reload']);
    }),
    none: await measure(double, async () => undefined),
    rerun: await measure(double, async () => {
      for (const vip of vips) await applyVip(vip);
    }),
    weight: await measure(double, async () => {
      await cli(['prune', '--stack-folder', stackFolder], { PACS_LB_OWNED_VIPS: vips.map((v) => v.name).join(',') });
      await applyVip(changed);
      await cli(['reload']);
    }),
  };

  // The naive deployer: every request of the full build-from-empty set, on every deploy.
  const naiveDouble = await ApplianceDouble.start({ apiKey: KEY });
  const client = new ApplianceApiClient(
    { host: '127.0.0.1', port: naiveDouble.port, caFile: naiveDouble.caFile, insecure: false, connectTimeoutMs: 5000, requestTimeoutMs: 60000, requestDeadlineMs: 60000, retries: 0, retryDelayMs: 0 },
    { apiKey: KEY }, createOutput(quiet, false),
  );
  const pushEverything = (set: VirtualServiceSpec[]) => async () => {
    for (const request of applianceRequests(set)) await client.send(request.body.lbcli);
  };
  const naive = {
    first: await measure(naiveDouble, pushEverything(vips)),
    none: await measure(naiveDouble, pushEverything(vips)),
    weight: await measure(naiveDouble, pushEverything([changed, ...vips.slice(1)])),
  };

  const rows: [string, Figures, Figures | undefined][] = [
    ['first deploy (empty appliance)', pacsLb.first, naive.first],
    ['no-change deploy', pacsLb.none, naive.none],
    ['  (apply of every VIP re-run by hand)', pacsLb.rerun, undefined],
    [`one weight changed (${changed.name} ${changed.realServers[0].name})`, pacsLb.weight, naive.weight],
  ];
  console.log(`Example site: ${vips.length} VIPs, ${vips.reduce((n, v) => n + v.realServers.length, 0)} real servers; appliance contract double on loopback.`);
  console.log('scenario'.padEnd(48) + 'pacs-lb req/writes'.padEnd(22) + 'naive req/writes'.padEnd(20) + 'writes ratio');
  for (const [name, ours, theirs] of rows) {
    const ratio = theirs ? (theirs.writes === 0 ? '-' : `${(ours.writes / theirs.writes).toFixed(3)}`) : '';
    console.log(name.padEnd(48) + `${ours.requests}/${ours.writes} (${ours.ms.toFixed(0)} ms)`.padEnd(22) + (theirs ? `${theirs.requests}/${theirs.writes} (${theirs.ms.toFixed(0)} ms)` : '').padEnd(20) + ratio);
  }
  if (pacsLb.rerun.writes !== 0) throw new Error('a no-change apply sent writes');

  // The same first deploy and re-run through every reply dialect the double speaks
  // (test/support/appliance-reply-dialects.ts); `opaque` is read by nobody: write-only.
  console.log('');
  console.log('reply dialect'.padEnd(16) + 'first deploy req/writes'.padEnd(26) + 're-run of every apply req/writes (changing)');
  for (const dialect of REPLY_DIALECTS) {
    const speaking = await ApplianceDouble.start({ apiKey: KEY, dialect });
    const dialectEnv = { PACS_LB_CA_FILE: speaking.caFile, PACS_LB_CONNECT_TO: `127.0.0.1:${speaking.port}`, PACS_LB_STATE_DIR: path.join(outdir, `state-${dialect}`) };
    const deployAll = async () => {
      for (const vip of vips) await cli(['apply', vip.name], { ...dialectEnv, PACS_LB_SPEC: JSON.stringify(vip) });
      await cli(['reload'], dialectEnv);
    };
    const first = await measure(speaking, deployAll);
    const rerun = await measure(speaking, deployAll);
    const changing = speaking.effectiveEdits.length;
    console.log(dialect.padEnd(16) + `${first.requests}/${first.writes} (${first.ms.toFixed(0)} ms)`.padEnd(26) + `${rerun.requests}/${rerun.writes} (${changing}) (${rerun.ms.toFixed(0)} ms)`);
    await speaking.stop();
  }
  await double.stop();
  await naiveDouble.stop();
  fs.rmSync(outdir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
