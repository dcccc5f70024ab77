/**
 * The `pacs-lb` CLI on the local HAProxy target (an appliance whose spec says
 * `ApplianceTarget.localHaproxy(...)`): every command, in-process, against a real HAProxy with
 * real DICOM archives (dcmtk storescp) on loopback, and no credentials in the environment.
 */
import * as fs from 'fs';
import * as path from 'path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApplianceTarget, DicomVip, ForwardingMethod, HealthCheck, LoadBalancerAppliance, Ports, RealServerState } from '../../../lib';
import { LocalHaproxyProvisionTarget } from '../../../lib/targets/local-haproxy/local-haproxy-provision-target';
import { ApplianceSpec, VirtualServiceSpec } from '../../../lib/spec/virtual-service-spec';
import { LocalHaproxyTarget } from '../../../lib/targets/local-haproxy/local-haproxy-target';
import { echoscu, startStorescp, stopAllPeers, Storescp } from '../../support/dicom-peers';
import { freePort } from '../../support/free-port';
import { sessionsByServer, sessionsSince, waitForServer } from '../../support/live-haproxy';
import { applianceStack } from '../../support/stacks';
import { awkwardTempDir, runInProcess } from './harness';

const VIP = 'Local_Dicom';

/** An appliance on the local HAProxy target with one DICOM VIP on 127.0.0.1 in front of the archives. */
function site(folder: string, vipPort: number, archives: Storescp[], weight = 100): { appliance: ApplianceSpec; vip: VirtualServiceSpec } {
  const { appliance } = applianceStack({ managementAddress: '127.0.0.1', subnets: ['127.0.0.0/8'], target: ApplianceTarget.localHaproxy({ folder }) });
  const vip = new DicomVip(appliance as LoadBalancerAppliance, 'dicom', {
    name: VIP,
    address: '127.0.0.1',
    ports: Ports.single(vipPort),
    forwarding: ForwardingMethod.NAT,
    healthCheck: HealthCheck.dicomAssociation({ calledAeTitle: 'ARCHIVE' }),
    realServers: archives.map((a, i) => ({ name: `EA${i + 1}`, address: '127.0.0.1', port: a.port, weight: i === 0 ? weight : 100 })),
  });
  return { appliance: appliance.toSpec(), vip: vip.toSpec() };
}

