import { ForwardingMethod } from '../spec/forwarding-method';
import { HealthCheck } from '../spec/health-check';
import { Persistence } from '../spec/persistence';
import { Ports } from '../spec/ports';
import { RealServerProps } from '../spec/real-server';
import { Scheduler } from '../spec/scheduler';
import { ServicePack } from './service-pack';

/**
 * One Centricity PACS component: the VIP address its services share and its servers.
 */
export interface CentricityComponent {
  /** The VIP address of the component's services. */
  readonly address: string;
  /** The component's servers; each becomes a real server of each of the component's VIPs. */
  readonly servers: RealServerProps[];
}

/**
 * The database component (DB_MT, DB_DBVIP), with the check port the guide leaves open.
 */
export interface CentricityDatabaseComponent extends CentricityComponent {
  /**
   * The port DB_MT's "connect to port" check connects to. DB_MT spans every TCP port but
   * 20000, so there is no obvious one: it must be given.
   * @default - none: synthesis fails with an error naming DB_MT until it is set
   */
  readonly mtCheckPort?: number;
}

/**
 * The status URL that the Enterprise Archive VIPs' "HTTP GET" check requests. The guide does
 * not print it; the check is an HTTP request to the same real server, not HTTP spoken to the
 * DICOM or HL7 port.
 */
export interface EnterpriseArchiveCheckOptions {
  /** Port of the status URL. @default 80 */
  readonly port?: number;
  /** Path of the status URL. @default "/" */
  readonly path?: string;
  /** Status code that means healthy. @default 200 */
  readonly expectStatus?: number;
}

/**
 * A change to one VIP of the preset; every field left out keeps the preset's value.
 */
export interface CentricityVipOverride {
  /** Another VIP address. @default - the component's address */
  readonly address?: string;
  /** Other ports. @default - the guide's ports for the site's service pack */
  readonly ports?: Ports;
  /** Another health check (e.g. `HealthCheck.dicomAssociation()` for EA_Dicom_Service). @default - the guide's check */
  readonly healthCheck?: HealthCheck;
  /** Other persistence. @default - the guide's persistence */
  readonly persistence?: Persistence;
  /** Another scheduler. @default Scheduler.WEIGHTED_LEAST_CONNECTIONS */
  readonly scheduler?: Scheduler;
  /** Other real servers, replacing the component's servers for this VIP. @default - the component's servers */
  readonly realServers?: RealServerProps[];
  /** Layer 4 VIPs only: another forwarding method. @default - the guide's mode */
  readonly forwarding?: ForwardingMethod;
  /** Most concurrent connections. @default - no limit */
  readonly maxConnections?: number;
}

/**
 * Properties of the {@link CentricityPacs} preset: the site's server inventory by component.
 * Leave out a component the site does not run, and its VIPs are not created.
 */
export interface CentricityPacsProps {
  /** The site's Centricity PACS service-pack level; decides Dakota's and WFM's ports and checks. */
  readonly servicePack: ServicePack;
  /** Enterprise Archive: VIPs 1-6 (EA_XDS_Service ... EA_Study_Management_Service), Layer 4 DR. @default - not run */
  readonly enterpriseArchive?: CentricityComponent;
  /** Database nodes: VIPs 7-8 (DB_MT, DB_DBVIP), Layer 4 SNAT. @default - not run */
  readonly database?: CentricityDatabaseComponent;
  /** DAS: VIP 9 (DAS_Pool), Layer 4 DR on 4100, 8080 and 104. @default - not run */
  readonly das?: CentricityComponent;
  /** ZFP viewer: VIP 10, Layer 7 on 443. @default - not run */
  readonly zfp?: CentricityComponent;
  /** Universal Viewer: VIP 11, Layer 7 on 443. @default - not run */
  readonly uv?: CentricityComponent;
  /** Dakota: VIP 12, Layer 7. @default - not run */
  readonly dakota?: CentricityComponent;
  /** Workflow manager: VIPs 13-14 (WFM_Play_Group, WFM_tomcat_Group), Layer 7. @default - not run */
  readonly wfm?: CentricityComponent;
  /** XE standalone: VIP 15, Layer 7 on 8443 and 9449. @default - not run */
  readonly xe?: CentricityComponent;
  /** CCG interface bridges: VIPs 16-19, Layer 7 with last-successful persistence. @default - not run */
  readonly ccg?: CentricityComponent;
  /** The Enterprise Archive VIPs' HTTP status check. @default - HTTP GET http://<server>:80/ expecting 200 */
  readonly enterpriseArchiveCheck?: EnterpriseArchiveCheckOptions;
  /** Port of DAS_Pool's HTTP GET check (the VIP has three ports). @default 8080 */
  readonly dasCheckPort?: number;
  /** Source IP persistence timeout of the Layer 4 VIPs, in seconds. @default 300 (the appliance's default) */
  readonly layer4PersistenceSeconds?: number;
  /** Source IP persistence timeout of the Layer 7 VIPs, in seconds. @default 1800 (30 minutes) */
  readonly layer7PersistenceSeconds?: number;
  /** Changes to single VIPs, by the guide's VIP name, e.g. `{ EA_Dicom_Service: { healthCheck: HealthCheck.dicomAssociation() } }`. @default - none */
  readonly overrides?: { [vipName: string]: CentricityVipOverride };
}
