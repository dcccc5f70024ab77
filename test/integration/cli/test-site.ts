import { App, TerraformStack } from 'cdktf';
import { CheckScriptSource, DicomVip, HealthCheck, Layer4Vip, LoadBalancerAppliance, Ports, ReverseProxyVip, RealServerProps, ForwardingMethod, ProxyMode } from '../../../lib';

/** What the tests change between deploys of the small test site. */
export interface TestSiteOptions {
  /** The management port (the double's). */
  readonly apiPort: number;
  /** Weight of the DICOM VIP's first server (Layer 4). @default 100 */
  readonly dicomWeight?: number;
  /** Weight of the web VIP's first server (Layer 7). @default 100 */
  readonly webWeight?: number;
  /** Leave out the web VIP's second server. */
  readonly withoutSecondWebServer?: boolean;
  /** Check the web servers with an HTTP GET of this path instead of a TCP connect. */
  readonly webCheckPath?: string;
  /** The HL7 VIP's port. @default 2575 */
  readonly hl7Port?: number;
  /** Leave out the HL7 VIP. */
  readonly withoutHl7?: boolean;
  /** How the DICOM check script gets onto the appliance. @default CheckScriptSource.UPLOADED */
  readonly dicomCheckScript?: CheckScriptSource;
  /** Corrections of the lbcli vocabulary. @default - none */
  readonly lbcliOverrides?: Record<string, string>;
  /** Description of the DICOM VIP (free text reaches the triggers). */
  readonly dicomDescription?: string;
}

/** The stack name of the test site. */
export const TEST_SITE_STACK = 'test-site';

/** A small site on the double: a Layer 4 DR DICOM VIP, a Layer 7 web VIP, a Layer 4 NAT HL7 VIP. */
export function buildTestSite(app: App, options: TestSiteOptions): string {
  const stack = new TerraformStack(app, TEST_SITE_STACK);
  const appliance = new LoadBalancerAppliance(stack, 'lb', {
    name: 'lb-test', managementAddress: '127.0.0.1', apiPort: options.apiPort, subnets: ['192.0.2.0/24'],
    dicomCheckScript: options.dicomCheckScript ?? CheckScriptSource.UPLOADED, lbcliOverrides: options.lbcliOverrides,
  });
  new DicomVip(appliance, 'dicom', {
    name: 'Test_Dicom',
    description: options.dicomDescription,
    address: '192.0.2.100',
    realServers: [{ name: 'EA1', address: '192.0.2.21', weight: options.dicomWeight ?? 100 }, { name: 'EA2', address: '192.0.2.22' }],
  });
  const web: RealServerProps[] = [{ name: 'WEB1', address: '203.0.113.51', port: 8080, weight: options.webWeight ?? 100 }];
  if (!options.withoutSecondWebServer) web.push({ name: 'WEB2', address: '203.0.113.52', port: 8080 });
  new ReverseProxyVip(appliance, 'web', {
    name: 'Test_Web',
    address: '192.0.2.103',
    ports: Ports.single(443),
    proxyMode: ProxyMode.TCP,
    healthCheck: options.webCheckPath ? HealthCheck.httpGet({ path: options.webCheckPath, port: 8080 }) : HealthCheck.connect({ port: 8080 }),
    realServers: web,
  });
  if (!options.withoutHl7) {
    new Layer4Vip(appliance, 'hl7', {
      name: 'Test_HL7',
      address: '192.0.2.104',
      ports: Ports.single(options.hl7Port ?? 2575),
      forwarding: ForwardingMethod.NAT,
      realServers: [{ name: 'HL71', address: '192.0.2.31', port: 2575 }],
    });
  }
  return TEST_SITE_STACK;
}