describe('pacs-lb on the local HAProxy target, against a real HAProxy and storescp archives', () => {
  let folder: string;
  let env: Record<string, string>;
  let archives: Storescp[];
  let vipPort: number;

  beforeEach(async () => {
    folder = fs.mkdtempSync('/tmp/plb-cli-');
    archives = [await startStorescp(), await startStorescp()];
    vipPort = await freePort();
    const { appliance, vip } = site(folder, vipPort, archives);
    // No PACS_LB_API_KEY: the local target needs none.
    env = { PACS_LB_APPLIANCE: JSON.stringify(appliance), PACS_LB_SPEC: JSON.stringify(vip), PACS_LB_STATE_DIR: awkwardTempDir('pacs-lb-local-locks') };
  });
  afterEach(async () => {
    await new LocalHaproxyTarget({ folder }).stop();
    fs.rmSync(folder, { recursive: true, force: true });
    await stopAllPeers();
  });
  afterAll(stopAllPeers);

  const haproxy = () => new LocalHaproxyTarget({ folder });
  const specFile = () => path.join(folder, 'vips', `${VIP}.json`);
  const ok = async (args: string[], extra: Record<string, string> = {}) => {
    const run = await runInProcess(args, { ...env, ...extra });
    expect(run.code, run.stderr).toBe(0);
    return run;
  };

  it('apply stores the spec, reload starts HAProxy and C-ECHO passes through the VIP, delete of the last VIP stops it', async () => {
    const dry = await ok(['apply', VIP, '--dry-run']);
    expect(JSON.parse(dry.stdout).body.lbcli.map((c: { action: string }) => c.action)).toEqual(['add-vip', 'add-rip', 'add-rip']);
    expect(fs.existsSync(specFile())).toBe(false);

    const applied = await ok(['apply', VIP]);
    expect(applied.stderr).toContain(`${VIP}: applied add-vip, add-rip EA1, add-rip EA2`);
    expect(JSON.parse(fs.readFileSync(specFile(), 'utf8'))).toEqual(JSON.parse(env.PACS_LB_SPEC));
    expect((await haproxy().status()).running).toBe(false);
    expect((await ok(['apply', VIP])).stderr).toContain(`${VIP}: no change`);

    await ok(['reload', 'lb1']);
    const running = await haproxy().status();
    expect(running.running).toBe(true);
    await waitForServer(haproxy(), VIP, 'EA1', 'UP');
    await waitForServer(haproxy(), VIP, 'EA2', 'UP');
    const echo = await echoscu('127.0.0.1', vipPort);
    expect(echo.status, echo.output).toBe(0);

    const status = JSON.parse((await ok(['status', '--json'])).stdout);
    expect(status.vips.map((v: { name: string; realServers: { name: string; state: string; health: string }[] }) => [v.name, v.realServers.map((r) => `${r.name} ${r.state} ${r.health}`)])).toEqual([[VIP, ['EA1 online up', 'EA2 online up']]]);

    await ok(['delete', VIP, '--layer', '4']);
    expect(fs.existsSync(specFile())).toBe(false);
    expect(fs.existsSync(`/proc/${running.masterPid}`)).toBe(false);
    for (const socket of ['master.sock', 'admin.sock', 'haproxy.pid']) expect(fs.existsSync(path.join(folder, socket))).toBe(false);
    expect((await echoscu('127.0.0.1', vipPort, 'ARCHIVE', 2)).status).not.toBe(0);
    expect((await ok(['delete', VIP])).stderr).toContain(`${VIP}: not on the appliance; nothing to delete`);
  }, 60_000);

  it('a weight change is reported as exactly that edit-rip and reaches HAProxy by a reload; drain sends new associations to the other archive', async () => {
    await ok(['apply', VIP, '--reload']);
    const masterPid = (await haproxy().status()).masterPid;
    await waitForServer(haproxy(), VIP, 'EA2', 'UP');

    const heavier = site(folder, vipPort, archives, 50).vip;
    const edit = await ok(['apply', VIP, '--reload'], { PACS_LB_SPEC: JSON.stringify(heavier) });
    expect(edit.stderr).toContain(`${VIP}: applied edit-rip EA1, reload-haproxy`);
    const after = await haproxy().status();
    expect(after.masterPid).toBe(masterPid);
    expect(after.servers.find((s) => s.server === 'EA1')?.weight).toBe(50);

    await ok(['drain', '--vip', VIP, '--rip', 'EA1']);
    expect(JSON.parse(fs.readFileSync(specFile(), 'utf8')).realServers[0].state).toBe(RealServerState.DRAIN);
    await waitForServer(haproxy(), VIP, 'EA2', 'UP');
    const before = await sessionsByServer(haproxy(), VIP);
    for (let i = 0; i < 4; i++) expect((await echoscu('127.0.0.1', vipPort)).status).toBe(0);
    expect(sessionsSince(before, await sessionsByServer(haproxy(), VIP))).toEqual({ EA1: 0, EA2: 4 });

    const refused = await runInProcess(['halt', '--vip', VIP, '--rip', 'EA9'], env);
    expect(refused.code).toBe(6);
    expect(refused.stderr).toContain(`pacs-lb: ${VIP} EA9: the local HAProxy in ${folder} has no such VIP and real server.`);
  }, 60_000);

  it('the appliance\'s lock still applies: a command waits for a live holder and gives up after --lock-timeout', async () => {
    const lockFile = path.join(env.PACS_LB_STATE_DIR, '127.0.0.1_9443.lock');
    fs.mkdirSync(env.PACS_LB_STATE_DIR, { recursive: true });
    fs.writeFileSync(lockFile, `${process.pid}\n`);
    const blocked = await runInProcess(['apply', VIP, '--lock-timeout', '1'], env);
    expect(blocked.code).toBe(7);
    expect(fs.existsSync(specFile())).toBe(false);
    fs.rmSync(lockFile);
    await ok(['apply', VIP]);
  });

  it('HAProxy refusing to start is an error naming the folder, and nothing is left running', async () => {
    const { appliance } = site(folder, vipPort, archives);
    const target = new LocalHaproxyProvisionTarget({ ...appliance, target: { ...appliance.target!, haproxyBinary: '/nonexistent/haproxy' } });
    await target.applyVirtualService(JSON.parse(env.PACS_LB_SPEC), false);
    await expect(target.reload([4], false)).rejects.toThrow(`local HAProxy in ${folder}: LocalHaproxyTarget: haproxy -c refused the rendered configuration`);
    expect((await haproxy().status()).running).toBe(false);
    expect(target.requestsSent).toBe(2);
  });
});
