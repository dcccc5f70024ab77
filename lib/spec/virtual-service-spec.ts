import { ApplianceTargetKind } from './appliance-target-kind';
import { CheckScriptSource } from './check-script-source';
import { ClientAddressMode } from './client-address-mode';
import { ForwardingMethod } from './forwarding-method';
import { HealthCheckType } from './health-check-type';
import { PersistenceType } from './persistence-type';
import { Protocol } from './protocol';
import { ProxyMode } from './proxy-mode';
import { RealServerState } from './real-server-state';
import { Scheduler } from './scheduler';

/**
 * The version of the spec format. Bumped whenever a field changes meaning, so the `pacs-lb`
 * CLI can refuse a spec it does not understand.
 */
export const SPEC_SCHEMA_VERSION = 1;

/**
 * An inclusive range of ports, `from` to `to`. A single port has `from === to`.
 */
export interface PortRangeSpec {
  /** First port of the range (1-65535). */
  readonly first: number;
  /** Last port of the range (1-65535, not below `from`). */
  readonly last: number;
}

/**
 * The ports a virtual service listens on, resolved.
 */
export interface PortsSpec {
  /**
   * The ports as sorted, non-overlapping ranges.
   */
  readonly ranges: PortRangeSpec[];
  /**
   * Set when the ports were given as "every TCP port except these": the excluded ports.
   * `ranges` then holds the complement. Renderers use it to write a firewall-mark rule.
   * @default - not an "every port except" service
   */
  readonly allExcept?: number[];
}

/**
 * A health check, resolved. Fields that do not apply to `kind` are absent.
 */
export interface HealthCheckSpec {
  /** The kind of check. */
  readonly kind: HealthCheckType;
  /**
   * The port the check connects to.
   * @default - the port the real server serves on (only possible for a single-port VIP)
   */
  readonly port?: number;
  /** HTTP(S) checks: the path requested. @default - absent for other checks */
  readonly path?: string;
  /** HTTP(S) checks: the status code that means healthy. @default - absent for other checks */
  readonly expectStatus?: number;
  /** HTTP(S) checks: text that must appear in the body. @default - the status alone decides */
  readonly expectText?: string;
  /** HTTP(S) checks: the Host header sent. @default - the real server's address */
  readonly host?: string;
  /** HTTPS checks: PEM file of CAs on the load balancer to verify the server against. @default - not verified */
  readonly caFile?: string;
  /** DICOM check: the called AE title (the archive's). @default - absent for other checks */
  readonly calledAeTitle?: string;
  /** DICOM check: the calling AE title (the load balancer's). @default - absent for other checks */
  readonly callingAeTitle?: string;
  /** HL7 check: MSH-3 sending application. @default - absent for other checks */
  readonly sendingApplication?: string;
  /** HL7 check: MSH-4 sending facility. @default - absent for other checks */
  readonly sendingFacility?: string;
  /** HL7 check: MSH-5 receiving application. @default - absent for other checks */
  readonly receivingApplication?: string;
  /** HL7 check: MSH-6 receiving facility. @default - absent for other checks */
  readonly receivingFacility?: string;
  /** External check: absolute path of the script on the load balancer. @default - absent for other checks */
  readonly script?: string;
  /** Seconds between checks. */
  readonly intervalSeconds: number;
  /** Seconds a check may take before it counts as failed. */
  readonly timeoutSeconds: number;
  /** Consecutive successes before a down server is put back in rotation. */
  readonly rise: number;
  /** Consecutive failures before a server is taken out of rotation. */
  readonly fall: number;
}

/**
 * Session persistence, resolved.
 */
export interface PersistenceSpec {
  /** The kind of persistence. */
  readonly kind: PersistenceType;
  /** Source IP: seconds a client stays with its server after its last connection. @default - absent for other kinds */
  readonly timeoutSeconds?: number;
  /** Source IP at Layer 4: the netmask that groups client addresses. @default - each address on its own */
  readonly netmask?: string;
  /** HTTP cookie: the cookie's name. @default - absent for other kinds */
  readonly cookieName?: string;
}

/**
 * A real server (RIP) of a virtual service, resolved.
 */
export interface RealServerSpec {
  /** The real server's name, unique within its VIP. */
  readonly name: string;
  /** The real server's IPv4 or IPv6 address (canonical form). */
  readonly address: string;
  /**
   * The port connections are forwarded to.
   * @default - the port the client connected to (always so in DR mode)
   */
  readonly port?: number;
  /** Relative share of new connections, 0-256; 0 takes the server out of rotation. */
  readonly weight: number;
  /** Connections kept below which the server gets no new ones (Layer 4). @default - no minimum */
  readonly minConnections?: number;
  /** Most connections the server is sent at once. @default - no limit */
  readonly maxConnections?: number;
  /** Administrative state. */
  readonly state: RealServerState;
  /**
   * Whether the code sets {@link state}: true when the real server's props gave a state. When
   * absent, a state other than online is the code's too. Otherwise (the default online) the
   * state belongs to the operator: a deploy leaves the state the target has (set with
   * `pacs-lb drain|halt|online` or on the appliance), and a new real server starts online.
   * @default - the code's for a state other than online, the operator's for online
   */
  readonly stateManaged?: boolean;
  /** Layer 7 HTTP mode: re-encrypt traffic to this server. @default false */
  readonly encrypted?: boolean;
}

