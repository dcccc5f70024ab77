import { Construct } from 'constructs';
import { ForwardingMethod } from '../spec/forwarding-method';
import { HealthCheck } from '../spec/health-check';
import { Ports } from '../spec/ports';
import { Layer4Vip } from './layer4-vip';
import { VirtualServiceBaseProps } from './virtual-service-props';

/** The registered HL7 MLLP port. */
const HL7_PORT = 2575;
/** HL7 MLLP over TLS, as Centricity PACS uses it. */
const HL7_TLS_PORT = 2576;

/**
 * Properties of an {@link Hl7Vip}.
 */
export interface Hl7VipProps extends VirtualServiceBaseProps {
  /** Whether the VIP carries HL7 over TLS. @default false */
  readonly tls?: boolean;
  /** The ports. @default - 2575, or 2576 with `tls` */
  readonly ports?: Ports;
  /** How packets reach the real servers. @default ForwardingMethod.DR */
  readonly forwarding?: ForwardingMethod;
}

/**
 * A Layer 4 VIP for HL7 v2 messages over MLLP (orders, ADT, results).
 *
 * Default health check: an HL7 message over MLLP that must be acknowledged `MSA|AA`; with
 * `tls`, a TCP connect, since the message is inside TLS.
 */
export class Hl7Vip extends Layer4Vip {
  constructor(scope: Construct, id: string, props: Hl7VipProps) {
    super(scope, id, {
      ...props,
      ports: props.ports ?? Ports.single(props.tls ? HL7_TLS_PORT : HL7_PORT),
      healthCheck: props.healthCheck ?? (props.tls ? HealthCheck.connect() : HealthCheck.hl7Mllp()),
    });
  }
}
