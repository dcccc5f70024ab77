import { ClientAddressMode } from '../spec/client-address-mode';
import { ForwardingMethod } from '../spec/forwarding-method';
import { Protocol } from '../spec/protocol';
import { ProxyMode } from '../spec/proxy-mode';
import { PortsSpec } from '../spec/virtual-service-spec';

/**
 * The spec fields that a kind of VIP decides for its layer. Returned by
 * `VirtualService.layerSpec()`; users of the library do not need it.
 */
export interface VirtualServiceLayerSpec {
  /** 4 or 7. */
  readonly layer: number;
  /** The resolved ports. */
  readonly ports: PortsSpec;
  /** Transport protocol. */
  readonly protocol: Protocol;
  /** Layer 4: forwarding method. @default - absent at Layer 7 */
  readonly forwarding?: ForwardingMethod;
  /** Layer 7: proxy mode. @default - absent at Layer 4 */
  readonly proxyMode?: ProxyMode;
  /** Layer 7: client address mode. @default - absent at Layer 4 */
  readonly clientAddress?: ClientAddressMode;
  /** Layer 7: client idle timeout. @default - absent at Layer 4 */
  readonly clientTimeoutSeconds?: number;
  /** Layer 7: server idle timeout. @default - absent at Layer 4 */
  readonly serverTimeoutSeconds?: number;
}
