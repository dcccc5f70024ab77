import { HealthCheck } from '../spec/health-check';
import { Persistence } from '../spec/persistence';
import { RealServerProps } from '../spec/real-server';
import { Scheduler } from '../spec/scheduler';

/**
 * Properties every kind of VIP has.
 */
export interface VirtualServiceBaseProps {
  /**
   * The VIP's name on the appliance, exactly as operators know it (e.g. `EA_Dicom_Service`).
   * Letters, digits, `_`, `.` and `-`, 1-64 characters, unique on the appliance.
   * @default - the construct id
   */
  readonly name?: string;
  /** One line describing the VIP, written as a comment into generated files. @default - none */
  readonly description?: string;
  /** The VIP's IPv4 or IPv6 address. */
  readonly address: string;
  /** How new connections are spread over the real servers. @default Scheduler.WEIGHTED_LEAST_CONNECTIONS */
  readonly scheduler?: Scheduler;
  /** How real servers are checked. @default - depends on the kind of VIP; see each construct */
  readonly healthCheck?: HealthCheck;
  /** Session persistence. @default Persistence.none() */
  readonly persistence?: Persistence;
  /** The real servers; more can be added with `addRealServer()`. @default - none yet */
  readonly realServers?: RealServerProps[];
  /** Most concurrent connections the VIP accepts (1-1000000). @default - no limit */
  readonly maxConnections?: number;
}
