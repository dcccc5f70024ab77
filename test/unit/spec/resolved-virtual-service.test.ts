import { describe, expect, it } from 'vitest';
import { HealthCheck, HealthCheckSpec, Persistence, VirtualServiceSpec } from '../../../lib';
import { DEFAULT_LAYER4_PERSISTENCE_SECONDS, DEFAULT_LAYER7_IDLE_TIMEOUT_SECONDS, DEFAULT_LAYER7_PERSISTENCE_SECONDS } from '../../../lib/spec/defaults';
import { checkPortOf, resolveHealthCheck, resolvePersistence, resolveVirtualService } from '../../../lib/spec/resolved-virtual-service';
import { layer4Vip, layer7Vip, TIMING } from '../render/haproxy/vip-fixtures';

describe('the resolved view of a VIP spec', () => {
  it('keeps every value of a complete spec, and the spec itself', () => {
    const spec = layer7Vip({ description: 'DICOM', maxConnections: 50 });
    const view = resolveVirtualService(spec);
    expect(view.spec).toBe(spec);
    const { spec: _spec, ...fields } = view;
    expect(fields).toEqual(spec);
  });

  it('tells Layer 4 from Layer 7, each with only its own settings', () => {
    const l4 = resolveVirtualService(layer4Vip({ forwarding: 'snat' } as Partial<VirtualServiceSpec>));
    expect(l4).toMatchObject({ layer: 4, forwarding: 'snat', protocol: 'tcp' });
    expect(Object.keys(l4)).not.toContain('proxyMode');
    const l7 = resolveVirtualService(layer7Vip({ proxyMode: 'http', clientAddress: 'x-forwarded-for' } as Partial<VirtualServiceSpec>));
    expect(l7).toMatchObject({ layer: 7, proxyMode: 'http', clientAddress: 'x-forwarded-for' });
    expect(Object.keys(l7)).not.toContain('forwarding');
  });

  it('fills the Layer 7 idle timeouts a spec may leave out with the default', () => {
    const { clientTimeoutSeconds: _c, serverTimeoutSeconds: _s, ...spec } = layer7Vip();
    const view = resolveVirtualService(spec as VirtualServiceSpec);
    expect(view).toMatchObject({ clientTimeoutSeconds: DEFAULT_LAYER7_IDLE_TIMEOUT_SECONDS, serverTimeoutSeconds: DEFAULT_LAYER7_IDLE_TIMEOUT_SECONDS });
    expect(resolveVirtualService(layer7Vip({ clientTimeoutSeconds: 60 }))).toMatchObject({ clientTimeoutSeconds: 60 });
  });

  it('is built once per spec object, and resolving a view gives the view back', () => {
    const spec = layer4Vip();
    const view = resolveVirtualService(spec);
    expect(resolveVirtualService(spec)).toBe(view);
    expect(resolveVirtualService(view)).toBe(view);
    expect(resolveVirtualService(structuredClone(spec))).not.toBe(view);
  });

  it('is written as JSON exactly as the spec it came from', () => {
    const { clientTimeoutSeconds: _c, ...spec } = layer7Vip({ healthCheck: { kind: 'connect', fall: 5, intervalSeconds: 1, timeoutSeconds: 2, rise: 3 } } as Partial<VirtualServiceSpec>);
    const view = resolveVirtualService(spec as VirtualServiceSpec);
    expect(view).toMatchObject({ clientTimeoutSeconds: DEFAULT_LAYER7_IDLE_TIMEOUT_SECONDS });
    expect(JSON.stringify(view, null, 2)).toBe(JSON.stringify(spec, null, 2));
  });
});

describe('a resolved health check', () => {
  it('equals the spec every factory writes', () => {
    const checks = [
      HealthCheck.httpGet({ port: 80, path: '/status', expectText: 'UP' }),
      HealthCheck.httpsGet({ caFile: '/etc/ssl/ca.pem' }),
      HealthCheck.connect({ port: 1521, rise: 5 }),
      HealthCheck.ping(),
      HealthCheck.dicomAssociation({ calledAeTitle: 'ARCHIVE' }),
      HealthCheck.hl7Mllp({ port: 2575, receivingFacility: 'HOSP' }),
      HealthCheck.external({ script: '/usr/local/bin/check' }),
      HealthCheck.none(),
    ];
    for (const check of checks) expect(resolveHealthCheck(check.toSpec())).toEqual(check.toSpec());
  });

  it('has exactly the fields of its kind, defaults filled in', () => {
    const stray = { kind: 'connect', port: 104, path: '/x', calledAeTitle: 'A', ...TIMING } as HealthCheckSpec;
    expect(resolveHealthCheck(stray)).toEqual({ kind: 'connect', port: 104, ...TIMING });
    expect(resolveHealthCheck({ kind: 'dicom-association', ...TIMING } as HealthCheckSpec)).toEqual({
      kind: 'dicom-association', calledAeTitle: 'ANY-SCP', callingAeTitle: 'PACSLB-CHECK', ...TIMING,
    });
    expect(resolveHealthCheck({ kind: 'ping' } as HealthCheckSpec)).toEqual({ kind: 'ping', ...TIMING });
  });

  it('refuses a spec that skipped validation: an external check without its script', () => {
    expect(() => resolveHealthCheck({ kind: 'external', ...TIMING } as HealthCheckSpec)).toThrow(/no external check script: validate the spec/);
  });

  it('names the port a check connects to, none for ping and no check', () => {
    expect(checkPortOf(resolveHealthCheck(HealthCheck.connect({ port: 8080 }).toSpec()))).toBe(8080);
    expect(checkPortOf(resolveHealthCheck(HealthCheck.ping().toSpec()))).toBeUndefined();
    expect(checkPortOf(resolveHealthCheck(HealthCheck.httpGet().toSpec()))).toBeUndefined();
  });
});

describe('resolved persistence', () => {
  it('fills the source IP timeout of the VIP\'s layer, and keeps what is given', () => {
    expect(resolvePersistence({ kind: 'source-ip' } as never, 4)).toEqual({ kind: 'source-ip', timeoutSeconds: DEFAULT_LAYER4_PERSISTENCE_SECONDS });
    expect(resolvePersistence({ kind: 'source-ip' } as never, 7)).toEqual({ kind: 'source-ip', timeoutSeconds: DEFAULT_LAYER7_PERSISTENCE_SECONDS });
    expect(resolvePersistence({ kind: 'source-ip', netmask: '255.255.255.0', timeoutSeconds: 60 } as never, 4)).toEqual({ kind: 'source-ip', netmask: '255.255.255.0', timeoutSeconds: 60 });
  });

  it('equals the spec the factories write, and drops fields of other kinds', () => {
    for (const p of [Persistence.none(), Persistence.sourceIp({ netmask: '255.255.0.0' }), Persistence.lastSuccessful(), Persistence.httpCookie()]) {
      expect(resolvePersistence(p.toSpec(7), 7)).toEqual(p.toSpec(7));
    }
    expect(resolvePersistence({ kind: 'http-cookie', timeoutSeconds: 5 } as never, 7)).toEqual({ kind: 'http-cookie', cookieName: 'SERVERID' });
  });
});
