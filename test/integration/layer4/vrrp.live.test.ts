/**
 * Layer 4 live, VRRP: the rendered keepalived.conf of an HA pair (site lb-ha in sites.ts, with
 * lvs_sync_daemon, which needs IPVS) on two load balancer namespaces in user-mode-linux, DR
 * real servers prepared by their generated scripts. The guest runs guest/vrrp.sh once.
 */
import { describe, expect, it } from 'vitest';
import { bootOnce } from './guest-file';
import { haFolder } from './sites';

const guest = bootOnce('uml', 'guest/vrrp.sh', haFolder, 300_000);
const { value, number } = guest;

describe('Layer 4 live, VRRP HA pair, in user-mode-linux', () => {
  it('the rendered file keeps lvs_sync_daemon, and the scenario runs to the end', () => {
    expect(guest.files()['keepalived.conf']).toMatch(/^ {2}lvs_sync_daemon eth0 lb-ha$/m);
    expect(value('done')).toBe('1');
  });

  it('both nodes load the DR virtual server; one node (the first up: both start BACKUP with nopreempt) takes the VIP; a C-ECHO through it succeeds', () => {
    expect(number('ha.ready_ms')).toBeGreaterThanOrEqual(0);
    expect(number('ha.vip_held_ms')).toBeGreaterThanOrEqual(0);
    expect(number('ha.both_hold')).toBe(0);
    expect(number('ha.echo_before')).toBe(0);
  });

  it('lvs_sync_daemon: the node holding the VIP runs the IPVS master sync daemon, the other the backup one', () => {
    expect(number('ha.sync_master')).toBe(1);
    expect(number('ha.sync_backup')).toBe(1);
  });

  it('when the node holding it fails, the other takes the Layer 4 VIP and a C-ECHO through it succeeds', () => {
    console.log(`VRRP failover: the other node held the VIP ${value('ha.failover_ms')} ms after the holder's link went down (user-mode-linux)`);
    expect(number('ha.failover_ms')).toBeGreaterThanOrEqual(0);
    expect(number('ha.echo_after')).toBe(0);
  });
});
