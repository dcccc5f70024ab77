import { ForwardingMethod } from '../spec/forwarding-method';
import { HealthCheck } from '../spec/health-check';
import { Persistence } from '../spec/persistence';
import { Ports } from '../spec/ports';
import { withoutUndefined } from '../spec/without-undefined';
import { CentricityPacsProps } from './centricity-pacs-props';
import { ServicePack } from './service-pack';

/** The component a VIP belongs to: the key of its inventory in {@link CentricityPacsProps}. */
export type CentricityComponentKey = 'enterpriseArchive' | 'database' | 'das' | 'zfp' | 'uv' | 'dakota' | 'wfm' | 'xe' | 'ccg';

/** Which construct builds the VIP. */
export type CentricityVipKind = 'layer4' | 'dicom' | 'secure-dicom' | 'hl7' | 'secure-hl7' | 'reverse-proxy';

/** One row of the guide's VIP table, as data. */
export interface CentricityVipRow {
  /** The guide's VIP number. */
  readonly number: number;
  /** The VIP name, verbatim. */
  readonly name: string;
  /** What the VIP carries, for comments in generated files. */
  readonly carries: string;
  /** Whose servers and address it uses. */
  readonly component: CentricityComponentKey;
  /** Which construct builds it. */
  readonly kind: CentricityVipKind;
  /** Layer 4 VIPs: the forwarding method. */
  readonly forwarding?: ForwardingMethod;
  /** The ports at the site's service pack. */
  readonly ports: (sp: ServicePack) => Ports;
  /** The persistence, given the preset's props. */
  readonly persistence: (props: CentricityPacsProps) => Persistence;
  /** The health check at the site's service pack, given the preset's props. */
  readonly healthCheck: (sp: ServicePack, props: CentricityPacsProps) => HealthCheck;
}

/** Port of the EA status URL when none is given. */
const DEFAULT_EA_CHECK_PORT = 80;
/** Port of DAS_Pool's HTTP GET check when none is given: DAS_Pool's web port. */
const DEFAULT_DAS_CHECK_PORT = 8080;
/** XE_Standalone listens on 8443 and 9449; its HTTPS check connects to the first. */
const XE_CHECK_PORT = 8443;
/** WFM_tomcat_Group's HTTPS check port: 9096, the port it has at both service packs. */
const WFM_TOMCAT_CHECK_PORT = 9096;

const none = () => Persistence.none();
/** Source IP persistence with the preset's timeout when the props give one; else the layer's default applies (lib/spec/defaults.ts). */
const sourceIp = (timeoutSeconds: number | undefined) => Persistence.sourceIp(withoutUndefined({ timeoutSeconds }));
const layer4SourceIp = (p: CentricityPacsProps) => sourceIp(p.layer4PersistenceSeconds);
const layer7SourceIp = (p: CentricityPacsProps) => sourceIp(p.layer7PersistenceSeconds);
const lastSuccessful = () => Persistence.lastSuccessful();

/** The EA status check: the props' path and status, else HTTP GET's defaults (lib/spec/defaults.ts); the preset's own default port. */
const eaStatusCheck = (_sp: ServicePack, p: CentricityPacsProps) =>
  HealthCheck.httpGet({
    ...withoutUndefined({ path: p.enterpriseArchiveCheck?.path, expectStatus: p.enterpriseArchiveCheck?.expectStatus }),
    port: p.enterpriseArchiveCheck?.port ?? DEFAULT_EA_CHECK_PORT,
  });
const httpsGet = () => HealthCheck.httpsGet();
const connect = () => HealthCheck.connect();
const bySp = (sp1: Ports, sp2: Ports) => (sp: ServicePack) => (sp === ServicePack.SP1 ? sp1 : sp2);
const port = (n: number) => () => Ports.single(n);

/**
 * The guide's 19 VIPs, in its order. Names are exact: they appear verbatim on the appliance.
 * Where the guide leaves a value open, the default is named above and can be overridden.
 */
