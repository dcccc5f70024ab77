import { describe, expect, it } from 'vitest';
import { CentricityPacs, CentricityPacsProps, HealthCheck, Ports, ServicePack } from '../../../lib';
import { applianceStack, validationMessages } from '../../support/stacks';

const server = (name: string, address: string) => ({ name, address });

/** A small site: EA, DB and Dakota/WFM only. */
function site(overrides: Partial<CentricityPacsProps> = {}) {
  const { stack, appliance } = applianceStack({ subnets: ['192.0.2.0/24', '198.51.100.0/24'] });
  const pacs = new CentricityPacs(appliance, 'cpacs', {
    servicePack: ServicePack.SP2,
    enterpriseArchive: { address: '192.0.2.100', servers: [server('EA1', '192.0.2.21'), server('EA2', '192.0.2.22')] },
    database: { address: '198.51.100.100', servers: [server('DB1', '198.51.100.11')], mtCheckPort: 1521 },
    dakota: { address: '192.0.2.104', servers: [server('DAKOTA1', '203.0.113.61')] },
    wfm: { address: '192.0.2.105', servers: [server('WFM1', '203.0.113.71')] },
    ...overrides,
  });
  return { stack, pacs };
}

describe('CentricityPacs', () => {
  it('creates only the VIPs of the components the site runs', () => {
    const { pacs, stack } = site();
    expect(pacs.virtualServices.map((v) => v.name)).toEqual([
      'EA_XDS_Service', 'EA_Dicom_Service', 'EA_Secure_Dicom_Service', 'EA_HL7_Service', 'EA_Secure_HL7_Service',
      'EA_Study_Management_Service', 'DB_MT', 'DB_DBVIP', 'Dakota', 'WFM_Play_Group', 'WFM_tomcat_Group',
    ]);
    expect(validationMessages(stack)).toEqual([]);
  });

  it('at SP1 uses the SP1 ports and checks (Dakota 8080 with a connect check, WFM Play 8080, WFM tomcat 9096)', () => {
    const { pacs } = site({ servicePack: ServicePack.SP1 });
    const dakota = pacs.vip('Dakota').toSpec();
    expect(dakota.ports.ranges).toEqual([{ first: 8080, last: 8080 }]);
    expect(dakota.healthCheck.kind).toBe('connect');
    expect(pacs.vip('WFM_Play_Group').toSpec().ports.ranges).toEqual([{ first: 8080, last: 8080 }]);
    expect(pacs.vip('WFM_tomcat_Group').toSpec().ports.ranges).toEqual([{ first: 9096, last: 9096 }]);
  });

  it('at SP2 uses the SP2 ports and checks (Dakota 8443 HTTPS GET, WFM tomcat 9096 and 3443)', () => {
    const { pacs } = site();
    const dakota = pacs.vip('Dakota').toSpec();
    expect(dakota.ports.ranges).toEqual([{ first: 8443, last: 8443 }]);
    expect(dakota.healthCheck.kind).toBe('https-get');
    expect(pacs.vip('WFM_tomcat_Group').toSpec().ports.ranges).toEqual([{ first: 3443, last: 3443 }, { first: 9096, last: 9096 }]);
  });

  it('overrides one property of one VIP and keeps the rest', () => {
    const { pacs } = site({ overrides: { EA_Dicom_Service: { healthCheck: HealthCheck.dicomAssociation({ calledAeTitle: 'EA_ARCHIVE' }) } } });
    const dicom = pacs.vip('EA_Dicom_Service').toSpec();
    expect(dicom.healthCheck).toMatchObject({ kind: 'dicom-association', calledAeTitle: 'EA_ARCHIVE' });
    expect(dicom.ports.ranges).toEqual([{ first: 104, last: 104 }]);
    expect(dicom.forwarding).toBe('dr');
    expect(pacs.vip('EA_XDS_Service').toSpec().healthCheck.kind).toBe('http-get');
  });

  it('takes the EA status URL from the props', () => {
    const { pacs } = site({ enterpriseArchiveCheck: { port: 8081, path: '/ea/status' } });
    expect(pacs.vip('EA_HL7_Service').toSpec().healthCheck).toMatchObject({ kind: 'http-get', port: 8081, path: '/ea/status', expectStatus: 200 });
  });

  it('takes persistence timeouts from the props', () => {
    const { pacs } = site({ layer4PersistenceSeconds: 900, layer7PersistenceSeconds: 600 });
    expect(pacs.vip('DB_MT').toSpec().persistence.timeoutSeconds).toBe(900);
    expect(pacs.vip('Dakota').toSpec().persistence.timeoutSeconds).toBe(600);
  });

  it('demands DB_MT\'s check port', () => {
    const { stack } = site({ database: { address: '198.51.100.100', servers: [server('DB1', '198.51.100.11')] } });
    expect(validationMessages(stack)).toContain(
      'DB_MT: healthCheck.port: the guide\'s "connect to port" check on DB_MT (every TCP port but 20000) needs an explicit port, and there is no obvious one. Set database.mtCheckPort in the CentricityPacs props to a port every database node listens on.',
    );
  });

  it('rejects an override of a VIP name the guide does not have', () => {
    const { stack } = site({ overrides: { EA_Dicom: { ports: Ports.single(11112) } } });
    expect(validationMessages(stack).join('\n')).toMatch(/^EA_Dicom: overrides: the Centricity PACS VIP set has no VIP of this name\. Use one of the guide's names: EA_XDS_Service, /m);
  });

  it('rejects an override of a VIP whose component is not run', () => {
    const { stack } = site({ overrides: { ZFP: { ports: Ports.single(8443) } } });
    expect(validationMessages(stack)).toContain('ZFP: overrides: the VIP is not created because the zfp component is not in the props. Add zfp to the props, or remove the override.');
  });

  it('vip() names the VIPs it has when asked for one it does not', () => {
    const { pacs } = site();
    expect(() => pacs.vip('ZFP')).toThrow(/no VIP named ZFP in this CentricityPacs \(it has: EA_XDS_Service, /);
  });

  it('real servers added after construction are part of the spec', () => {
    const { pacs, stack } = site();
    pacs.vip('Dakota').addRealServer(server('DAKOTA2', '203.0.113.62'));
    expect(pacs.vip('Dakota').toSpec().realServers.map((r) => r.name)).toEqual(['DAKOTA1', 'DAKOTA2']);
    expect(validationMessages(stack)).toEqual([]);
  });
});
