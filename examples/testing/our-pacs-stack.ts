import { TerraformStack } from 'cdktf';
import { CentricityPacs, DicomVip, HealthCheck, LoadBalancerAppliance, ServicePack } from 'cdktf-pacs-lb';
import { Construct } from 'constructs';

/** What a hospital's own stack may be given by its environment. */
export interface OurPacsStackProps {
  /** The archive nodes behind the EA VIPs. */
  readonly archiveNodes: string[];
  /** Where the research modality router lives. */
  readonly routerAddress: string;
}

/**
 * A hospital's own stack, as a user of cdktf-pacs-lb writes it: part of the Centricity PACS
 * set, one VIP changed through an override, and a VIP of their own beside it. The tests in
 * this folder are that user's tests.
 */
export class OurPacsStack extends TerraformStack {
  /** The appliance pair. */
  public readonly appliance: LoadBalancerAppliance;
  /** The Centricity PACS VIPs. */
  public readonly pacs: CentricityPacs;

  constructor(scope: Construct, id: string, props: OurPacsStackProps) {
    super(scope, id);
    this.appliance = new LoadBalancerAppliance(this, 'lb-pacs', {
      managementAddress: '192.0.2.5',
      peerManagementAddress: '192.0.2.6',
      subnets: ['192.0.2.0/24'],
    });
    this.pacs = new CentricityPacs(this.appliance, 'centricity', {
      servicePack: ServicePack.SP2,
      enterpriseArchive: { address: '192.0.2.100', servers: props.archiveNodes.map((address, i) => ({ name: `EA${i + 1}`, address })) },
      ccg: { address: '192.0.2.107', servers: [{ name: 'CCG1', address: '203.0.113.91' }, { name: 'CCG2', address: '203.0.113.92' }] },
      overrides: { EA_Dicom_Service: { healthCheck: HealthCheck.dicomAssociation({ calledAeTitle: 'EA_ARCHIVE' }) } },
    });
    new DicomVip(this.appliance, 'Research_Router', {
      address: '192.0.2.120',
      realServers: [{ name: 'ROUTER1', address: props.routerAddress }],
    });
  }
}