/**
 * The resolved description of one virtual service (VIP) and its real servers: defaults
 * applied, ports expanded, names checked. Every output (appliance commands, HAProxy and
 * keepalived configuration, reports) is a pure function of it, and it is plain JSON.
 */
export interface VirtualServiceSpec {
  /** Format version: {@link SPEC_SCHEMA_VERSION}. */
  readonly schemaVersion: number;
  /** Name of the appliance (or HA pair) the VIP lives on. */
  readonly appliance: string;
  /** The VIP's name, exactly as it appears on the appliance. */
  readonly name: string;
  /** A one-line description, used in comments of generated files. @default - none */
  readonly description?: string;
  /** 4 (IPVS, packet forwarding) or 7 (reverse proxy). */
  readonly layer: number;
  /** Layer 4 only: how packets reach the real servers. @default - absent at Layer 7 */
  readonly forwarding?: ForwardingMethod;
  /** Layer 7 only: TCP pass-through or HTTP. @default - absent at Layer 4 */
  readonly proxyMode?: ProxyMode;
  /** Layer 7 only: how the server learns the client's address. @default - absent at Layer 4 */
  readonly clientAddress?: ClientAddressMode;
  /** The VIP's IPv4 or IPv6 address (canonical form). */
  readonly address: string;
  /** Transport protocol (always TCP at Layer 7). */
  readonly protocol: Protocol;
  /** The ports the VIP listens on. */
  readonly ports: PortsSpec;
  /** How new connections are spread. */
  readonly scheduler: Scheduler;
  /** How real servers are checked. */
  readonly healthCheck: HealthCheckSpec;
  /** Session persistence. */
  readonly persistence: PersistenceSpec;
  /** Layer 7 only: seconds of client inactivity before the connection is closed. @default - absent at Layer 4 */
  readonly clientTimeoutSeconds?: number;
  /** Layer 7 only: seconds of server inactivity before the connection is closed. @default - absent at Layer 4 */
  readonly serverTimeoutSeconds?: number;
  /** Most concurrent connections the VIP accepts. @default - no limit */
  readonly maxConnections?: number;
  /** The real servers, in the order they were declared. */
  readonly realServers: RealServerSpec[];
}

/**
 * The resolved description of an appliance (or HA pair) that VIPs live on.
 */
export interface ApplianceSpec {
  /** Format version: {@link SPEC_SCHEMA_VERSION}. */
  readonly schemaVersion: number;
  /** The appliance's name in this project (used in file and resource names). */
  readonly name: string;
  /** Management address(es): one for a single appliance, two (primary first) for an HA pair. */
  readonly managementAddresses: string[];
  /** TCP port of the REST API. */
  readonly apiPort: number;
  /** Subnets (CIDR) the appliance has interfaces in; empty when not declared. */
  readonly subnets: string[];
  /** Where deploys go when not the appliance's REST API. @default - absent: the Loadbalancer.org REST API v2 */
  readonly target?: ApplianceTargetSpec;
  /** The interface carrying the VIP addresses and VRRP adverts. @default - absent: eth0 */
  readonly vipInterface?: string;
  /** How the DICOM and HL7 check scripts get onto the appliance. @default - absent: not installed */
  readonly checkScripts?: CheckScriptsSpec;
  /** Corrections of the appliance's lbcli vocabulary, by mapping-table key. @default - absent: none */
  readonly lbcliOverrides?: Record<string, string>;
}

/**
 * How each protocol check's script gets onto the appliance (present only when declared).
 */
export interface CheckScriptsSpec {
  /** DICOM association checks. @default - not installed */
  readonly dicom?: CheckScriptSource;
  /** HL7 MLLP checks. @default - not installed */
  readonly hl7?: CheckScriptSource;
}

/**
 * The resolved deploy target of an appliance (present only when it is not the REST API).
 */
export interface ApplianceTargetSpec {
  /** Which target. */
  readonly kind: ApplianceTargetKind;
  /** Local HAProxy: absolute folder of haproxy.cfg, its sockets and the applied VIP specs. @default - none */
  readonly folder?: string;
  /** Local HAProxy: the HAProxy executable. @default - "haproxy" from PATH */
  readonly haproxyBinary?: string;
}
