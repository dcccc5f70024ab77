import { readOnlyText } from './read-only-text';
import { terraformLiteral } from './terraform-literal';

/** The trigger text of each resolved spec object, so a spec shared by many resources is serialized once. */
const texts = new WeakMap<object, string>();

/**
 * A resolved spec as a trigger value: its JSON as a Terraform literal. Specs are resolved once
 * per synth and read-only, so the text of one spec object is computed once and reused (the
 * appliance's spec rides in two triggers of every VIP).
 */
export function specTrigger(spec: object): string {
  return readOnlyText(texts, spec, (read) => terraformLiteral(JSON.stringify(read)));
}
