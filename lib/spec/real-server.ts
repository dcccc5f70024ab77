import { RealServerState } from './real-server-state';

/**
 * A real server (RIP) behind a virtual service.
 */
export interface RealServerProps {
  /** Name on the appliance: letters, digits, `_`, `.` and `-`, 1-64 characters, unique within the VIP. */
  readonly name: string;
  /** IPv4 or IPv6 address. */
  readonly address: string;
  /**
   * Port connections are forwarded to (1-65535). Not allowed in DR mode unless equal to the
   * VIP's port, nor on a VIP with several ports.
   * @default - the port the client connected to
   */
  readonly port?: number;
  /** Relative share of new connections (0-256); 0 takes the server out of rotation. @default 100 */
  readonly weight?: number;
  /** Layer 4: connections kept below which the server gets no new ones (0-1000000). @default - no minimum */
  readonly minConnections?: number;
  /** Most connections sent to the server at once (1-1000000). @default - no limit */
  readonly maxConnections?: number;
  /**
   * Administrative state, set by the code: every deploy puts the server in it. Leave it out to
   * let operators own the state: deploys then keep whatever `pacs-lb drain|halt|online` (or the
   * appliance's own UI) set, and a new server starts online.
   * @default - online for a new server; afterwards the operator's
   */
  readonly state?: RealServerState;
  /** Layer 7 HTTP mode: re-encrypt traffic to this server. @default false */
  readonly encrypted?: boolean;
}
