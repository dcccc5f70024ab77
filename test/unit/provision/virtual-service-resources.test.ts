import { Testing, TerraformStack } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { CLI_CONTEXT_KEY } from '../../../lib/provision/cli-invocation';
import { Layer4Vip, LoadBalancerAppliance, Ports, ReverseProxyVip } from '../../../lib';

// The Terraform JSON of the provisioning resources (cdktf Testing.synth; no Terraform needed).

interface LocalExec {
  command: string;
  interpreter: string[];
  environment: Record<string, string>;
  when?: string;
}
interface NullResource {
  triggers: Record<string, string>;
  depends_on?: string[];
  lifecycle?: { ignore_changes?: string[] };
  provisioner: { 'local-exec': LocalExec }[];
}

function site(context: Record<string, unknown> = {}, description?: string) {
  const app = Testing.app({ context });
  const stack = new TerraformStack(app, 'unit');
  const appliance = new LoadBalancerAppliance(stack, 'lb', { name: 'lb1', managementAddress: '192.0.2.5', apiPort: 9443 });
  const web = new ReverseProxyVip(appliance, 'web', { name: 'Web', address: '192.0.2.10', ports: Ports.single(443), realServers: [{ name: 'W1', address: '192.0.2.21' }] });
  new Layer4Vip(appliance, 'dicom', { name: 'Dicom', description, address: '192.0.2.11', ports: Ports.single(104), realServers: [{ name: 'D1', address: '192.0.2.31' }] });
  return { app, stack, web };
}

function resources(stack: TerraformStack): Record<string, NullResource> {
  return JSON.parse(Testing.synth(stack, true)).resource.null_resource;
}

function find(all: Record<string, NullResource>, fragment: string): [string, NullResource] {
  const entry = Object.entries(all).find(([name]) => name.includes(fragment));
  if (!entry) throw new Error(`no resource named like ${fragment}`);
  return entry;
}

const provisioners = (r: NullResource) => r.provisioner.map((p) => p['local-exec']);

describe('per-VIP resources', () => {
  it('an identity resource per VIP: identity triggers only, address ignored, delete at destroy from self alone', () => {
    const [, identity] = find(resources(site().stack), 'web_pacs-lb-identity');
    expect(Object.keys(identity.triggers).sort()).toEqual(['appliance', 'connection', 'layer', 'name']);
    expect(identity.triggers).toMatchObject({ appliance: 'lb1', layer: '7', name: 'Web' });
    expect(identity.lifecycle?.ignore_changes).toEqual(['triggers["connection"]']);
    expect(provisioners(identity)).toEqual([{
      when: 'destroy',
      interpreter: ['pacs-lb', 'delete', '--layer', '${self.triggers.layer}', '--stack-folder', '.'],
      command: '${self.triggers.name}',
      environment: { PACS_LB_APPLIANCE: '${self.triggers.connection}' },
    }]);
  });

  it('a spec resource per VIP: the whole spec in triggers, apply at create only, after its identity', () => {
    const all = resources(site().stack);
    const [identityName] = find(all, 'web_pacs-lb-identity');
    const [, spec] = find(all, 'web_pacs-lb-spec');
    expect(JSON.parse(spec.triggers.spec)).toMatchObject({ name: 'Web', layer: 7, realServers: [{ name: 'W1', weight: 100 }] });
    expect(spec.depends_on).toEqual([`null_resource.${identityName}`]);
    expect(provisioners(spec)).toEqual([{
      interpreter: ['pacs-lb', 'apply'],
      command: '${self.triggers.name}',
      environment: { PACS_LB_SPEC: '${self.triggers.spec}', PACS_LB_APPLIANCE: '${self.triggers.appliance}' },
    }]);
  });

  it('real servers added after construction are in the spec (resolved at synth)', () => {
    const { stack, web } = site();
    web.addRealServer({ name: 'W2', address: '192.0.2.22', weight: 5 });
    const [, spec] = find(resources(stack), 'web_pacs-lb-spec');
    expect(JSON.parse(spec.triggers.spec).realServers.map((r: { name: string }) => r.name)).toEqual(['W1', 'W2']);
  });

  it('destroy-time provisioners reference nothing but self', () => {
    for (const resource of Object.values(resources(site().stack))) {
      for (const p of provisioners(resource).filter((x) => x.when === 'destroy')) {
        const references = JSON.stringify(p).match(/\$\{[^}]*\}/g) ?? [];
        expect(references.every((r) => r.startsWith('${self.'))).toBe(true);
      }
    }
  });

  it('free text that looks like Terraform interpolation is escaped', () => {
    const [, spec] = find(resources(site({}, 'costs ${var.x} and %{if}').stack), 'dicom_pacs-lb-spec');
    expect(spec.triggers.spec).toContain('costs $${var.x} and %%{if}');
  });
});

describe('per-appliance resources', () => {
  it('one reload resource, after every spec resource, re-created whenever any VIP changes', () => {
    const first = resources(site().stack);
    const [, reload] = find(first, 'lb_pacs-lb-reload');
    const specs = Object.keys(first).filter((n) => n.includes('pacs-lb-spec')).map((n) => `null_resource.${n}`);
    expect(reload.depends_on?.sort()).toEqual(specs.sort());
    expect(reload.triggers.names).toBe('Dicom,Web');
    expect(provisioners(reload).map((p) => [p.when ?? 'create', p.interpreter.slice(1)])).toEqual([['destroy', ['prune']], ['create', ['reload']]]);
    const { stack, web } = site();
    web.addRealServer({ name: 'W2', address: '192.0.2.22' });
    expect(find(resources(stack), 'lb_pacs-lb-reload')[1].triggers.vips).not.toBe(reload.triggers.vips);
  });

  it('one null provider per stack', () => {
    const json = JSON.parse(Testing.synth(site().stack));
    expect(json.provider.null).toHaveLength(1);
  });
});

describe('the command line', () => {
  it('comes from the context as argv words, so paths with spaces and quotes need no quoting', () => {
    const argv = ['/usr/bin/node', "/opt/my tools/it's \"here\"/main.js"];
    const [, spec] = find(resources(site({ [CLI_CONTEXT_KEY]: argv }).stack), 'web_pacs-lb-spec');
    expect(provisioners(spec)[0].interpreter).toEqual([...argv, 'apply']);
  });

  it('accepts the context as a JSON string (as cdktf.json or -c passes it) and refuses anything else', () => {
    const [, spec] = find(resources(site({ [CLI_CONTEXT_KEY]: '["node","/x y/main.js"]' }).stack), 'web_pacs-lb-spec');
    expect(provisioners(spec)[0].interpreter).toEqual(['node', '/x y/main.js', 'apply']);
    expect(() => site({ [CLI_CONTEXT_KEY]: 'pacs-lb --x' })).toThrow(/pacs-lb:cli: context value must be a non-empty JSON array/);
  });
});

describe('names that could inject are rejected at synth', () => {
  for (const name of ['Web; rm -rf /', 'Web\nname', '$(reboot)', "W'eb"]) {
    it(JSON.stringify(name), () => {
      const app = Testing.app();
      const stack = new TerraformStack(app, 'bad');
      const appliance = new LoadBalancerAppliance(stack, 'lb', { name: 'lb1', managementAddress: '192.0.2.5' });
      new ReverseProxyVip(appliance, 'web', { name, address: '192.0.2.10', ports: Ports.single(443), realServers: [{ name: 'W1', address: '192.0.2.21' }] });
      expect(() => Testing.synth(stack, true)).toThrow(/is not a valid VIP name|name/);
    });
  }
});
