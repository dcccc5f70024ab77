/**
 * What keepalived.conf says for each part of a VIP spec. The same files are accepted by the
 * real `keepalived -t` in test/integration/keepalived; here we check that they say the right thing.
 */
import { describe, expect, it } from 'vitest';
import { ForwardingMethod, HealthCheck, Persistence, Ports, Protocol, RealServerState, Scheduler } from '../../../../lib';
import { CHECK_SCRIPT_INSTALL_PATH } from '../../../../lib/render/keepalived/check-script';
import { renderKeepalivedConf as renderResolvedKeepalived } from '../../../../lib/render/keepalived/keepalived-conf';
import { virtualRouterId } from '../../../../lib/render/keepalived/vrrp';
import { dicomAssociateRequest } from '../../../../lib/render/probes/dicom-association';
import { hl7ProbeFrame } from '../../../../lib/render/probes/hl7-mllp-probe';
import { block, layer4, layer7, site, Site } from './layer4-site';
import { resolveVirtualService } from '../../../../lib/spec/resolved-virtual-service';
import { ApplianceSpec as ResolverApplianceSpec, VirtualServiceSpec as ResolverVipSpec } from '../../../../lib/spec/virtual-service-spec';

/** The renderer as the callers use it: each spec resolved first. */
const renderKeepalivedConf = (appliance: ResolverApplianceSpec, vips: ResolverVipSpec[]) => renderResolvedKeepalived(appliance, vips.map(resolveVirtualService));

const render = (s: Site) => renderKeepalivedConf(s.appliance, s.vips);

describe('keepalived.conf virtual servers', () => {
  it('writes one virtual_server per Layer 4 VIP, named by a comment, and none for Layer 7 VIPs', () => {
    const conf = render(
      site((a) => {
        layer4(a, 'EA_Dicom_Service', { ports: Ports.single(104) });
        layer7(a, 'ZFP', { ports: Ports.single(443) });
        layer4(a, 'EA_HL7_Service', { ports: Ports.single(2575) });
      }),
    );
    expect(conf.match(/^virtual_server .*$/gm)).toEqual(['virtual_server 192.0.2.100 104 {', 'virtual_server 192.0.2.100 2575 {']);
    expect(conf).toContain('# VIP 1 EA_Dicom_Service — Layer 4 DR, port 104\nvirtual_server 192.0.2.100 104 {');
    expect(conf).toContain('# VIP 3 EA_HL7_Service — Layer 4 DR, port 2575\nvirtual_server 192.0.2.100 2575 {');
    expect(conf).not.toMatch(/ZFP/);
  });

  it.each([
    [ForwardingMethod.DR, 'DR'],
    [ForwardingMethod.NAT, 'NAT'],
    [ForwardingMethod.SNAT, 'NAT'],
  ])('forwarding %s is lb_kind %s', (forwarding, kind) => {
    const conf = render(site((a) => layer4(a, 'V', { ports: Ports.single(80), forwarding })));
    expect(block(conf, /^virtual_server/)).toContain(`lb_kind ${kind}`);
  });

  it.each([
    [Scheduler.WEIGHTED_LEAST_CONNECTIONS, 'wlc'],
    [Scheduler.ROUND_ROBIN, 'wrr'],
  ])('scheduler %s is lb_algo %s', (scheduler, algo) => {
    const conf = render(site((a) => layer4(a, 'V', { ports: Ports.single(80), scheduler })));
    expect(block(conf, /^virtual_server/)).toContain(`lb_algo ${algo}`);
  });

  it('a UDP VIP is protocol UDP', () => {
    const conf = render(site((a) => layer4(a, 'V', { ports: Ports.single(514), protocol: Protocol.UDP, healthCheck: HealthCheck.ping() })));
    expect(block(conf, /^virtual_server/)).toContain('protocol UDP');
  });

  it('source IP persistence is persistence_timeout, with the netmask as persistence_granularity', () => {
    const conf = render(site((a) => layer4(a, 'V', { ports: Ports.single(443), persistence: Persistence.sourceIp({ timeoutSeconds: 900, netmask: '255.255.255.0' }) })));
    const server = block(conf, /^virtual_server/);
    expect(server).toContain('persistence_timeout 900');
    expect(server).toContain('persistence_granularity 255.255.255.0');
  });

  it('no persistence writes no persistence_timeout', () => {
    expect(render(site((a) => layer4(a, 'V', { ports: Ports.single(80) })))).not.toContain('persistence');
  });

  it('a multi-port VIP is a firewall-mark virtual server (1000 + VIP number) whose real servers keep the port', () => {
    const conf = render(
      site((a) => {
        layer4(a, 'First', { ports: Ports.single(80), address: '192.0.2.99' });
        layer4(a, 'DAS_Pool', { ports: Ports.list([4100, 8080, 104]), healthCheck: HealthCheck.connect({ port: 8080 }) });
      }),
    );
    expect(conf).toContain('# VIP 2 DAS_Pool — Layer 4 DR, ports 104, 4100, 8080\nvirtual_server fwmark 1002 {');
    const server = block(conf, /^virtual_server fwmark/);
    expect(server).toContain('real_server 192.0.2.21 0 {');
    expect(server).toContain('connect_port 8080');
    expect(server).not.toContain('protocol TCP');
  });

  it('"every TCP port except 20000" is a firewall-mark virtual server', () => {
    const conf = render(site((a) => layer4(a, 'DB_MT', { ports: Ports.allTcpExcept([20000]), forwarding: ForwardingMethod.SNAT, healthCheck: HealthCheck.connect({ port: 1521 }) })));
    expect(conf).toContain('# VIP 1 DB_MT — Layer 4 SNAT, every TCP port except 20000\nvirtual_server fwmark 1001 {');
  });

  it('a NAT real server with its own port is forwarded to that port', () => {
    const conf = render(site((a) => layer4(a, 'V', { ports: Ports.single(80), forwarding: ForwardingMethod.NAT, realServers: [{ name: 'A', address: '192.0.2.21', port: 8080 }] })));
    expect(block(conf, /^virtual_server/)).toContain('real_server 192.0.2.21 8080 {');
  });
});

