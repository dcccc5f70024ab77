import { Construct } from 'constructs';
import { layer4Defaults } from '../spec/defaults';
import { ForwardingMethod } from '../spec/forwarding-method';
import { HealthCheck } from '../spec/health-check';
import { Ports } from '../spec/ports';
import { LAYER4_VIP_PROPS_SCHEMA } from '../appliance/props-schemas';
import { Protocol } from '../spec/protocol';
import { kindProps, layerSpecOf } from './kind-props';
import { VirtualService } from './virtual-service';
import { VirtualServiceLayerSpec } from './virtual-service-layer-spec';
import { VirtualServiceBaseProps } from './virtual-service-props';

/**
 * Properties of a {@link Layer4Vip}.
 */
export interface Layer4VipProps extends VirtualServiceBaseProps {
  /** The ports the VIP listens on: one, a list, a range, or every TCP port except some. */
  readonly ports: Ports;
  /** How packets reach the real servers. @default ForwardingMethod.DR */
  readonly forwarding?: ForwardingMethod;
  /** Transport protocol. @default Protocol.TCP */
  readonly protocol?: Protocol;
}

/**
 * A Layer 4 virtual service (IPVS on the appliance): DR, NAT or SNAT. The fastest way to
 * carry DICOM and HL7; in DR mode the real servers see the client's address.
 *
 * Default health check: connect to the real server's port (give `port` when the VIP has
 * several ports).
 */
export class Layer4Vip extends VirtualService {
  private readonly layer4: Layer4VipProps;

  /**
   * @param scope the LoadBalancerAppliance (or a construct inside it)
   * @param id the construct id; also the VIP's name on the appliance unless `name` is given
   * @param props its address, ports, forwarding method, real servers, check and persistence
   */
  constructor(scope: Construct, id: string, props: Layer4VipProps) {
    super(scope, id, props, HealthCheck.connect());
    this.layer4 = kindProps(this, LAYER4_VIP_PROPS_SCHEMA, props);
  }

  protected layerSpec(): VirtualServiceLayerSpec {
    return layerSpecOf(4, this.layer4.ports, layer4Defaults(this.layer4));
  }
}
