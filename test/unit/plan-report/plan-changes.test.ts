import { describe, expect, it } from 'vitest';
import { ChangeImpact, impactOf, worstImpact } from '../../../lib/plan-report/change-impact';
import { readPlanVips, specFieldChanges } from '../../../lib/plan-report/plan-changes';
import { planReportHtml } from '../../../lib/plan-report/plan-report-html';
import { planReportMarkdown } from '../../../lib/plan-report/plan-report-markdown';
import { VirtualServiceSpec } from '../../../lib/spec/virtual-service-spec';
import { SAMPLE_LAYER4_SPEC } from '../../support/sample-layer4-spec';

const spec = SAMPLE_LAYER4_SPEC;
const withRips = (realServers: unknown[], extra: object = {}) => ({ ...spec, ...extra, realServers }) as VirtualServiceSpec;

describe('change impact', () => {
  it('labels each kind of change', () => {
    expect(impactOf('realServers.A.weight', '100', '50')).toBe(ChangeImpact.HITLESS);
    expect(impactOf('realServers.A.weight', '100', '0')).toBe(ChangeImpact.DRAINS);
    expect(impactOf('realServers.A.state', '"online"', '"drain"')).toBe(ChangeImpact.DRAINS);
    expect(impactOf('realServers.A.state', '"online"', '"halt"')).toBe(ChangeImpact.CUTS);
    expect(impactOf('realServers.A.address', '"192.0.2.21"', '"192.0.2.29"')).toBe(ChangeImpact.CUTS);
    expect(impactOf('realServers.C', undefined, '{}')).toBe(ChangeImpact.ADDS);
    expect(impactOf('realServers.C', '{}', undefined)).toBe(ChangeImpact.REMOVES);
    expect(impactOf('healthCheck.rise', '2', '3')).toBe(ChangeImpact.HITLESS);
    expect(impactOf('ports.ranges', '[]', '[1]')).toBe(ChangeImpact.CUTS);
    expect(worstImpact([ChangeImpact.HITLESS, ChangeImpact.DRAINS, ChangeImpact.ADDS])).toBe(ChangeImpact.DRAINS);
    expect(worstImpact([])).toBe(ChangeImpact.HITLESS);
  });

  it('compares two specs field by field, real servers by name', () => {
    const after = withRips([{ ...spec.realServers[0], state: 'halt' }, { name: 'C', address: '192.0.2.23', weight: 100, state: 'online' }], { address: '192.0.2.11' });
    expect(specFieldChanges(spec, after).map((c) => `${c.field} ${c.before ?? '-'} -> ${c.after ?? '-'}: ${c.impact}`)).toEqual([
      'address "192.0.2.10" -> "192.0.2.11": cuts connections',
      'realServers.A.state "online" -> "halt": cuts connections',
      `realServers.C - -> ${JSON.stringify(after.realServers[1])}: adds`,
      `realServers.B ${JSON.stringify(spec.realServers[1])} -> -: removes`,
    ]);
  });
});

describe('readPlanVips and the reports', () => {
  const resource = (before: VirtualServiceSpec | null, after: VirtualServiceSpec | null, actions: string[]) => ({
    type: 'null_resource',
    change: { actions, before: before && { triggers: { name: before.name, spec: JSON.stringify(before) } }, after: after && { triggers: { name: after.name, spec: JSON.stringify(after) } } },
  });

  it('refuses JSON that is not a plan, saying what to give', () => {
    expect(() => readPlanVips({ values: {} })).toThrow(/not a saved plan as JSON .* Give the output of "terraform show -json <planfile>"/);
  });

  it('escapes what reaches Markdown tables and HTML', () => {
    const evil = withRips([{ name: 'A|<b>x</b>', address: '192.0.2.21', weight: 100, state: 'online' }], { name: 'V' });
    const plan = readPlanVips({ resource_changes: [resource(null, evil, ['create'])], planned_values: { root_module: { resources: [{ type: 'null_resource', values: { triggers: { spec: JSON.stringify(evil) } } }] } } });
    expect(plan.changes.map((c) => `${c.kind} ${c.vip} ${c.impact}`)).toEqual(['add V adds']);
    expect(planReportMarkdown(plan)).toContain('A\\|<b>x</b> 192.0.2.21 (100, online)');
    expect(planReportHtml(plan)).toContain('A|&lt;b&gt;x&lt;/b&gt;');
    expect(planReportHtml(plan)).not.toContain('<b>x');
  });

  it('a plan that changes no VIP says so', () => {
    const plan = readPlanVips({ resource_changes: [resource(spec, spec, ['no-op'])] });
    expect(planReportMarkdown(plan)).toContain('The plan changes no VIP.');
  });
});