export const CENTRICITY_VIP_SET: CentricityVipRow[] = [
  { number: 1, name: 'EA_XDS_Service', carries: 'Enterprise Archive XDS', component: 'enterpriseArchive', kind: 'layer4', forwarding: ForwardingMethod.DR, ports: port(80), persistence: none, healthCheck: eaStatusCheck },
  { number: 2, name: 'EA_Dicom_Service', carries: 'Enterprise Archive DICOM', component: 'enterpriseArchive', kind: 'dicom', forwarding: ForwardingMethod.DR, ports: port(104), persistence: none, healthCheck: eaStatusCheck },
  { number: 3, name: 'EA_Secure_Dicom_Service', carries: 'Enterprise Archive DICOM over TLS', component: 'enterpriseArchive', kind: 'secure-dicom', forwarding: ForwardingMethod.DR, ports: port(2762), persistence: none, healthCheck: eaStatusCheck },
  { number: 4, name: 'EA_HL7_Service', carries: 'Enterprise Archive HL7', component: 'enterpriseArchive', kind: 'hl7', forwarding: ForwardingMethod.DR, ports: port(2575), persistence: none, healthCheck: eaStatusCheck },
  { number: 5, name: 'EA_Secure_HL7_Service', carries: 'Enterprise Archive HL7 over TLS', component: 'enterpriseArchive', kind: 'secure-hl7', forwarding: ForwardingMethod.DR, ports: port(2576), persistence: none, healthCheck: eaStatusCheck },
  { number: 6, name: 'EA_Study_Management_Service', carries: 'Enterprise Archive study management', component: 'enterpriseArchive', kind: 'layer4', forwarding: ForwardingMethod.DR, ports: port(443), persistence: layer4SourceIp, healthCheck: eaStatusCheck },
  {
    number: 7, name: 'DB_MT', carries: 'database, every TCP port but 20000', component: 'database', kind: 'layer4', forwarding: ForwardingMethod.SNAT,
    ports: () => Ports.allTcpExcept([20000]), persistence: layer4SourceIp, healthCheck: (_sp, p) => HealthCheck.connect({ port: p.database?.mtCheckPort }),
  },
  { number: 8, name: 'DB_DBVIP', carries: 'database listener', component: 'database', kind: 'layer4', forwarding: ForwardingMethod.SNAT, ports: port(20000), persistence: none, healthCheck: () => HealthCheck.ping() },
  {
    number: 9, name: 'DAS_Pool', carries: 'DAS', component: 'das', kind: 'layer4', forwarding: ForwardingMethod.DR,
    ports: () => Ports.list([4100, 8080, 104]), persistence: layer4SourceIp, healthCheck: (_sp, p) => HealthCheck.httpGet({ port: p.dasCheckPort ?? DEFAULT_DAS_CHECK_PORT }),
  },
  { number: 10, name: 'ZFP', carries: 'ZFP viewer', component: 'zfp', kind: 'reverse-proxy', ports: port(443), persistence: layer7SourceIp, healthCheck: httpsGet },
  { number: 11, name: 'UV', carries: 'Universal Viewer', component: 'uv', kind: 'reverse-proxy', ports: port(443), persistence: layer7SourceIp, healthCheck: httpsGet },
  {
    number: 12, name: 'Dakota', carries: 'Dakota', component: 'dakota', kind: 'reverse-proxy',
    ports: bySp(Ports.single(8080), Ports.single(8443)), persistence: layer7SourceIp, healthCheck: (sp) => (sp === ServicePack.SP1 ? connect() : httpsGet()),
  },
  { number: 13, name: 'WFM_Play_Group', carries: 'workflow manager (Play)', component: 'wfm', kind: 'reverse-proxy', ports: bySp(Ports.single(8080), Ports.single(9443)), persistence: layer7SourceIp, healthCheck: httpsGet },
  {
    number: 14, name: 'WFM_tomcat_Group', carries: 'workflow manager (tomcat)', component: 'wfm', kind: 'reverse-proxy',
    ports: bySp(Ports.single(9096), Ports.list([9096, 3443])), persistence: layer7SourceIp, healthCheck: () => HealthCheck.httpsGet({ port: WFM_TOMCAT_CHECK_PORT }),
  },
  { number: 15, name: 'XE_Standalone', carries: 'XE standalone', component: 'xe', kind: 'reverse-proxy', ports: () => Ports.list([8443, 9449]), persistence: layer7SourceIp, healthCheck: () => HealthCheck.httpsGet({ port: XE_CHECK_PORT }) },
  { number: 16, name: 'CCG_IB_2101', carries: 'CCG interface bridge', component: 'ccg', kind: 'reverse-proxy', ports: port(2101), persistence: lastSuccessful, healthCheck: connect },
  { number: 17, name: 'CCG_IB_2102', carries: 'CCG interface bridge', component: 'ccg', kind: 'reverse-proxy', ports: port(2102), persistence: lastSuccessful, healthCheck: connect },
  { number: 18, name: 'PORT_CCG_IB_2103', carries: 'CCG interface bridge', component: 'ccg', kind: 'reverse-proxy', ports: port(2103), persistence: lastSuccessful, healthCheck: connect },
  { number: 19, name: 'PORT_CCG_IB_2104', carries: 'CCG interface bridge', component: 'ccg', kind: 'reverse-proxy', ports: port(2104), persistence: lastSuccessful, healthCheck: connect },
];
