import { App, TerraformStack } from 'cdktf';
import { ApplianceTarget, DicomVip, ForwardingMethod, HealthCheck, LoadBalancerAppliance, Ports } from 'cdktf-pacs-lb';

/** Where the site's load balancer runs and what it balances. */
export interface SiteOptions {
  /** The local HAProxy's folder: absolute, short (HAProxy's sockets live in it). */
  readonly folder: string;
  /** The DICOM VIP's port on 127.0.0.1. */
  readonly vipPort: number;
  /** The archives' DICOM ports on 127.0.0.1, one real server each. */
  readonly archivePorts: number[];
}

/**
 * One site: a DICOM VIP on this machine's HAProxy (ApplianceTarget.localHaproxy) in front of
 * two archives, checked with a DICOM association. For a Loadbalancer.org appliance, drop
 * `target` and give its management address instead.
 */
export class SiteStack extends TerraformStack {
  constructor(app: App, id: string, options: SiteOptions) {
    super(app, id);
    const lb = new LoadBalancerAppliance(this, 'lb', {
      name: 'lb-local',
      managementAddress: '127.0.0.1',
      subnets: ['127.0.0.0/8'],
      target: ApplianceTarget.localHaproxy({ folder: options.folder }),
    });
    new DicomVip(lb, 'archive', {
      name: 'Archive_Dicom',
      address: '127.0.0.1',
      ports: Ports.single(options.vipPort),
      forwarding: ForwardingMethod.NAT,
      healthCheck: HealthCheck.dicomAssociation({ calledAeTitle: 'ARCHIVE' }),
      realServers: options.archivePorts.map((port, i) => ({ name: `EA${i + 1}`, address: '127.0.0.1', port })),
    });
  }
}
