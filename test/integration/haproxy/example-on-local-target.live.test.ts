import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { afterAll, describe, expect, it } from 'vitest';
import { isHaproxyVip } from '../../../lib/render/haproxy/haproxy-config';
import { LocalHaproxyTarget } from '../../../lib/targets/local-haproxy/local-haproxy-target';
import { loopbackBindAddresses } from '../../../lib/targets/local-haproxy/loopback-addresses';
import { readTree, specsIn, synthesizeExample } from '../../support/stacks';

/** Whether something accepts a TCP connection on host:port. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

describe('live: the Centricity PACS example on the local HAProxy target, moved to loopback addresses', () => {
  const folder = fs.mkdtempSync('/tmp/plb-');
  afterAll(async () => {
    await new LocalHaproxyTarget({ folder }).stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('starts HAProxy with every Layer 7 VIP and every Layer 4 TCP VIP it can stand in for, each listening on its ports', async () => {
    const output = synthesizeExample();
    const appliance = JSON.parse(readTree(output)['appliance.json']);
    // Real servers moved to loopback too: health checks must not send packets off this machine.
    const vips = Object.values(specsIn(output)).map((vip) => ({ ...vip, realServers: vip.realServers.map((server) => ({ ...server, address: '127.0.0.1' })) }));
    const bindAddresses = loopbackBindAddresses(vips);
    const target = new LocalHaproxyTarget({ folder, bindAddresses });
    expect(await target.apply(appliance, vips)).toBe('started');

    const carried = vips.filter((vip) => isHaproxyVip(vip, { proxyLayer4: true }));
    const status = await target.status();
    expect(new Set(status.servers.map((s) => s.vip))).toEqual(new Set(carried.map((v) => v.name)));
    for (const vip of carried) {
      expect(await accepts(bindAddresses[vip.name], vip.ports.ranges[0].first)).toBe(true);
    }
    expect(path.basename(target.configFile)).toBe('haproxy.cfg');
  });
});
