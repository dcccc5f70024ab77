/**
 * The imported site as a small, language-neutral model of the code that builds it: values
 * (text, numbers, enum members, factory calls, props objects, lists, references to named
 * lists) and the site's statements. One model is both *printed* (TypeScript, Python) and
 * *evaluated* (code-evaluation.ts) to build the constructs and check that the code reproduces
 * the imported specs before it is written.
 */
export type CodeValue =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  /** `ServicePack.SP2`: an enum of the library, by member name. */
  | { readonly kind: 'enum'; readonly type: string; readonly member: string }
  /** `HealthCheck.httpGet({...})`: a static factory of the library. */
  | { readonly kind: 'call'; readonly type: string; readonly method: string; readonly args: CodeValue[] }
  /** A props object (a jsii struct): field names in camelCase; `type` names the struct where a language writes it (Python). */
  | { readonly kind: 'props'; readonly fields: CodeField[]; readonly type?: string }
  /** A map keyed by data (e.g. `overrides` by VIP name): keys are printed as they are. */
  | { readonly kind: 'map'; readonly entries: CodeField[] }
  | { readonly kind: 'list'; readonly items: CodeValue[] }
  /** A named constant of the file (a named inventory list). */
  | { readonly kind: 'ref'; readonly name: string }
  /** One element of a named list. */
  | { readonly kind: 'element'; readonly list: string; readonly index: number }
  /** An element of a named list with some fields changed. */
  | { readonly kind: 'changed'; readonly list: string; readonly index: number; readonly fields: CodeField[] };

/** One field of a props object or entry of a map. */
export interface CodeField {
  /** The field name (camelCase) or map key. */
  readonly name: string;
  /** Its value. */
  readonly value: CodeValue;
}

/** A named constant: one inventory list. */
export interface CodeConstant {
  /** camelCase name. */
  readonly name: string;
  /** The library type of its elements, e.g. `RealServerProps`. */
  readonly elementType: string;
  /** The value (a list). */
  readonly value: CodeValue;
}

/** One construct created in the site: `new <type>(<scope>, '<id>', <props>)`. */
export interface CodeConstruct {
  /** The library class. */
  readonly type: string;
  /** The construct id. */
  readonly id: string;
  /** Its props. */
  readonly props: CodeValue;
}

/** The whole generated site: a stack with one appliance and the constructs inside it. */
export interface SiteCode {
  /** Comment lines at the top (without comment markers). */
  readonly header: string[];
  /** The named inventory lists. */
  readonly constants: CodeConstant[];
  /** The appliance construct (its scope is the stack). */
  readonly appliance: CodeConstruct;
  /** The constructs inside the appliance. */
  readonly constructs: CodeConstruct[];
}

/** Text. */
export const text = (value: string): CodeValue => ({ kind: 'text', value });
/** A number. */
export const num = (value: number): CodeValue => ({ kind: 'number', value });
/** An enum member by value: `enumMember('RealServerState', RealServerState, 'drain')` is `RealServerState.DRAIN`. */
export function enumMember(type: string, values: Record<string, string>, value: string): CodeValue {
  const member = Object.keys(values).find((key) => values[key] === value);
  if (member === undefined) throw new Error(`${type}: no member with the value ${value} (a bug)`);
  return { kind: 'enum', type, member };
}
/** A static factory call. */
export const call = (type: string, method: string, ...args: CodeValue[]): CodeValue => ({ kind: 'call', type, method, args });
/** A props object from fields, leaving out undefined ones. */
export function props(fields: Record<string, CodeValue | undefined>, type?: string): CodeValue {
  const present = Object.entries(fields).filter((e): e is [string, CodeValue] => e[1] !== undefined).map(([name, value]) => ({ name, value }));
  return type === undefined ? { kind: 'props', fields: present } : { kind: 'props', fields: present, type };
}
/** A list. */
export const list = (items: CodeValue[]): CodeValue => ({ kind: 'list', items });

/** Every library name (class or enum) a value uses; struct names too with `withStructs` (Python writes them). */
export function typesUsed(value: CodeValue, into: Set<string>, withStructs = false): Set<string> {
  switch (value.kind) {
    case 'enum':
    case 'call':
      into.add(value.type);
      if (value.kind === 'call') value.args.forEach((a) => typesUsed(a, into, withStructs));
      break;
    case 'props':
    case 'changed':
      value.fields.forEach((f) => typesUsed(f.value, into, withStructs));
      if (value.kind === 'props' && value.type !== undefined && withStructs) into.add(value.type);
      break;
    case 'map':
      value.entries.forEach((f) => typesUsed(f.value, into, withStructs));
      break;
    case 'list':
      value.items.forEach((i) => typesUsed(i, into, withStructs));
      break;
    default:
      break;
  }
  return into;
}

/** Every library name the site uses, sorted (struct names too with `withStructs`). */
export function siteTypes(site: SiteCode, withStructs = false): string[] {
  const names = new Set<string>();
  for (const c of site.constants) typesUsed(c.value, names.add(c.elementType), withStructs);
  for (const c of [site.appliance, ...site.constructs]) typesUsed(c.props, names.add(c.type), withStructs);
  return [...names].sort();
}