describe('keepalived.conf real servers', () => {
  const states = () =>
    render(
      site((a) =>
        layer4(a, 'V', {
          ports: Ports.single(104),
          realServers: [
            { name: 'Online', address: '192.0.2.21', weight: 50, maxConnections: 200, minConnections: 10 },
            { name: 'Drained', address: '192.0.2.22', state: RealServerState.DRAIN },
            { name: 'Halted', address: '192.0.2.23', state: RealServerState.HALT },
          ],
        }),
      ),
    );

  it('an online server has its weight and connection thresholds', () => {
    const server = block(states(), /^real_server 192\.0\.2\.21 /);
    expect(server).toEqual(expect.arrayContaining(['weight 50', 'uthreshold 200', 'lthreshold 10']));
  });

  it('a drained server has weight 0 (IPVS keeps its open connections, sends it no new ones)', () => {
    const conf = states();
    expect(conf).toContain('# real server Drained (drain: weight 0, open connections kept)');
    expect(block(conf, /^real_server 192\.0\.2\.22 /)).toContain('weight 0');
  });

  it('a VIP whose every real server is halted has no virtual server, only its comment', () => {
    const conf = render(site((a) => layer4(a, 'V', { ports: Ports.single(104), realServers: [{ name: 'A', address: '192.0.2.21', state: RealServerState.HALT }] })));
    expect(conf).toContain('# VIP 1 V — Layer 4 DR, port 104\n# every real server is halted: no virtual server');
    expect(conf).not.toContain('virtual_server');
  });

  it('a halted server is left out, with a comment saying so', () => {
    const conf = states();
    expect(conf).toContain('# real server Halted 192.0.2.23: halted, left out');
    expect(conf).not.toContain('real_server 192.0.2.23');
  });
});

