/**
 * `cdktf-pacs-lb/testing`: helpers for TypeScript tests of your own stacks. The vitest
 * matchers (register them with `expect.extend(pacsLbMatchers)`) and {@link PacsLbTesting},
 * the same helpers every jsii language has. This part is TypeScript only: it is compiled
 * outside the jsii assembly, and at run time it needs nothing from vitest but `expect`.
 */
import { PacsLbMatchers } from './matchers';

export { PacsLbTesting } from '../pacs-lb-testing';
export { PacsLbMatchers, PartialSpec, pacsLbMatchers } from './matchers';

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Matchers<T = any> extends PacsLbMatchers<T> {}
}
