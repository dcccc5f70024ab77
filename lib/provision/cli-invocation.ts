import { IConstruct } from 'constructs';

/**
 * The context key that overrides the program the Terraform resources run, as a JSON array of
 * argv words: `["node", "/opt/pacs lb/node_modules/cdktf-pacs-lb/lib/cli/main.js"]`. Set it in
 * cdktf.json (`"context"`) or with `app.node.setContext` from any jsii language.
 */
export const CLI_CONTEXT_KEY = 'pacs-lb:cli';

/**
 * The default program: `pacs-lb`, the package's `bin`, found on PATH when Terraform runs the
 * provisioner. Never a path into this process's own files: a stack synthesized from Python,
 * Java, C# or Go runs this library from a temporary folder that is gone by `terraform apply`.
 */
export const DEFAULT_CLI = ['pacs-lb'];

/** The argv words that start the `pacs-lb` CLI, from context or the default. */
export function cliInvocation(scope: IConstruct): string[] {
  const configured: unknown = scope.node.tryGetContext(CLI_CONTEXT_KEY);
  if (configured === undefined) return DEFAULT_CLI;
  const words = typeof configured === 'string' ? safeParse(configured) : configured;
  if (!Array.isArray(words) || words.length === 0 || !words.every((w) => typeof w === 'string' && w.length > 0)) {
    throw new Error(`${CLI_CONTEXT_KEY}: context value must be a non-empty JSON array of argv words, e.g. ["node", "/path/to/main.js"]. Fix the "${CLI_CONTEXT_KEY}" entry of cdktf.json or setContext`);
  }
  return words as string[];
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