describe('keepalived.conf health checkers', () => {
  const checker = (healthCheck: HealthCheck, ports = Ports.single(104)) => {
    const conf = render(site((a) => layer4(a, 'V', { ports, healthCheck })));
    return block(conf, /^real_server 192\.0\.2\.21 /);
  };

  it('HTTP GET is HTTP_GET with path, status, port, Host header and the expected text as a literal regex', () => {
    const lines = checker(HealthCheck.httpGet({ port: 8080, path: '/status?full=1', expectStatus: 204, expectText: 'Status. OK', host: 'pacs.example.org' }));
    expect(lines).toEqual(expect.arrayContaining(['HTTP_GET {', 'path /status?full=1', 'status_code 204', 'regex "Status[.] OK"', 'connect_port 8080', 'virtualhost pacs.example.org']));
  });

  it('HTTPS GET is SSL_GET (which accepts self-signed certificates)', () => {
    expect(checker(HealthCheck.httpsGet({ port: 8443 }))).toEqual(expect.arrayContaining(['SSL_GET {', 'path /', 'status_code 200', 'connect_port 8443']));
  });

  it('connect is TCP_CHECK on the real server port when no port is given', () => {
    expect(checker(HealthCheck.connect())).toEqual(expect.arrayContaining(['TCP_CHECK {', 'connect_port 104']));
  });

  it('timing: interval → delay_loop and delay_before_retry, timeout → connect_timeout, fall → retry fall - 1', () => {
    const conf = render(site((a) => layer4(a, 'V', { ports: Ports.single(104), healthCheck: HealthCheck.connect({ intervalSeconds: 5, timeoutSeconds: 3, fall: 4 }) })));
    expect(block(conf, /^virtual_server/)).toContain('delay_loop 5');
    expect(block(conf, /^real_server 192\.0\.2\.21 /)).toEqual(expect.arrayContaining(['connect_timeout 3', 'retry 3', 'delay_before_retry 5']));
  });

  it('ping runs the bundled script with the real server address and the timeout, misc_timeout one second longer', () => {
    const lines = checker(HealthCheck.ping({ timeoutSeconds: 2 }));
    expect(lines).toEqual(expect.arrayContaining(['MISC_CHECK {', `misc_path "${CHECK_SCRIPT_INSTALL_PATH} ping 192.0.2.21 2"`, 'misc_timeout 3']));
  });

  it('the DICOM check sends exactly the A-ASSOCIATE-RQ of lib/render/probes, with the configured AE titles', () => {
    const lines = checker(HealthCheck.dicomAssociation({ calledAeTitle: 'ARCHIVE', callingAeTitle: 'LB CHECK' }));
    const path = lines.find((l) => l.startsWith('misc_path'))!;
    const [, mode, host, port, timeout, hex] = /^misc_path "(\S+) (\S+) (\S+) (\S+) (\S+) (\S+)"$/.exec(path)!.slice(1);
    expect([mode, host, port, timeout]).toEqual(['dicom', '192.0.2.21', '104', '2']);
    expect(hex).toBe(dicomAssociateRequest('ARCHIVE', 'LB CHECK').toString('hex'));
    expect(lines).toContain('# DICOM association (LB CHECK → ARCHIVE)');
  });

  it('the HL7 check sends exactly the MLLP frame of lib/render/probes, with the configured names', () => {
    const lines = checker(HealthCheck.hl7Mllp({ port: 2575, sendingApplication: 'LB', receivingApplication: 'EA' }), Ports.single(2575));
    const hex = /^misc_path ".* hl7 192\.0\.2\.21 2575 2 ([0-9a-f]+)"$/.exec(lines.find((l) => l.startsWith('misc_path'))!)![1];
    expect(hex).toBe(hl7ProbeFrame({ sendingApplication: 'LB', sendingFacility: 'PACSLB', receivingApplication: 'EA', receivingFacility: 'PACS' }).toString('hex'));
  });

  it('an external check runs the user\'s script with VIP, port, real server, port (as ldirectord does)', () => {
    expect(checker(HealthCheck.external({ script: '/opt/checks/ea.sh' }))).toContain('misc_path "/opt/checks/ea.sh 192.0.2.100 104 192.0.2.21 104"');
  });

  it('no check writes no checker (keepalived keeps the server up)', () => {
    const lines = checker(HealthCheck.none());
    expect(lines.filter((l) => /_CHECK|_GET/.test(l))).toEqual([]);
  });
});

