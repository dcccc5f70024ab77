import { Construct } from 'constructs';
import { ForwardingMethod } from '../spec/forwarding-method';
import { HealthCheck } from '../spec/health-check';
import { Ports } from '../spec/ports';
import { Layer4Vip } from './layer4-vip';
import { VirtualServiceBaseProps } from './virtual-service-props';

/** The registered DICOM port. */
const DICOM_PORT = 104;
/** The registered DICOM-over-TLS port. */
const DICOM_TLS_PORT = 2762;

/**
 * Properties of a {@link DicomVip}.
 */
export interface DicomVipProps extends VirtualServiceBaseProps {
  /** Whether the VIP carries DICOM over TLS. @default false */
  readonly tls?: boolean;
  /** The ports. @default - 104, or 2762 with `tls` */
  readonly ports?: Ports;
  /** How packets reach the real servers. @default ForwardingMethod.DR */
  readonly forwarding?: ForwardingMethod;
}

/**
 * A Layer 4 VIP for DICOM image traffic (C-STORE, C-FIND, C-MOVE, C-ECHO).
 *
 * Default health check: a DICOM association request (A-ASSOCIATE-AC means healthy), which
 * proves the archive answers, not only that its port is open; with `tls`, a TCP connect,
 * since the association is inside TLS.
 */
export class DicomVip extends Layer4Vip {
  constructor(scope: Construct, id: string, props: DicomVipProps) {
    super(scope, id, {
      ...props,
      ports: props.ports ?? Ports.single(props.tls ? DICOM_TLS_PORT : DICOM_PORT),
      healthCheck: props.healthCheck ?? (props.tls ? HealthCheck.connect() : HealthCheck.dicomAssociation()),
    });
  }
}
