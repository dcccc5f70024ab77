import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderHaproxyConfig as renderResolved } from '../../../../lib/render/haproxy/haproxy-config';
import { HaproxyRenderOptions } from '../../../../lib/render/haproxy/haproxy-options';
import { validateVirtualService } from '../../../../lib/validation/virtual-service-rules';
import { buildSite, sitePlan } from '../../../integration/keepalived/layer4-arbitrary';
import { haproxyCheck, haproxyComplaints } from '../../../support/haproxy-check';
import { layer7Batch } from './layer7-arbitrary';
import { APPLIANCE } from './vip-fixtures';
import { resolveVirtualService } from '../../../../lib/spec/resolved-virtual-service';
import { ApplianceSpec as ResolverApplianceSpec, VirtualServiceSpec as ResolverVipSpec } from '../../../../lib/spec/virtual-service-spec';

/** The renderer as the callers use it: each spec resolved first. */
const renderHaproxyConfig = (appliance: ResolverApplianceSpec, vips: ResolverVipSpec[], options?: HaproxyRenderOptions) => renderResolved(appliance, vips.map(resolveVirtualService), options);

/** VIPs per configuration: many VIPs share one haproxy -c run, so hundreds of specs are checked quickly. */
const BATCH = 25;

describe('property: every rendered configuration passes haproxy -c', () => {
  it(`300 generated Layer 7 VIPs (${BATCH} per config): valid specs, accepted by HAProxy with no alert, one listen section and one server line each`, () => {
    fc.assert(
      fc.property(layer7Batch(BATCH), (vips) => {
        for (const vip of vips) expect(validateVirtualService(vip, APPLIANCE)).toEqual([]);
        const config = renderHaproxyConfig(APPLIANCE, vips);
        expect(renderHaproxyConfig(APPLIANCE, vips)).toBe(config);
        const result = haproxyCheck(config);
        expect(haproxyComplaints(result)).toEqual([]);
        expect(result.status).toBe(0);
        expect([...config.matchAll(/^listen (\S+)$/gm)].map((m) => m[1])).toEqual(vips.map((v) => v.name));
        expect([...config.matchAll(/^  server /gm)].length).toBe(vips.reduce((n, v) => n + v.realServers.length, 0));
      }),
      { numRuns: 300 / BATCH },
    );
  }, 120_000);

  it('generated Layer 4 sites, stood in for by TCP proxies, pass haproxy -c too', () => {
    fc.assert(
      fc.property(fc.array(sitePlan, { minLength: 5, maxLength: 5 }), (plans) => {
        for (const plan of plans) {
          const site = buildSite(plan);
          expect(site.problems).toEqual([]);
          const result = haproxyCheck(renderHaproxyConfig(site.appliance, site.vips, { proxyLayer4: true }));
          expect(haproxyComplaints(result)).toEqual([]);
          expect(result.status).toBe(0);
        }
      }),
      { numRuns: 10 },
    );
  }, 120_000);
});