describe('keepalived.conf VIP addresses', () => {
  const pair = { managementAddress: '192.0.2.5', peerManagementAddress: '192.0.2.6' };

  it('an HA pair holds every VIP address (Layer 7 too) in one VRRP instance, unicast between the two nodes', () => {
    const conf = render(
      site((a) => {
        layer4(a, 'L4', { ports: Ports.single(104) });
        layer4(a, 'L4b', { ports: Ports.single(2575) });
        layer7(a, 'L7', { ports: Ports.single(443) });
      }, pair),
    );
    const vrrp = block(conf, /^vrrp_instance lb1 \{/);
    expect(vrrp).toEqual(
      expect.arrayContaining([
        'state BACKUP',
        'nopreempt',
        `virtual_router_id ${virtualRouterId('lb1')}`,
        '@primary priority 150',
        '@primary unicast_src_ip 192.0.2.5',
        '@primary unicast_peer { 192.0.2.6 }',
        '@secondary priority 100',
        '@secondary unicast_src_ip 192.0.2.6',
        '@secondary unicast_peer { 192.0.2.5 }',
      ]),
    );
    expect(block(conf, /^virtual_ipaddress \{/)).toEqual(['virtual_ipaddress {', '192.0.2.100/32 dev eth0', '192.0.2.150/32 dev eth0', '}']);
    expect(conf).toContain('lvs_sync_daemon eth0 lb1');
  });

  it('IPv6 VIP addresses of an IPv4 pair are brought up but not advertised (virtual_ipaddress_excluded)', () => {
    const conf = render(
      site(
        (a) => {
          layer4(a, 'V4', { ports: Ports.single(104) });
          layer4(a, 'V6', { ports: Ports.single(104), address: '2001:db8::100', realServers: [{ name: 'A', address: '2001:db8::21' }] });
        },
        { ...pair, subnets: ['192.0.2.0/24', '2001:db8::/64'] },
      ),
    );
    expect(block(conf, /^virtual_ipaddress_excluded \{/)).toEqual(['virtual_ipaddress_excluded {', '2001:db8::100/128 dev eth0', '}']);
    expect(conf).toContain('virtual_server 2001:db8::100 104 {');
  });

  it('a single appliance holds the addresses as static_ipaddress and has no VRRP instance', () => {
    const conf = render(site((a) => layer4(a, 'V', { ports: Ports.single(104) })));
    expect(block(conf, /^static_ipaddress \{/)).toEqual(['static_ipaddress {', '192.0.2.100/32 dev eth0', '}']);
    expect(conf).not.toContain('vrrp_instance');
  });

  it('the VIP interface can be named on the appliance (default eth0)', () => {
    const conf = render(site((a) => layer4(a, 'V', { ports: Ports.single(104) }), { ...pair, vipInterface: 'bond0.20' }));
    expect(block(conf, /^virtual_ipaddress \{/)).toEqual(['virtual_ipaddress {', '192.0.2.100/32 dev bond0.20', '}']);
    expect(conf).toContain('lvs_sync_daemon bond0.20 lb1');
    expect(conf).toMatch(/^  interface bond0\.20$/m);
  });

  it('writes no secret: no VRRP authentication', () => {
    expect(render(site((a) => layer4(a, 'V', { ports: Ports.single(104) }), pair))).not.toMatch(/auth/i);
  });

  it('the virtual router id is stable and within 1-255', () => {
    for (const name of ['lb1', 'lb-pacs', 'x', 'a'.repeat(64)]) {
      expect(virtualRouterId(name)).toBe(virtualRouterId(name));
      expect(virtualRouterId(name)).toBeGreaterThanOrEqual(1);
      expect(virtualRouterId(name)).toBeLessThanOrEqual(255);
    }
    expect(virtualRouterId('lb1')).not.toBe(virtualRouterId('lb2'));
  });
});

describe('keepalived.conf as a file', () => {
  const build = () => site((a) => layer4(a, 'V', { ports: Ports.list([80, 443]), healthCheck: HealthCheck.dicomAssociation({ port: 104 }) }), { managementAddress: '192.0.2.5', peerManagementAddress: '192.0.2.6' });

  it('starts with the generated header and says what it needs', () => {
    const conf = render(build());
    expect(conf.split('\n').slice(0, 2)).toEqual([
      '# keepalived configuration of appliance lb1: Layer 4 VIPs (IPVS) and the VIP addresses.',
      '# Generated by cdktf-pacs-lb at synth; hand edits will be overwritten.',
    ]);
    expect(conf).toContain(`installed as ${CHECK_SCRIPT_INSTALL_PATH}`);
    expect(conf).toContain('HA pair: run keepalived -i primary on 192.0.2.5, keepalived -i secondary on 192.0.2.6.');
  });

  it('is deterministic: the same specs give byte-identical text', () => {
    expect(render(build())).toBe(render(build()));
  });

  it('uses two-space indentation and one blank line between sections', () => {
    const conf = render(build());
    expect(conf).not.toMatch(/\t|\n\n\n/);
    expect(conf.split('\n').every((line) => /^( {2})*\S|^$/.test(line))).toBe(true);
  });
});
