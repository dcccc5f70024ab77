// A user's own tests of their stack, written against the package as it is installed:
// `cdktf-pacs-lb` and its TypeScript-only `cdktf-pacs-lb/testing`.
import { App, Testing } from 'cdktf';
import { ForwardingMethod, HealthCheckType, PersistenceType, RealServerState } from 'cdktf-pacs-lb';
import { PacsLbTesting, pacsLbMatchers } from 'cdktf-pacs-lb/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { OurPacsStack } from './our-pacs-stack';

beforeAll(() => {
  expect.extend(pacsLbMatchers);
});

function ourStack(archiveNodes = ['192.0.2.21', '192.0.2.22'], routerAddress = '192.0.2.40'): OurPacsStack {
  return new OurPacsStack(Testing.app(), 'our-pacs', { archiveNodes, routerAddress });
}

describe('our PACS stack', () => {
  it('sends DICOM to the archive in DR mode, checked by a DICOM association', () => {
    expect(ourStack()).toHaveVip('EA_Dicom_Service', {
      layer: 4,
      forwarding: ForwardingMethod.DR,
      ports: { ranges: [{ first: 104, last: 104 }] },
      healthCheck: { kind: HealthCheckType.DICOM_ASSOCIATION, calledAeTitle: 'EA_ARCHIVE' },
    });
  });

  it('keeps both archive nodes, online, behind every EA VIP', () => {
    const stack = ourStack();
    for (const vip of ['EA_XDS_Service', 'EA_Dicom_Service', 'EA_HL7_Service']) {
      expect(stack).toHaveRealServers(vip, [
        { name: 'EA1', address: '192.0.2.21', state: RealServerState.ONLINE },
        { name: 'EA2', address: '192.0.2.22', state: RealServerState.ONLINE },
      ]);
    }
  });

  it('pins CCG interface traffic to the last successful server', () => {
    expect(ourStack()).toHaveVip('CCG_IB_2101', { layer: 7, persistence: { kind: PersistenceType.LAST_SUCCESSFUL } });
  });

  it('has only the components we run, plus our router', () => {
    const names = PacsLbTesting.vipSpecs(ourStack()).map((vip) => vip.name);
    expect(names).toContain('Research_Router');
    expect(names).not.toContain('DB_MT');
    expect(ourStack()).not.toHaveVip('DAS_Pool');
  });

  it('synthesizes, and the files hold the same specs as the constructs', () => {
    const stack = ourStack();
    expect(PacsLbTesting.synthVipSpecs(stack)).toEqual(PacsLbTesting.vipSpecs(stack));
  });

  it('refuses a router outside the appliance subnets (DR cannot reach it)', () => {
    expect(ourStack(undefined, '198.51.100.40')).toFailSynthWith('Research_Router: realServers');
  });

  it('refuses an archive node with a malformed address', () => {
    expect(ourStack(['192.0.2.21', '192.0.2.300'])).toFailSynthWith(/EA_Dicom_Service: realServers.*address/);
  });

  it('synthesizes cleanly when everything is right', () => {
    expect(ourStack()).not.toFailSynthWith('');
    expect(PacsLbTesting.validationErrors(ourStack())).toEqual([]);
  });

  it('keeps an app of its own, like cdktf synth does', () => {
    const app = new App({ outdir: Testing.app().outdir });
    new OurPacsStack(app, 'our-pacs', { archiveNodes: ['192.0.2.21'], routerAddress: '192.0.2.40' });
    expect(app).toHaveVip('Research_Router', { realServers: [{ address: '192.0.2.40' }] });
  });
});
