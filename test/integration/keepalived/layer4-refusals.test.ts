/**
 * The four causes of valid-looking apps whose keepalived.conf keepalived refused, one example
 * each: all real servers of a Layer 4 VIP drained or at weight 0 (a normal state: rendered so
 * that `keepalived -t` accepts it), and three that validation now refuses at synth, with the
 * message a user sees.
 */
import { describe, expect, it } from 'vitest';
import { HealthCheck, Layer4Vip, Ports, RealServerState } from '../../../lib';
import { renderKeepalivedConf as renderResolvedKeepalived } from '../../../lib/render/keepalived/keepalived-conf';
import { applianceStack, validationMessages } from '../../support/stacks';
import { keepalivedConfigTests } from './tool-checks';
import { resolveVirtualService } from '../../../lib/spec/resolved-virtual-service';
import { ApplianceSpec as ResolverApplianceSpec, VirtualServiceSpec as ResolverVipSpec } from '../../../lib/spec/virtual-service-spec';

/** The renderer as the callers use it: each spec resolved first. */
const renderKeepalivedConf = (appliance: ResolverApplianceSpec, vips: ResolverVipSpec[]) => renderResolvedKeepalived(appliance, vips.map(resolveVirtualService));

describe('Layer 4 output keepalived refused', () => {
  it('every real server drained or at weight 0: keepalived -t accepts it on both nodes, each held at weight 0', () => {
    const { stack, appliance } = applianceStack({ peerManagementAddress: '192.0.2.6' });
    const realServers = [
      { name: 'A', address: '192.0.2.21', state: RealServerState.DRAIN },
      { name: 'B', address: '192.0.2.22', weight: 0 },
      { name: 'C', address: '192.0.2.23', state: RealServerState.HALT },
    ];
    new Layer4Vip(appliance, 'One', { address: '192.0.2.100', ports: Ports.single(104), realServers });
    new Layer4Vip(appliance, 'Marked', { address: '192.0.2.101', ports: Ports.list([80, 443]), healthCheck: HealthCheck.connect({ port: 443 }), realServers });
    expect(validationMessages(stack)).toEqual([]);
    const conf = renderKeepalivedConf(appliance.toSpec(), appliance.vipSpecs());
    expect(conf).toContain('inhibit_on_failure');
    for (const node of ['primary', 'secondary']) {
      expect(keepalivedConfigTests([conf], node)).toEqual([{ status: 0, output: '' }]);
    }
  });

  it('the same real-server address twice in a VIP is refused at synth', () => {
    const { stack, appliance } = applianceStack();
    new Layer4Vip(appliance, 'V', { address: '192.0.2.100', ports: Ports.list([80, 443]), healthCheck: HealthCheck.connect({ port: 443 }), realServers: [{ name: 'A', address: '192.0.2.21' }, { name: 'B', address: '192.0.2.21' }] });
    expect(validationMessages(stack)).toEqual(['V: realServers[B].address: 192.0.2.21 is also real server A of this VIP, and one address and port is one real server. Remove one of the two.']);
  });

  it('an HA pair with IPv6 management addresses and only IPv4 VIPs is refused at synth', () => {
    const { stack, appliance } = applianceStack({ managementAddress: '2001:db8::5', peerManagementAddress: '2001:db8::6' });
    new Layer4Vip(appliance, 'V', { address: '192.0.2.100', ports: Ports.single(104), realServers: [{ name: 'A', address: '192.0.2.21' }] });
    expect(validationMessages(stack)).toEqual(["lb1: managementAddresses: the HA pair's management addresses are ipv6 and every VIP is ipv4, so VRRP has no VIP address to advertise. Give the pair ipv4 management addresses, or add a VIP with an ipv6 address."]);
  });

  it('a VIP interface with ":" (an alias label) is refused at synth', () => {
    const { stack } = applianceStack({ vipInterface: 'eth0:0' });
    expect(validationMessages(stack)[0]).toMatch(/^lb1: vipInterface: "eth0:0" is not an interface name\./);
  });
});
