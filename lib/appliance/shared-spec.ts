import { IConstruct } from 'constructs';
import { deepFreeze } from './deep-freeze';

/**
 * Specs that the library's own readers share: a construct (a VIP, an appliance) registers how
 * it resolves its spec, and synth's readers (Terraform triggers, validation, renderers, about
 * ten per VIP) get one read-only spec until the construct changes. The public `toSpec()` hands
 * users (and jsii, which tags what it returns) a copy of it instead.
 */
const resolvers = new WeakMap<IConstruct, () => object>();
const resolved = new WeakMap<IConstruct, object>();

/** Registers how a construct resolves its spec. */
export function resolvesSpec(construct: IConstruct, resolve: () => object): void {
  resolvers.set(construct, resolve);
}

/** The construct's spec, resolved at the first call since its last change; read-only, shared by every caller. */
export function sharedSpec<T extends object>(construct: IConstruct): T {
  let spec = resolved.get(construct);
  if (spec === undefined) {
    const resolve = resolvers.get(construct);
    if (resolve === undefined) throw new Error(`${construct.node.path}: no spec resolver registered`);
    spec = deepFreeze(resolve());
    resolved.set(construct, spec);
  }
  return spec as T;
}

/** Forgets a construct's shared spec: call it from every method that changes what the spec says. */
export function specChanged(construct: IConstruct): void {
  resolved.delete(construct);
}

/** A copy of a shared spec that its receiver may change (or jsii may tag). */
export function specCopy<T extends object>(spec: T): T {
  return structuredClone(spec);
}
