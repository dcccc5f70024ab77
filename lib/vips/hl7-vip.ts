import { Construct } from 'constructs';
import { HL7_PORTS } from '../spec/defaults';
import { HealthCheck } from '../spec/health-check';
import { Layer4Vip } from './layer4-vip';
import { ProtocolVipProps, withProtocolDefaults } from './protocol-vip-props';
import { declareProps } from '../validation/props-contract';
import { PROTOCOL_VIP_PROPS_SCHEMA } from '../appliance/props-schemas';

/**
 * Properties of an {@link Hl7Vip}: ports default to 2575, or 2576 with `tls` (as Centricity PACS uses it).
 */
export interface Hl7VipProps extends ProtocolVipProps {}

/**
 * A Layer 4 VIP for HL7 v2 messages over MLLP (orders, ADT, results), DR by default.
 *
 * Default health check: an HL7 message over MLLP that must be acknowledged `MSA|AA`; with
 * `tls`, a TCP connect, since the message is inside TLS.
 */
export class Hl7Vip extends Layer4Vip {
  /**
   * @param scope the LoadBalancerAppliance (or a construct inside it)
   * @param id the construct id; also the VIP's name on the appliance unless `name` is given
   * @param props its address, real servers, and any default to change
   */
  constructor(scope: Construct, id: string, props: Hl7VipProps) {
    super(scope, id, withProtocolDefaults(props, { plainPort: HL7_PORTS.plain, tlsPort: HL7_PORTS.tls, applicationCheck: () => HealthCheck.hl7Mllp() }));
    declareProps(this, PROTOCOL_VIP_PROPS_SCHEMA, props);
  }
}
