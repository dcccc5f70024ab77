import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { ApplianceSpec, HealthCheck, Layer4Vip, LoadBalancerAppliance, Persistence, Ports, VirtualServiceSpec } from '../../../lib';
import { sharedSpec } from '../../../lib/appliance/shared-spec';

function site(): { app: App; vip: Layer4Vip; appliance: LoadBalancerAppliance } {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'site');
  const appliance = new LoadBalancerAppliance(stack, 'lb', { managementAddress: '192.0.2.5', subnets: ['192.0.2.0/24'] });
  const vip = new Layer4Vip(appliance, 'EA', { address: '192.0.2.100', ports: Ports.single(104), realServers: [{ name: 'A', address: '192.0.2.21' }] });
  return { app, vip, appliance };
}

function synthesizedVip(app: App): { realServers: { name: string }[]; healthCheck: { type: string }; persistence: { type: string } } {
  app.synth();
  return JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'site', 'pacs-lb', 'lb', 'vips', 'EA.json'), 'utf8'));
}

describe('a spec resolved once per synth', () => {
  it('resolves once for the readers of a synth, who share one read-only spec while the VIP is unchanged', () => {
    const { vip, appliance } = site();
    expect(sharedSpec(vip)).toBe(sharedSpec(vip));
    expect(sharedSpec(appliance)).toBe(sharedSpec(appliance));
    expect(() => (sharedSpec<VirtualServiceSpec>(vip).realServers as unknown as unknown[]).push({})).toThrow(TypeError);
    expect(() => ((sharedSpec<ApplianceSpec>(appliance).subnets as unknown as unknown[]).length = 0)).toThrow(TypeError);
  });

  it('toSpec() hands out a copy its caller may change (and jsii may tag), equal to the shared spec', () => {
    const { vip, appliance } = site();
    const copy = vip.toSpec();
    expect(copy).toEqual(sharedSpec(vip));
    expect(copy).not.toBe(sharedSpec(vip));
    expect(Object.isExtensible(copy) && Object.isExtensible(copy.realServers[0])).toBe(true);
    (copy.realServers as unknown as unknown[]).length = 0;
    expect(vip.toSpec().realServers).toHaveLength(1);
    expect(appliance.toSpec()).toEqual(sharedSpec(appliance));
    expect(Object.isExtensible(appliance.toSpec())).toBe(true);
    expect(appliance.vipSpecs()).toEqual([vip.toSpec()]);
  });

  it('resolves again after each change, so a second synth writes what changed since the first', () => {
    const { app, vip } = site();
    const first = synthesizedVip(app);
    expect(first.realServers.map((r) => r.name)).toEqual(['A']);
    vip.addRealServer({ name: 'B', address: '192.0.2.22' });
    vip.configureHealthCheck(HealthCheck.httpGet({ port: 80 }));
    vip.configurePersistence(Persistence.sourceIp());
    const second = synthesizedVip(app);
    expect(second.realServers.map((r) => r.name)).toEqual(['A', 'B']);
    expect(second.healthCheck).not.toEqual(first.healthCheck);
    expect(second.healthCheck).toEqual(HealthCheck.httpGet({ port: 80 }).toSpec());
    expect(second.persistence).not.toEqual(first.persistence);
    expect(second.persistence).toEqual(vip.toSpec().persistence);
    // The Terraform triggers are produced from the VIP as it stands at each synth too.
    const config = JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'site', 'cdk.tf.json'), 'utf8'));
    const specTriggers = Object.entries<{ triggers: { spec: string } }>(config.resource.null_resource).find(([id]) => id.includes('pacs-lb-spec'))![1].triggers;
    expect(JSON.parse(specTriggers.spec).realServers.map((r: { name: string }) => r.name)).toEqual(['A', 'B']);
  });
});
