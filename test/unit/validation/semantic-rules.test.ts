/**
 * One example per class of semantic hole and misleading message: the exact message (or
 * warning) a user sees.
 */
import { describe, expect, it } from 'vitest';
import { CentricityPacs, DicomVip, HealthCheck, Hl7Vip, Layer4Vip, LoadBalancerAppliance, Ports, ReverseProxyVip, ServicePack } from '../../../lib';
import { applianceStack, validationMessages, warnings } from '../../support/stacks';

const rips = [{ name: 'A', address: '192.0.2.21' }];

describe('semantic rules', () => {
  it('a real server at the VIP\'s own address', () => {
    const { stack, appliance } = applianceStack();
    new Layer4Vip(appliance, 'V', { address: '192.0.2.100', ports: Ports.single(104), realServers: [{ name: 'Self', address: '192.0.2.100' }] });
    expect(validationMessages(stack)).toEqual(["V: realServers[Self].address: 192.0.2.100 is the VIP's own address and port, so the VIP would send traffic to itself. Give the real server's own address, or another port."]);
  });

  it('a VIP may pass to another service of its own address, on another port', () => {
    const { stack, appliance } = applianceStack();
    new ReverseProxyVip(appliance, 'W', { address: '192.0.2.110', ports: Ports.single(443), realServers: [{ name: 'Local', address: '192.0.2.110', port: 8443 }] });
    new ReverseProxyVip(appliance, 'Loop', { address: '192.0.2.111', ports: Ports.single(443), realServers: [{ name: 'Self', address: '192.0.2.111' }] });
    expect(validationMessages(stack)).toEqual(["Loop: realServers[Self].address: 192.0.2.111 is the VIP's own address and port, so the VIP would send traffic to itself. Give the real server's own address, or another port."]);
  });

  it('an HA pair whose two management addresses are the same', () => {
    const { stack } = applianceStack({ managementAddress: '192.0.2.5', peerManagementAddress: '192.0.2.5' });
    expect(validationMessages(stack)).toEqual(["lb1: peerManagementAddress: 192.0.2.5 is also managementAddress, so VRRP never forms and the pair cannot fail over. Give the secondary appliance's own management address."]);
  });

  it('two real servers with the same address and port; at DR the same address is enough', () => {
    const { stack, appliance } = applianceStack();
    new ReverseProxyVip(appliance, 'W', { address: '192.0.2.110', ports: Ports.single(443), realServers: [{ name: 'A', address: '203.0.113.1', port: 8443 }, { name: 'B', address: '203.0.113.1', port: 8443 }, { name: 'C', address: '203.0.113.1', port: 9443 }] });
    new Layer4Vip(appliance, 'V', { address: '192.0.2.100', ports: Ports.single(104), realServers: [{ name: 'A', address: '192.0.2.21' }, { name: 'B', address: '192.0.2.21' }] });
    expect(validationMessages(stack)).toEqual([
      'W: realServers[B].address: 203.0.113.1 port 8443 is also real server A of this VIP, and one address and port is one real server. Remove one of the two, or give them different ports.',
      'V: realServers[B].address: 192.0.2.21 is also real server A of this VIP, and one address and port is one real server. Remove one of the two.',
    ]);
  });

  it('a DICOM or HL7 check forced onto the TLS port', () => {
    const { stack, appliance } = applianceStack();
    new DicomVip(appliance, 'D', { address: '192.0.2.100', tls: true, healthCheck: HealthCheck.dicomAssociation(), realServers: rips });
    new Hl7Vip(appliance, 'H', { address: '192.0.2.101', tls: true, healthCheck: HealthCheck.hl7Mllp(), realServers: rips });
    expect(validationMessages(stack)).toEqual([
      'D: healthCheck: a dicom-association check speaks plain DICOM to port 2762, DICOM over TLS, so every real server would be marked down. Use HealthCheck.connect() on the TLS port, or check the plain port with port in the check options.',
      'H: healthCheck: a hl7-mllp check speaks plain HL7 to port 2576, HL7 over TLS, so every real server would be marked down. Use HealthCheck.connect() on the TLS port, or check the plain port with port in the check options.',
    ]);
  });

  it('two appliances with the same name in one stack, or names that differ only in case', () => {
    const { stack } = applianceStack();
    new LoadBalancerAppliance(stack, 'other', { name: 'lb1', managementAddress: '192.0.2.6' });
    new LoadBalancerAppliance(stack, 'third', { name: 'LB1', managementAddress: '192.0.2.7' });
    expect(validationMessages(stack)).toEqual([
      "lb1: name: another appliance in this stack has this name, and the second would overwrite the first's output folder pacs-lb/lb1. Give each appliance of a stack its own name.",
      "LB1: name: appliance lb1 in this stack has the same name but for case, and the second would overwrite the first's output folder pacs-lb/LB1. Give each appliance of a stack its own name.",
    ]);
  });

  it('VIP names that differ only in case', () => {
    const { stack, appliance } = applianceStack();
    new Layer4Vip(appliance, 'EA_Dicom', { address: '192.0.2.100', ports: Ports.single(104), realServers: rips });
    new Layer4Vip(appliance, 'ea_dicom', { address: '192.0.2.101', ports: Ports.single(104), realServers: rips });
    expect(validationMessages(stack)).toEqual(['ea_dicom: name: VIP EA_Dicom has the same name but for case, and a case-insensitive file system keeps only one of their spec files. Give each VIP a name that differs in more than case.']);
  });

  it('an empty "every TCP port except" list', () => {
    const { stack, appliance } = applianceStack();
    new Layer4Vip(appliance, 'DB', { address: '192.0.2.100', ports: Ports.allTcpExcept([]), healthCheck: HealthCheck.connect({ port: 1521 }), realServers: rips });
    expect(validationMessages(stack)).toEqual([
      "DB: ports.allExcept: \"every TCP port except\" names no port, so the VIP would take every port of its address, the appliance's own services' too. List the ports to leave out, e.g. Ports.allTcpExcept([20000]), or list the VIP's ports.",
    ]);
  });

  it('a single port is named as a port, not as a range; line separators are not echoed raw', () => {
    const { stack, appliance } = applianceStack();
    new Layer4Vip(appliance, 'V', { address: '192.0.2.100', ports: Ports.single(-1), realServers: rips });
    new Layer4Vip(appliance, 'W', { name: 'W\u2028X\u0085Y', address: '192.0.2.101', ports: Ports.single(104), realServers: rips });
    const messages = validationMessages(stack);
    expect(messages).toContain('V: ports: port -1 is not a valid port. Use ports from 1 to 65535, and ranges with the lower port first.');
    expect(messages).toContain('W?X?Y: name: "W?X?Y" is not a valid VIP name. Use 1-64 characters: letters, digits, "_", "." and "-", starting with a letter or digit.');
    expect(messages.join('\n')).not.toMatch(/[\u2028\u0085]/);
  });

  it('an HA pair whose management addresses are of one family and every VIP of the other', () => {
    const { stack, appliance } = applianceStack({ peerManagementAddress: '192.0.2.6', subnets: ['2001:db8::/64'] });
    new Layer4Vip(appliance, 'V6', { address: '2001:db8::100', ports: Ports.single(104), realServers: [{ name: 'A', address: '2001:db8::21' }] });
    expect(validationMessages(stack)).toEqual(["lb1: managementAddresses: the HA pair's management addresses are ipv4 and every VIP is ipv6, so VRRP has no VIP address to advertise. Give the pair ipv6 management addresses, or add a VIP with an ipv4 address."]);
  });

  it('a VIP interface that is an alias label', () => {
    const { stack } = applianceStack({ vipInterface: 'eth0:1' });
    expect(validationMessages(stack)).toEqual([
      'lb1: vipInterface: "eth0:1" is not an interface name. Use 1-15 characters: letters, digits, "_", "." and "-", starting with a letter or digit (an alias label such as eth0:1 is not an interface).',
    ]);
  });
});

describe('judgment calls are warnings', () => {
  it('a port listed twice', () => {
    const { stack, appliance } = applianceStack();
    new Layer4Vip(appliance, 'V', { address: '192.0.2.100', ports: Ports.list([104, 104]), realServers: rips });
    expect(validationMessages(stack)).toEqual([]);
    expect(warnings(stack)).toContain('[pacs-lb:port-listed-twice] V: ports: port 104 is listed twice, and it is one listener. Remove the repetition.');
  });

  it('a Centricity PACS preset with no component', () => {
    const { stack, appliance } = applianceStack();
    new CentricityPacs(appliance, 'Pacs', { servicePack: ServicePack.SP2 });
    expect(validationMessages(stack)).toEqual([]);
    expect(warnings(stack)).toContain("[pacs-lb:empty-preset] Pacs: components: the props name no component the site runs, so the preset creates no VIP. Add the site's components, e.g. enterpriseArchive.");
  });
});
