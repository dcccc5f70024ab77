import { ForwardingMethod } from '../spec/forwarding-method';
import { HealthCheck } from '../spec/health-check';
import { Ports } from '../spec/ports';
import { Layer4VipProps } from './layer4-vip';
import { objectOr } from '../spec/object-or';
import { VirtualServiceBaseProps } from './virtual-service-props';

/**
 * Properties of a Layer 4 VIP for one application protocol ({@link DicomVip}, {@link Hl7Vip}).
 */
export interface ProtocolVipProps extends VirtualServiceBaseProps {
  /** Whether the VIP carries the protocol over TLS. @default false */
  readonly tls?: boolean;
  /** The ports. @default - the protocol's registered port, plain or TLS */
  readonly ports?: Ports;
  /** How packets reach the real servers. @default ForwardingMethod.DR */
  readonly forwarding?: ForwardingMethod;
}

/** A protocol's well-known ports and the check that proves its application answers. */
export interface ProtocolDefaults {
  /** The plain port. */
  readonly plainPort: number;
  /** The TLS port. */
  readonly tlsPort: number;
  /** The application-level check (used without TLS; with TLS, a connect check). */
  readonly applicationCheck: () => HealthCheck;
}

/** The Layer 4 props of a protocol VIP: its port and check unless the user gave them. */
export function withProtocolDefaults(props: ProtocolVipProps, defaults: ProtocolDefaults): Layer4VipProps {
  const given = objectOr(props) as ProtocolVipProps;
  const { tls, ...layer4 } = given;
  return {
    ...layer4,
    ports: given.ports ?? Ports.single(tls ? defaults.tlsPort : defaults.plainPort),
    healthCheck: given.healthCheck ?? (tls ? HealthCheck.connect() : defaults.applicationCheck()),
  };
}
