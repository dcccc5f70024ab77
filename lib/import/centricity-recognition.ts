import { CentricityComponentKey, CENTRICITY_VIP_SET } from '../centricity/centricity-vip-set';
import { ServicePack } from '../centricity/service-pack';
import { ForwardingMethod } from '../spec/forwarding-method';
import { HealthCheckType } from '../spec/health-check-type';
import { PersistenceType } from '../spec/persistence-type';
import { Scheduler } from '../spec/scheduler';
import { VirtualServiceSpec } from '../spec/virtual-service-spec';
import { CodeConstruct, CodeField, CodeValue, enumMember, num, props, text } from './code-model';
import { evaluateSite } from './code-evaluation';
import { healthCheckCode, persistenceCode, portsCode } from './construct-code';
import { Inventory } from './inventory';
import { canonicalJson, sameJson, specDifferences } from './same-spec';

/**
 * Recognises the Centricity PACS VIP set of the vendor's guide (centricity-vip-set.ts) in
 * imported specs and writes it as one `CentricityPacs`: each component whose VIPs are all on
 * the appliance gets its address and a named server list; site-wide options (the EA status
 * check, DB_MT's and DAS_Pool's check ports, persistence timeouts) are read from the VIPs; every
 * remaining deviation of a VIP becomes an entry of `overrides`. A component is taken into the
 * preset only when the preset with its overrides rebuilds each of its VIPs exactly (checked by
 * building it); else its VIPs stay plain constructs. The service pack is the one needing fewer
 * overrides.
 */
export interface CentricityRecognition {
  /** The `CentricityPacs` construct; undefined when no component of the set is complete. */
  readonly construct?: CodeConstruct;
  /** The VIPs it builds. */
  readonly covered: string[];
}

/** The construct id of the recognised preset. */
export const CENTRICITY_CONSTRUCT_ID = 'centricity';

type Components = Partial<Record<CentricityComponentKey, VirtualServiceSpec[]>>;

