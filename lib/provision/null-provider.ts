import { NullProvider } from '@cdktf/provider-null/lib/provider';
import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

/** The construct id of the null provider the library adds to a stack. */
export const PROVIDER_ID = 'pacs-lb-null';

/** Stacks already known to hold a null provider, so each VIP does not search the whole stack again. */
const stacksWithProvider = new WeakSet<TerraformStack>();

/**
 * The stack's null provider: the user's own if the stack already has one, else one added once
 * (a stack may hold only one un-aliased provider of a kind).
 */
export function ensureNullProvider(scope: IConstruct): void {
  const stack = TerraformStack.of(scope);
  if (stacksWithProvider.has(stack)) return;
  const existing = stack.node.findAll().some((c) => c instanceof NullProvider);
  if (!existing) new NullProvider(stack, PROVIDER_ID);
  stacksWithProvider.add(stack);
}
