/**
 * The example's keepalived.conf running for real on an HA pair: two node namespaces (each with
 * an `eth0` on one bridge, the management addresses 192.0.2.5 and 192.0.2.6) and a client on
 * the bridge. keepalived runs its VRRP process only (`-P`): this sandbox's kernel has no IPVS
 * (CONFIG_IP_VS is not set), so the virtual servers cannot be loaded, and for the same reason
 * the one IPVS line of the VRRP process (`lvs_sync_daemon`, connection sync) is removed from
 * the file for this test; everything else is the file as synthesized. Each node runs storescp,
 * standing in for a service on the VIP address.
 *
 * Proves: the primary takes every VIP address; a client's C-ECHO to a VIP succeeds; when the
 * primary's link fails the secondary takes the addresses within a generous bound and the
 * client's C-ECHO succeeds again; when the primary returns it does not take them back (nopreempt).
 */
import { ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killGroup, runClient, spawnPeer } from '../../support/dicom-peers';
import { readTree, synthesizeExample } from '../../support/stacks';
import { addresses, Namespaces, run, waitFor } from './namespaces';

const VIP = '192.0.2.100';
const DICOM_PORT = '104';
const NODES = [
  { id: 'primary', address: '192.0.2.5' },
  { id: 'secondary', address: '192.0.2.6' },
];

const namespaces = new Namespaces('pacslb-vrrp');
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pacs-lb-vrrp-'));
const processes: ChildProcess[] = [];
let nodeNamespaces: string[] = [];
let lan: string;
let vipAddresses: string[] = [];

const holds = (i: number) => vipAddresses.every((a) => addresses(nodeNamespaces[i], 'eth0').includes(a));
const holdsNone = (i: number) => vipAddresses.every((a) => !addresses(nodeNamespaces[i], 'eth0').includes(a));
const echo = () => runClient('ip', ['netns', 'exec', lan, 'echoscu', '-to', '3', '-ta', '3', VIP, DICOM_PORT], 10_000);

beforeAll(async () => {
  const conf = readTree(synthesizeExample())['keepalived.conf'];
  vipAddresses = [...conf.matchAll(/^ {4}(\S+\/32) dev eth0$/gm)].map((m) => m[1]);
  const confFile = path.join(folder, 'keepalived.conf');
  fs.writeFileSync(confFile, conf.replace(/^ {2}lvs_sync_daemon .*\n/m, ''));

  lan = namespaces.add('lan');
  run('ip', ['-n', lan, 'link', 'add', 'br0', 'type', 'bridge']);
  run('ip', ['-n', lan, 'addr', 'add', '192.0.2.50/24', 'dev', 'br0']);
  run('ip', ['-n', lan, 'link', 'set', 'br0', 'up']);
  nodeNamespaces = NODES.map((node, i) => {
    const ns = namespaces.add(node.id);
    run('ip', ['link', 'add', 'name', 'eth0', 'netns', ns, 'type', 'veth', 'peer', 'name', `port${i}`, 'netns', lan]);
    run('ip', ['-n', lan, 'link', 'set', `port${i}`, 'master', 'br0', 'up']);
    run('ip', ['-n', ns, 'addr', 'add', `${node.address}/24`, 'dev', 'eth0']);
    run('ip', ['-n', ns, 'link', 'set', 'eth0', 'up']);
    processes.push(spawnPeer('ip', ['netns', 'exec', ns, 'storescp', '--ignore', DICOM_PORT]));
    const pid = (name: string) => ['--pid', path.join(folder, `${node.id}-${name}.pid`)];
    processes.push(
      spawnPeer('ip', ['netns', 'exec', ns, 'keepalived', '-i', node.id, '-P', '-n', '-l', '-f', confFile, ...pid('main'), '--vrrp_pid', path.join(folder, `${node.id}-vrrp.pid`)]),
    );
    return ns;
  });
});

afterAll(async () => {
  // SIGTERM lets keepalived remove the addresses it added; then everything else goes.
  await Promise.all(processes.map((p) => killGroup(p, 'SIGTERM')));
  namespaces.deleteAll();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('keepalived VRRP on an HA pair, live', () => {
  it('reads every VIP address of the example from the rendered file', () => {
    expect(vipAddresses).toHaveLength(9);
  });

  it('the primary takes every VIP address, the secondary none', async () => {
    await waitFor('primary holds the VIP addresses', () => holds(0), 15_000);
    expect(holdsNone(1)).toBe(true);
  });

  it('a client C-ECHO to the VIP succeeds', async () => {
    const result = await echo();
    expect(result.status).toBe(0);
  });

  it('when the primary fails the secondary takes the addresses (bound: 10 s) and C-ECHO succeeds again', async () => {
    run('ip', ['-n', nodeNamespaces[0], 'link', 'set', 'eth0', 'down']);
    const waited = await waitFor('secondary holds the VIP addresses', () => holds(1), 10_000);
    expect(waited).toBeLessThanOrEqual(10_000);
    const result = await echo();
    expect(result.status).toBe(0);
  });

  it('when the primary returns it does not take the addresses back (nopreempt)', async () => {
    run('ip', ['-n', nodeNamespaces[0], 'link', 'set', 'eth0', 'up']);
    // Three advert intervals and more: long enough for a preempting primary to take over.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect(holds(1)).toBe(true);
    expect(holdsNone(0)).toBe(true);
  });
});
