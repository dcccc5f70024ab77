/**
 * The local HAProxy target keeps the VIPs it stored in the app's declaration order (recorded at
 * synth), not in name order, so its haproxy.cfg numbers VIPs as the synthesized files do.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApplianceTarget, Layer4Vip, Ports } from '../../../../lib';
import { LocalHaproxyProvisionTarget } from '../../../../lib/targets/local-haproxy/local-haproxy-provision-target';
import { applianceStack } from '../../../support/stacks';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((f) => rmSync(f, { recursive: true, force: true })));

function site() {
  const folder = mkdtempSync(join(tmpdir(), 'pacs-lb-local-order-'));
  folders.push(folder);
  const { appliance } = applianceStack({ managementAddress: '127.0.0.1', subnets: ['127.0.0.0/8'], target: ApplianceTarget.localHaproxy({ folder }) });
  const vips = ['Zulu', 'Alpha', 'Mike'].map((name, i) => new Layer4Vip(appliance, name, { address: '127.0.0.1', ports: Ports.single(11000 + i), realServers: [{ name: 'A', address: '127.0.0.2', port: 12000 }] }));
  return { appliance: appliance.toSpec(), vips: vips.map((v) => v.toSpec()) };
}

async function storedNames(target: LocalHaproxyProvisionTarget, vips: ReturnType<typeof site>['vips']): Promise<string[]> {
  for (const vip of vips) await target.applyVirtualService(vip, false);
  return (await target.readConfig()).vips.map((v) => v.name);
}

describe('local HAProxy target, VIP order', () => {
  it('the stored VIPs come back in the declared order it is given', async () => {
    const { appliance, vips } = site();
    expect(await storedNames(new LocalHaproxyProvisionTarget(appliance, ['Zulu', 'Alpha', 'Mike']), vips)).toEqual(['Zulu', 'Alpha', 'Mike']);
  });

  it('without a recorded order, in name order', async () => {
    const { appliance, vips } = site();
    expect(await storedNames(new LocalHaproxyProvisionTarget(appliance), vips)).toEqual(['Alpha', 'Mike', 'Zulu']);
  });
});
