import { Construct } from 'constructs';
import { DICOM_PORTS } from '../spec/defaults';
import { HealthCheck } from '../spec/health-check';
import { Layer4Vip } from './layer4-vip';
import { ProtocolVipProps, withProtocolDefaults } from './protocol-vip-props';
import { declareProps } from '../validation/props-contract';
import { PROTOCOL_VIP_PROPS_SCHEMA } from '../appliance/props-schemas';

/**
 * Properties of a {@link DicomVip}: ports default to 104, or 2762 with `tls`.
 */
export interface DicomVipProps extends ProtocolVipProps {}

/**
 * A Layer 4 VIP for DICOM image traffic (C-STORE, C-FIND, C-MOVE, C-ECHO), DR by default.
 *
 * Default health check: a DICOM association request (A-ASSOCIATE-AC means healthy), which
 * proves the archive answers, not only that its port is open; with `tls`, a TCP connect,
 * since the association is inside TLS.
 */
export class DicomVip extends Layer4Vip {
  /**
   * @param scope the LoadBalancerAppliance (or a construct inside it)
   * @param id the construct id; also the VIP's name on the appliance unless `name` is given
   * @param props its address, real servers, and any default to change
   */
  constructor(scope: Construct, id: string, props: DicomVipProps) {
    super(scope, id, withProtocolDefaults(props, { plainPort: DICOM_PORTS.plain, tlsPort: DICOM_PORTS.tls, applicationCheck: () => HealthCheck.dicomAssociation() }));
    declareProps(this, PROTOCOL_VIP_PROPS_SCHEMA, props);
  }
}