/** The value most VIPs share (first seen on a tie). */
function mostCommon<T>(values: T[]): T | undefined {
  const counts = new Map<string, { value: T; count: number }>();
  for (const value of values) {
    const key = canonicalJson(value);
    const entry = counts.get(key) ?? { value, count: 0 };
    counts.set(key, { value, count: entry.count + 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count)[0]?.value;
}

/** The components whose VIPs are all among the imported ones, with those VIPs in the guide's order. */
function completeComponents(vips: VirtualServiceSpec[]): Components {
  const byName = new Map(vips.map((v) => [v.name, v]));
  const found: Components = {};
  for (const component of new Set(CENTRICITY_VIP_SET.map((r) => r.component))) {
    const rows = CENTRICITY_VIP_SET.filter((r) => r.component === component);
    if (rows.every((r) => byName.has(r.name))) found[component] = rows.map((r) => byName.get(r.name)!);
  }
  return found;
}

/** The site-wide options as the VIPs show them (pruned of those that change nothing later). */
function siteOptions(components: Components): Record<string, CodeValue | undefined> {
  const check = (name: string) => Object.values(components).flat().find((v) => v.name === name)?.healthCheck;
  const ea = check('EA_XDS_Service');
  const das = check('DAS_Pool');
  const timeouts = (layer: number) =>
    mostCommon(Object.values(components).flat().filter((v) => v.layer === layer && v.persistence.kind === PersistenceType.SOURCE_IP).map((v) => v.persistence.timeoutSeconds));
  const l4 = timeouts(4);
  const l7 = timeouts(7);
  return {
    enterpriseArchiveCheck:
      ea?.kind === HealthCheckType.HTTP_GET
        ? props({ port: ea.port === undefined ? undefined : num(ea.port), path: text(ea.path ?? '/'), expectStatus: num(ea.expectStatus ?? 200) }, 'EnterpriseArchiveCheckOptions')
        : undefined,
    dasCheckPort: das?.port === undefined ? undefined : num(das.port),
    layer4PersistenceSeconds: l4 === undefined ? undefined : num(l4),
    layer7PersistenceSeconds: l7 === undefined ? undefined : num(l7),
  };
}

/** The overrides entry of one VIP: each field in which the imported VIP differs from the preset's. */
function overrideOf(imported: VirtualServiceSpec, built: VirtualServiceSpec, serversName: string, inventory: Inventory): CodeField | undefined {
  const differs = (field: keyof VirtualServiceSpec) => !sameJson(imported[field], built[field]);
  const fields: Record<string, CodeValue | undefined> = {
    address: differs('address') ? text(imported.address) : undefined,
    ports: differs('ports') ? portsCode(imported.ports) : undefined,
    healthCheck: differs('healthCheck') ? healthCheckCode(imported.healthCheck) : undefined,
    persistence: differs('persistence') ? persistenceCode(imported.persistence, imported.layer) : undefined,
    scheduler: differs('scheduler') ? enumMember('Scheduler', Scheduler, imported.scheduler) : undefined,
    realServers: differs('realServers') ? inventory.against(serversName, imported.realServers) : undefined,
    forwarding: differs('forwarding') && imported.forwarding !== undefined ? enumMember('ForwardingMethod', ForwardingMethod, imported.forwarding) : undefined,
    maxConnections: differs('maxConnections') && imported.maxConnections !== undefined ? num(imported.maxConnections) : undefined,
  };
  const value = props(fields, 'CentricityVipOverride');
  return value.kind === 'props' && value.fields.length > 0 ? { name: imported.name, value } : undefined;
}

/** One attempt at a service pack: the preset's props, the VIPs it rebuilds exactly, and how many override fields it needs. */
interface Attempt {
  readonly construct?: CodeConstruct;
  readonly covered: string[];
  readonly overrideFields: number;
}

/** Builds a preset of these props (with the appliance and inventory) and returns its VIP specs by name. */
function build(appliance: CodeConstruct, inventory: Inventory, presetProps: CodeValue): Map<string, VirtualServiceSpec> {
  // A preset that refuses these props builds nothing: its VIPs then stay plain constructs.
  const site = { header: [], constants: inventory.constants, appliance, constructs: [{ type: 'CentricityPacs', id: CENTRICITY_CONSTRUCT_ID, props: presetProps }] };
  return new Map(evaluateSite(site).vips.map((v) => [v.name, v]));
}

function attempt(servicePack: ServicePack, components: Components, appliance: CodeConstruct, inventory: Inventory): Attempt {
  const options = siteOptions(components);
  const componentProps: Record<string, CodeValue> = {};
  const serverLists: Record<string, string> = {};
  for (const [component, vips] of Object.entries(components)) {
    const servers = inventory.named(mostCommon(vips.map((v) => v.realServers))!, `${component}`);
    serverLists[component] = servers.kind === 'ref' ? servers.name : '';
    const mtPort = component === 'database' ? vips.find((v) => v.name === 'DB_MT')?.healthCheck.port : undefined;
    const struct = component === 'database' ? 'CentricityDatabaseComponent' : 'CentricityComponent';
    componentProps[component] = props({ address: text(mostCommon(vips.map((v) => v.address))!), servers, mtCheckPort: mtPort === undefined ? undefined : num(mtPort) }, struct);
  }
  const presetProps = (overrides: CodeField[], keep: Record<string, CodeValue | undefined>, only?: string[]) =>
    props({
      servicePack: enumMember('ServicePack', ServicePack, servicePack),
      ...Object.fromEntries(Object.entries(componentProps).filter(([c]) => !only || only.includes(c))),
      ...keep,
      overrides: overrides.length > 0 ? { kind: 'map', entries: overrides } : undefined,
    });
  // Leave out each option that changes nothing (it is the preset's default).
  const kept = { ...options };
  const reference = canonicalJson([...build(appliance, inventory, presetProps([], kept)).values()]);
  const changesNothing = (candidate: Record<string, CodeValue | undefined>) => canonicalJson([...build(appliance, inventory, presetProps([], candidate)).values()]) === reference;
  for (const key of Object.keys(kept)) {
    const value = kept[key];
    if (changesNothing({ ...kept, [key]: undefined })) {
      delete kept[key];
    } else if (value?.kind === 'props') {
      for (const field of value.fields) {
        const current = kept[key] as Extract<CodeValue, { kind: 'props' }>;
        const fewer: CodeValue = { ...current, fields: current.fields.filter((f) => f !== field) };
        if (changesNothing({ ...kept, [key]: fewer })) kept[key] = fewer;
      }
    }
  }
  // Each component: its overrides, then kept only if the preset rebuilds its VIPs exactly.
  const accepted: string[] = [];
  const overrides: CodeField[] = [];
  for (const [component, vips] of Object.entries(components)) {
    const built = build(appliance, inventory, presetProps([], kept, [component]));
    if (!vips.every((v) => built.has(v.name))) continue;
    const mine = vips.map((v) => overrideOf(v, built.get(v.name)!, serverLists[component], inventory)).filter((o): o is CodeField => o !== undefined);
    const rebuilt = build(appliance, inventory, presetProps(mine, kept, [component]));
    if (vips.every((v) => specDifferences(v, rebuilt.get(v.name)).length === 0)) {
      accepted.push(component);
      overrides.push(...mine);
    }
  }
  if (accepted.length === 0) return { covered: [], overrideFields: 0 };
  const order = CENTRICITY_VIP_SET.map((r) => r.name);
  overrides.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  return {
    construct: { type: 'CentricityPacs', id: CENTRICITY_CONSTRUCT_ID, props: presetProps(overrides, kept, accepted) },
    covered: accepted.flatMap((c) => components[c as CentricityComponentKey]!.map((v) => v.name)),
    overrideFields: overrides.reduce((n, o) => n + (o.value.kind === 'props' ? o.value.fields.length : 0), 0),
  };
}

/**
 * The `CentricityPacs` that rebuilds the most imported VIPs (with the fewest override fields),
 * naming its server lists in `inventory`; nothing when no component of the set is complete.
 */
export function recogniseCentricity(vips: VirtualServiceSpec[], appliance: CodeConstruct, inventory: () => Inventory): { recognition: CentricityRecognition; inventory: Inventory } {
  const components = completeComponents(vips);
  let best: { recognition: Attempt; inventory: Inventory } = { recognition: { covered: [], overrideFields: 0 }, inventory: inventory() };
  if (Object.keys(components).length === 0) return best;
  for (const servicePack of [ServicePack.SP2, ServicePack.SP1]) {
    const own = inventory();
    const result = attempt(servicePack, components, appliance, own);
    const better = result.covered.length > best.recognition.covered.length || (result.covered.length === best.recognition.covered.length && result.overrideFields < best.recognition.overrideFields);
    if (better) best = { recognition: result, inventory: own };
  }
  return best;
}
