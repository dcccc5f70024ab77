/**
 * The rendered Linux DR preparation script, run for real on a "real server" network namespace
 * next to a "load balancer" namespace on one link:
 * - unprepared, a server holding the VIP answers ARP for it (the ARP problem, so the test can fail);
 * - the script, run twice, leaves one VIP on lo and the ARP sysctls set (idempotent), and keeps
 *   them in sysctl.d (a private tmpfs here, so the host's /etc is untouched);
 * - prepared, the server no longer answers ARP for the VIP, yet accepts a DICOM association for
 *   the VIP when the load balancer forwards to its address as IPVS DR does (a route via the real
 *   server), proven by echoscu to storescp.
 * IPVS itself is not in this sandbox's kernel (CONFIG_IP_VS is not set), so the forwarding step
 * is a static route: the same packet IPVS DR sends (destination still the VIP, to the server's MAC).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ports } from '../../../lib';
import { realServerFiles } from '../../../lib/render/real-server/real-server-files';
import { killGroup, runClient, spawnPeer } from '../../support/dicom-peers';
import { layer4, site } from '../../unit/render/keepalived/layer4-site';
import { inNamespace, Namespaces, run, waitFor } from './namespaces';
import { resolveVirtualService } from '../../../lib/spec/resolved-virtual-service';

const VIP = '192.0.2.100';
const RIP = '192.0.2.21';
const LB = '192.0.2.5';
const DICOM_PORT = '11112';

const namespaces = new Namespaces('pacslb-dr');
let lb: string;
let server: string;
let scriptFile: string;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pacs-lb-dr-'));

const arpAnswered = () => inNamespace(lb, 'ping', ['-n', '-c', '1', '-W', '1', VIP]).status === 0;
const echo = () => runClient('ip', ['netns', 'exec', lb, 'echoscu', '-to', '5', '-ta', '5', VIP, DICOM_PORT], 15_000);

/** Runs the script in the server namespace, in a private mount namespace whose /etc/sysctl.d is a tmpfs; returns the sysctl file it wrote. */
function runScript(): { status: number | null; output: string; sysctlFile: string } {
  const harness = `mount -t tmpfs pacs-lb-test /etc/sysctl.d && sh "$1" && cat /etc/sysctl.d/90-pacs-lb-dr.conf`;
  const result = inNamespace(server, 'unshare', ['-m', '--propagation', 'private', 'sh', '-c', harness, 'harness', scriptFile]);
  return { status: result.status, output: result.output, sysctlFile: result.output };
}

beforeAll(() => {
  const s = site((a) => layer4(a, 'EA_Dicom_Service', { ports: Ports.single(104), address: VIP, realServers: [{ name: 'EA1', address: RIP }] }));
  const script = realServerFiles(s.appliance, s.vips.map(resolveVirtualService), []).find((f) => f.path === `real-servers/${RIP}-linux.sh`)!;
  scriptFile = path.join(folder, `${RIP}-linux.sh`);
  fs.writeFileSync(scriptFile, script.content);
  lb = namespaces.add('lb');
  server = namespaces.add('rs');
  run('ip', ['link', 'add', 'name', 'eth0', 'netns', lb, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', server]);
  run('ip', ['-n', lb, 'addr', 'add', `${LB}/24`, 'dev', 'eth0']);
  run('ip', ['-n', server, 'addr', 'add', `${RIP}/24`, 'dev', 'eth0']);
  run('ip', ['-n', lb, 'link', 'set', 'eth0', 'up']);
  run('ip', ['-n', server, 'link', 'set', 'eth0', 'up']);
  // The load balancer looks the VIP up on the link, as a client in the subnet would.
  run('ip', ['-n', lb, 'route', 'add', `${VIP}/32`, 'dev', 'eth0']);
});

afterAll(() => {
  namespaces.deleteAll();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('Linux DR preparation script, live', () => {
  it('unprepared, a server holding the VIP answers ARP for it (the ARP problem)', () => {
    run('ip', ['-n', server, 'addr', 'add', `${VIP}/32`, 'dev', 'lo']);
    expect(arpAnswered()).toBe(true);
    run('ip', ['-n', server, 'addr', 'del', `${VIP}/32`, 'dev', 'lo']);
    run('ip', ['-n', lb, 'neigh', 'flush', 'all']);
  });

  it('the script sets the ARP sysctls, keeps them in sysctl.d and puts the VIP on lo, once, however often it runs', () => {
    const first = runScript();
    const second = runScript();
    expect(first.status).toBe(0);
    expect(second.status).toBe(0);
    expect(second.sysctlFile).toBe('net.ipv4.conf.all.arp_ignore=1\nnet.ipv4.conf.all.arp_announce=2\n');
    expect(inNamespace(server, 'sysctl', ['-n', 'net.ipv4.conf.all.arp_ignore']).output.trim()).toBe('1');
    expect(inNamespace(server, 'sysctl', ['-n', 'net.ipv4.conf.all.arp_announce']).output.trim()).toBe('2');
    const onLo = run('ip', ['-n', server, '-o', 'addr', 'show', 'dev', 'lo']).match(new RegExp(`inet ${VIP.replace(/\./g, '\\.')}/32`, 'g'));
    expect(onLo).toHaveLength(1);
  });

  it('prepared, the server does not answer ARP for the VIP', () => {
    run('ip', ['-n', lb, 'neigh', 'flush', 'all']);
    expect(arpAnswered()).toBe(false);
  });

  it('prepared, the server accepts a DICOM association for the VIP forwarded to its address, as IPVS DR does', async () => {
    const storescp = spawnPeer('ip', ['netns', 'exec', server, 'storescp', '--ignore', DICOM_PORT]);
    try {
      run('ip', ['-n', lb, 'route', 'replace', `${VIP}/32`, 'via', RIP, 'dev', 'eth0']);
      await waitFor('storescp listening', () => inNamespace(server, 'sh', ['-c', `ss -ltn | grep -q ':${DICOM_PORT} '`]).status === 0, 10_000);
      const result = await echo();
      expect(result.output).not.toMatch(/E:/);
      expect(result.status).toBe(0);
    } finally {
      await killGroup(storescp);
    }
  });
});
