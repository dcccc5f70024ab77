import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { CentricityPacs, CentricityPacsProps, LoadBalancerAppliance, RealServerProps, ServicePack } from '../../lib';

/**
 * A realistic Centricity PACS site on an HA pair of appliances, at service pack 2, two or more
 * servers per role. Addresses are from the documentation ranges (RFC 5737):
 *   192.0.2.0/24     server VLAN the appliance has an interface in (DR real servers live here)
 *   198.51.100.0/24  database VLAN, also on the appliance (SNAT)
 *   203.0.113.0/24   web tier in another routed subnet (Layer 7 reaches it through routing)
 */
export class CentricityPacsSiteStack extends TerraformStack {
  /** The HA pair. */
  public readonly appliance: LoadBalancerAppliance;
  /** The 19 VIPs. */
  public readonly pacs: CentricityPacs;

  /** @param changes props that replace the site's (tests use it for "the example after a change"). */
  constructor(scope: Construct, id: string, changes: Partial<CentricityPacsProps> = {}) {
    super(scope, id);

    this.appliance = new LoadBalancerAppliance(this, 'lb-pacs', {
      managementAddress: '192.0.2.5',
      peerManagementAddress: '192.0.2.6',
      subnets: ['192.0.2.0/24', '198.51.100.0/24'],
    });

    const servers = (prefix: string, network: string, hosts: number[]): RealServerProps[] =>
      hosts.map((host, i) => ({ name: `${prefix}${i + 1}`, address: `${network}.${host}` }));

    this.pacs = new CentricityPacs(this.appliance, 'centricity', {
      servicePack: ServicePack.SP2,
      enterpriseArchive: { address: '192.0.2.100', servers: servers('EA', '192.0.2', [21, 22]) },
      database: { address: '198.51.100.100', servers: servers('DB', '198.51.100', [11, 12]), mtCheckPort: 1521 },
      das: { address: '192.0.2.101', servers: servers('DAS', '192.0.2', [31, 32, 33]) },
      zfp: { address: '192.0.2.102', servers: servers('ZFP', '203.0.113', [41, 42]) },
      uv: { address: '192.0.2.103', servers: servers('UV', '203.0.113', [51, 52]) },
      dakota: { address: '192.0.2.104', servers: servers('DAKOTA', '203.0.113', [61, 62]) },
      wfm: { address: '192.0.2.105', servers: servers('WFM', '203.0.113', [71, 72]) },
      xe: { address: '192.0.2.106', servers: servers('XE', '203.0.113', [81, 82]) },
      ccg: { address: '192.0.2.107', servers: servers('CCG', '203.0.113', [91, 92]) },
      enterpriseArchiveCheck: { port: 80, path: '/status' },
      ...changes,
    });
  }
}
