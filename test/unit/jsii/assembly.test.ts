/**
 * The jsii assembly (written by `npm run build`, which `npm test` runs first) exports the
 * public API to Python, Java, C# and Go.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ASSEMBLY = '.jsii';

describe('jsii assembly', () => {
  it('exists (npm test builds it first with jsii --fail-on-warnings)', () => {
    expect(existsSync(ASSEMBLY), 'run `npm run build` first').toBe(true);
  });

  const assembly = existsSync(ASSEMBLY) ? JSON.parse(readFileSync(ASSEMBLY, 'utf8')) : { types: {}, targets: {} };

  it.each([
    'LoadBalancerAppliance', 'Layer4Vip', 'ReverseProxyVip', 'DicomVip', 'Hl7Vip', 'CentricityPacs',
    'HealthCheck', 'Persistence', 'Ports', 'VirtualServiceSpec', 'ServicePack', 'ForwardingMethod',
  ])('exports %s', (name) => {
    expect(Object.keys(assembly.types)).toContain(`cdktf-pacs-lb.${name}`);
  });

  it('configures Python, Java, .NET and Go targets', () => {
    expect(Object.keys(assembly.targets).sort()).toEqual(['dotnet', 'go', 'java', 'js', 'python']);
  });

  it('documents every exported type and member', () => {
    const undocumented: string[] = [];
    for (const [fqn, type] of Object.entries<any>(assembly.types)) {
      if (!type.docs?.summary) undocumented.push(fqn);
      for (const member of [...(type.properties ?? []), ...(type.methods ?? []), ...(type.members ?? [])]) {
        if (!member.docs?.summary) undocumented.push(`${fqn}.${member.name}`);
      }
    }
    expect(undocumented).toEqual([]);
  });
});
