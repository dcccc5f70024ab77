import { App, TerraformStack } from 'cdktf';
import { ApplianceTarget } from '../appliance/appliance-target';
import { LoadBalancerAppliance } from '../appliance/load-balancer-appliance';
import { CentricityPacs } from '../centricity/centricity-pacs';
import { ServicePack } from '../centricity/service-pack';
import { CheckScriptSource } from '../spec/check-script-source';
import { ClientAddressMode } from '../spec/client-address-mode';
import { ForwardingMethod } from '../spec/forwarding-method';
import { HealthCheck } from '../spec/health-check';
import { Persistence } from '../spec/persistence';
import { Ports } from '../spec/ports';
import { Protocol } from '../spec/protocol';
import { ProxyMode } from '../spec/proxy-mode';
import { RealServerState } from '../spec/real-server-state';
import { Scheduler } from '../spec/scheduler';
import { ApplianceSpec, VirtualServiceSpec } from '../spec/virtual-service-spec';
import { Layer4Vip } from '../vips/layer4-vip';
import { ReverseProxyVip } from '../vips/reverse-proxy-vip';
import { CodeValue, SiteCode } from './code-model';

/**
 * Runs a {@link SiteCode} in memory with the library's own classes: the constructs the printed
 * code would create, built from the same model. The importer uses it to check, before it
 * writes anything, that the code reproduces the specs it read.
 */

/** The library names the model may use, by name. */
const LIBRARY: Record<string, unknown> = {
  ApplianceTarget,
  CheckScriptSource,
  ClientAddressMode,
  ForwardingMethod,
  HealthCheck,
  Persistence,
  Ports,
  Protocol,
  ProxyMode,
  RealServerState,
  Scheduler,
  ServicePack,
};

type ConstructClass = new (scope: never, id: string, props: never) => unknown;
const CONSTRUCTS: Record<string, ConstructClass> = { CentricityPacs, Layer4Vip, ReverseProxyVip } as unknown as Record<string, ConstructClass>;

/** A value of the model as the runtime value it stands for. */
export function evaluate(value: CodeValue, constants: Record<string, unknown[]>): unknown {
  const fieldsOf = (fields: { name: string; value: CodeValue }[]) => Object.fromEntries(fields.map((f) => [f.name, evaluate(f.value, constants)]));
  switch (value.kind) {
    case 'text':
    case 'number':
    case 'boolean':
      return value.value;
    case 'enum':
      return (LIBRARY[value.type] as Record<string, unknown>)[value.member];
    case 'call': {
      const type = LIBRARY[value.type] as Record<string, (...a: unknown[]) => unknown>;
      return type[value.method](...value.args.map((a) => evaluate(a, constants)));
    }
    case 'props':
      return fieldsOf(value.fields);
    case 'map':
      return fieldsOf(value.entries);
    case 'list':
      return value.items.map((i) => evaluate(i, constants));
    case 'ref':
      return constants[value.name];
    case 'element':
      return constants[value.list][value.index];
    case 'changed':
      return { ...(constants[value.list][value.index] as object), ...fieldsOf(value.fields) };
  }
}

/** What the site code builds: the appliance's spec and its VIP specs, in construct order. */
export interface EvaluatedSite {
  /** The appliance. */
  readonly appliance: ApplianceSpec;
  /** Its VIPs. */
  readonly vips: VirtualServiceSpec[];
  /** The constructs that refused their props (a construct that checks its props as it is built), by id. */
  readonly refused: { readonly id: string; readonly message: string }[];
}

/** Builds the site in a scratch app (nothing is written) and returns its specs. */
export function evaluateSite(site: SiteCode): EvaluatedSite {
  const constants: Record<string, unknown[]> = {};
  for (const c of site.constants) constants[c.name] = evaluate(c.value, constants) as unknown[];
  const stack = new TerraformStack(new App({ skipValidation: true }), 'import-check');
  const appliance = new LoadBalancerAppliance(stack, site.appliance.id, evaluate(site.appliance.props, constants) as never);
  const refused: { id: string; message: string }[] = [];
  for (const c of site.constructs) {
    const type = CONSTRUCTS[c.type];
    if (!type) throw new Error(`${c.type}: not a construct the importer writes (a bug)`);
    try {
      new type(appliance as never, c.id, evaluate(c.props, constants) as never);
    } catch (error) {
      refused.push({ id: c.id, message: (error as Error).message.split('\n')[0] });
    }
  }
  return { appliance: appliance.toSpec(), vips: appliance.vipSpecs(), refused };
}
