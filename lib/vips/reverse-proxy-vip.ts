import { Construct } from 'constructs';
import { ClientAddressMode } from '../spec/client-address-mode';
import { layer7Defaults } from '../spec/defaults';
import { HealthCheck } from '../spec/health-check';
import { Ports } from '../spec/ports';
import { REVERSE_PROXY_VIP_PROPS_SCHEMA } from '../appliance/props-schemas';
import { Protocol } from '../spec/protocol';
import { ProxyMode } from '../spec/proxy-mode';
import { kindProps, layerSpecOf } from './kind-props';
import { VirtualService } from './virtual-service';
import { VirtualServiceLayerSpec } from './virtual-service-layer-spec';
import { VirtualServiceBaseProps } from './virtual-service-props';

/**
 * Properties of a {@link ReverseProxyVip}.
 */
export interface ReverseProxyVipProps extends VirtualServiceBaseProps {
  /** The ports the VIP listens on. */
  readonly ports: Ports;
  /** TCP pass-through (TLS on 443 reaches the servers untouched) or HTTP. @default ProxyMode.TCP */
  readonly proxyMode?: ProxyMode;
  /** How the real server learns the client's address. @default ClientAddressMode.NONE */
  readonly clientAddress?: ClientAddressMode;
  /** Seconds of client inactivity before the connection is closed (1-86400). @default 3600 */
  readonly clientTimeoutSeconds?: number;
  /** Seconds of server inactivity before the connection is closed (1-86400). @default 3600 */
  readonly serverTimeoutSeconds?: number;
}

/**
 * A Layer 7 reverse proxy (HAProxy on the appliance). Real servers may sit on any reachable
 * subnet and ports may be translated. TCP mode by default, so TLS passes through.
 *
 * Default health check: connect to the real server's port (give `port` when the VIP has
 * several ports).
 */
export class ReverseProxyVip extends VirtualService {
  private readonly layer7: ReverseProxyVipProps;

  /**
   * @param scope the LoadBalancerAppliance (or a construct inside it)
   * @param id the construct id; also the VIP's name on the appliance unless `name` is given
   * @param props its address, ports, proxy mode, real servers, check and persistence
   */
  constructor(scope: Construct, id: string, props: ReverseProxyVipProps) {
    super(scope, id, props, HealthCheck.connect());
    this.layer7 = kindProps(this, REVERSE_PROXY_VIP_PROPS_SCHEMA, props);
  }

  protected layerSpec(): VirtualServiceLayerSpec {
    return layerSpecOf(7, this.layer7.ports, {
      protocol: Protocol.TCP,
      ...layer7Defaults(this.layer7),
    });
  }
}
