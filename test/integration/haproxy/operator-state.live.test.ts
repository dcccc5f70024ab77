/**
 * A deploy respects an operator's drain on the local HAProxy target: after `drain` (as
 * `pacs-lb drain` does it), deploying the same code (apply + reload) leaves the server drained
 * in the running HAProxy, and the status says the operator owns the state; code that sets the
 * state puts the server back online at the next deploy.
 */
import * as fs from 'fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplianceTarget, DicomVip, HealthCheck, LoadBalancerAppliance, Ports, RealServerState } from '../../../lib';
import { ApplianceSpec, VirtualServiceSpec } from '../../../lib/spec/virtual-service-spec';
import { LocalHaproxyProvisionTarget } from '../../../lib/targets/local-haproxy/local-haproxy-provision-target';
import { LocalHaproxyTarget } from '../../../lib/targets/local-haproxy/local-haproxy-target';
import { startStorescp, stopAllPeers, Storescp } from '../../support/dicom-peers';
import { freePort } from '../../support/free-port';
import { waitForServer } from '../../support/live-haproxy';
import { applianceStack } from '../../support/stacks';

const VIP = 'Operated_Dicom';

/** The same site as code would give it: EA1's state left to operators, or set by the code. */
async function site(folder: string, archives: Storescp[], port: number, ea1State?: RealServerState): Promise<{ appliance: ApplianceSpec; vip: VirtualServiceSpec }> {
  const { appliance } = applianceStack({ managementAddress: '127.0.0.1', subnets: ['127.0.0.0/8'], target: ApplianceTarget.localHaproxy({ folder }) });
  const vip = new DicomVip(appliance as LoadBalancerAppliance, 'dicom', {
    name: VIP,
    address: '127.0.0.1',
    ports: Ports.single(port),
    healthCheck: HealthCheck.dicomAssociation({ calledAeTitle: 'ARCHIVE' }),
    realServers: archives.map((a, i) => ({ name: `EA${i + 1}`, address: '127.0.0.1', port: a.port, ...(i === 0 && ea1State ? { state: ea1State } : {}) })),
  });
  return { appliance: appliance.toSpec(), vip: vip.toSpec() };
}

describe("live: a deploy leaves an operator's drain on the local target", () => {
  let folder: string;
  let archives: Storescp[];
  let port: number;
  const haproxy = () => new LocalHaproxyTarget({ folder });

  beforeAll(async () => {
    folder = fs.mkdtempSync('/tmp/plb-op-');
    archives = [await startStorescp(), await startStorescp()];
    port = await freePort();
  });
  afterAll(async () => {
    await haproxy().stop();
    await stopAllPeers();
    fs.rmSync(folder, { recursive: true, force: true });
  }, 30_000);

  /** One deploy: what the provisioner runs (apply, then reload). */
  const deploy = async (target: LocalHaproxyProvisionTarget, vip: VirtualServiceSpec) => {
    const changes = await target.applyVirtualService(vip, false);
    await target.reload([vip.layer], false);
    return changes.map((c) => [c.action, c.rip].filter(Boolean).join(' '));
  };
  const running = async (server: string) => (await haproxy().status()).servers.find((s) => s.vip === VIP && s.server === server);
  const reported = async (target: LocalHaproxyProvisionTarget, server: string) => (await target.readConfig()).vips.find((v) => v.name === VIP)?.realServers.find((r) => r.name === server);

  it('stays drained through a deploy of unchanged code, and a deploy that changes the VIP', async () => {
    const { appliance, vip } = await site(folder, archives, port);
    const target = new LocalHaproxyProvisionTarget(appliance);
    await deploy(target, vip);
    await waitForServer(haproxy(), VIP, 'EA1', 'UP');

    await target.setRealServerState(VIP, 'EA1', RealServerState.DRAIN, false);
    expect((await running('EA1'))?.weight).toBe(0);
    expect(await reported(target, 'EA1')).toMatchObject({ state: 'drain', stateOwner: 'operator' });

    expect(await deploy(target, vip)).toEqual([]);
    expect((await running('EA1'))?.weight).toBe(0);
    expect(await reported(target, 'EA1')).toMatchObject({ state: 'drain', stateOwner: 'operator' });

    const reweighted = { ...vip, realServers: vip.realServers.map((r) => (r.name === 'EA2' ? { ...r, weight: 50 } : r)) };
    expect(await deploy(target, reweighted)).toEqual(['edit-rip EA2']);
    expect((await running('EA1'))?.weight).toBe(0);
    expect((await running('EA2'))?.weight).toBe(50);
  }, 60_000);

  it('goes back online at the next deploy when the code sets its state', async () => {
    const { appliance, vip } = await site(folder, archives, port, RealServerState.ONLINE);
    const target = new LocalHaproxyProvisionTarget(appliance);
    expect((await reported(target, 'EA1'))?.state).toBe('drain');
    expect(await deploy(target, vip)).toEqual(['edit-rip EA2', 'online EA1']);
    expect((await running('EA1'))?.weight).toBe(100);
    expect(await reported(target, 'EA1')).toMatchObject({ state: 'online', stateOwner: 'code' });
  }, 60_000);
});
