/**
 * The local HAProxy target numbers VIPs in the app's declaration order, which `pacs-lb` reads
 * from the synthesized stack folder it runs in (Terraform runs provisioners there), and falls
 * back to name order elsewhere. Real HAProxy, in-process CLI, loopback only.
 */
import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { afterEach, describe, expect, it } from 'vitest';
import { ApplianceTarget, DicomVip, ForwardingMethod, LoadBalancerAppliance, Ports } from '../../../lib';
import { LocalHaproxyTarget } from '../../../lib/targets/local-haproxy/local-haproxy-target';
import { freePort } from '../../support/free-port';
import { DEFAULT_CLI } from '../../../lib/provision/cli-invocation';
import { awkwardTempDir, readSpecs, runInProcess, synthesize } from './harness';

/** Synthesizes two VIPs declared Zulu first, then Alpha, on a local HAProxy in `folder`; the stack folder. */
async function synthesizedSite(folder: string): Promise<string> {
  const ports = [await freePort(), await freePort(), await freePort(), await freePort()];
  return synthesize(DEFAULT_CLI, (app) => {
    const stack = new TerraformStack(app, 'order');
    const appliance = new LoadBalancerAppliance(stack, 'lb1', { managementAddress: '127.0.0.1', subnets: ['127.0.0.0/8'], target: ApplianceTarget.localHaproxy({ folder }) });
    ['Zulu', 'Alpha'].forEach((name, i) => {
      new DicomVip(appliance, name, { address: '127.0.0.1', ports: Ports.single(ports[2 * i]), forwarding: ForwardingMethod.NAT, realServers: [{ name: 'EA1', address: '127.0.0.1', port: ports[2 * i + 1] }] });
    });
    return 'order';
  });
}

/** Applies both VIPs and reloads, with `cwd` as the working directory; the VIP headings of the haproxy.cfg written. */
async function deployFrom(cwd: string, stackFolder: string, folder: string): Promise<string[]> {
  const appliance = fs.readFileSync(path.join(stackFolder, 'pacs-lb', 'lb1', 'appliance.json'), 'utf8');
  const env = { PACS_LB_APPLIANCE: appliance, PACS_LB_STATE_DIR: awkwardTempDir('pacs-lb-order-locks') };
  const before = process.cwd();
  process.chdir(cwd);
  try {
    for (const spec of readSpecs(stackFolder, 'lb1')) {
      const run = await runInProcess(['apply', spec.name], { ...env, PACS_LB_SPEC: JSON.stringify(spec) });
      expect(run.code, run.stderr).toBe(0);
    }
    const reload = await runInProcess(['reload', 'lb1'], env);
    expect(reload.code, reload.stderr).toBe(0);
  } finally {
    process.chdir(before);
  }
  return fs
    .readFileSync(path.join(folder, 'haproxy.cfg'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('# VIP '))
    .map((line) => line.split(' — ')[0]);
}

describe('the local HAProxy target numbers VIPs as the app declares them', () => {
  const folders: string[] = [];
  afterEach(async () => {
    for (const folder of folders.splice(0)) {
      await new LocalHaproxyTarget({ folder }).stop();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('run in the stack folder (as Terraform does): VIP 1 is the first declared, whatever its name', async () => {
    const folder = fs.mkdtempSync('/tmp/plb-order-');
    folders.push(folder);
    const stackFolder = await synthesizedSite(folder);
    expect(await deployFrom(stackFolder, stackFolder, folder)).toEqual(['# VIP 1 Zulu', '# VIP 2 Alpha']);
  });

  it('run anywhere else (no recorded order): by name', async () => {
    const folder = fs.mkdtempSync('/tmp/plb-order-');
    folders.push(folder);
    const stackFolder = await synthesizedSite(folder);
    expect(await deployFrom(fs.mkdtempSync('/tmp/plb-elsewhere-'), stackFolder, folder)).toEqual(['# VIP 1 Alpha', '# VIP 2 Zulu']);
  });
});
