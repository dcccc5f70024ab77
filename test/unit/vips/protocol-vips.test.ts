import { describe, expect, it } from 'vitest';
import { DicomVip, Hl7Vip, HealthCheck, Ports } from '../../../lib';
import { applianceStack, validationMessages } from '../../support/stacks';

const servers = [{ name: 'PACS1', address: '192.0.2.21' }];

describe('protocol conveniences', () => {
  it('DicomVip: port 104 with a DICOM association check; TLS: 2762 with a connect check', () => {
    const { appliance, stack } = applianceStack();
    const plain = new DicomVip(appliance, 'dicom', { address: '192.0.2.100', realServers: servers }).toSpec();
    const tls = new DicomVip(appliance, 'dicom-tls', { address: '192.0.2.100', tls: true, realServers: servers }).toSpec();
    expect([plain.ports.ranges, plain.healthCheck.kind, plain.forwarding]).toEqual([[{ first: 104, last: 104 }], 'dicom-association', 'dr']);
    expect(plain.healthCheck).toMatchObject({ calledAeTitle: 'ANY-SCP', callingAeTitle: 'PACSLB-CHECK' });
    expect([tls.ports.ranges, tls.healthCheck.kind]).toEqual([[{ first: 2762, last: 2762 }], 'connect']);
    expect(validationMessages(stack)).toEqual([]);
  });

  it('Hl7Vip: port 2575 with an HL7 MLLP check; TLS: 2576 with a connect check', () => {
    const { appliance } = applianceStack();
    const plain = new Hl7Vip(appliance, 'hl7', { address: '192.0.2.100', realServers: servers }).toSpec();
    const tls = new Hl7Vip(appliance, 'hl7-tls', { address: '192.0.2.100', tls: true, realServers: servers }).toSpec();
    expect([plain.ports.ranges, plain.healthCheck.kind]).toEqual([[{ first: 2575, last: 2575 }], 'hl7-mllp']);
    expect(plain.healthCheck).toMatchObject({ sendingApplication: 'PACSLB', receivingApplication: 'PACS' });
    expect([tls.ports.ranges, tls.healthCheck.kind]).toEqual([[{ first: 2576, last: 2576 }], 'connect']);
  });

  it('ports and checks can be replaced one at a time, and after construction', () => {
    const { appliance } = applianceStack();
    const vip = new DicomVip(appliance, 'dicom', { address: '192.0.2.100', ports: Ports.single(11112), realServers: servers });
    vip.configureHealthCheck(HealthCheck.connect());
    vip.addRealServer({ name: 'PACS2', address: '192.0.2.22', weight: 0 });
    const spec = vip.toSpec();
    expect(spec.ports.ranges).toEqual([{ first: 11112, last: 11112 }]);
    expect(spec.healthCheck.kind).toBe('connect');
    expect(spec.realServers.map((r) => [r.name, r.weight, r.state])).toEqual([['PACS1', 100, 'online'], ['PACS2', 0, 'online']]);
  });

  it('check timing defaults: 1 s interval, 2 s timeout, rise 3, fall 2', () => {
    expect(HealthCheck.connect().toSpec()).toEqual({ kind: 'connect', intervalSeconds: 1, timeoutSeconds: 2, rise: 3, fall: 2 });
  });
});
