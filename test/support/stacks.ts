/**
 * Helpers for the unit tests: build a stack with one appliance, collect validation messages
 * without synthesizing, or synthesize into a temporary folder and read the appliance's files.
 */
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { CentricityPacsSiteStack } from '../../examples/centricity-pacs/site';
import { LoadBalancerAppliance, LoadBalancerApplianceProps, PacsLbTesting, VirtualServiceSpec } from '../../lib';

/** A stack with one appliance named `lb1` on 192.0.2.5 with the 192.0.2.0/24 subnet, unless props say otherwise. */
export function applianceStack(props: Partial<LoadBalancerApplianceProps> = {}): { app: App; stack: TerraformStack; appliance: LoadBalancerAppliance } {
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'pacs-lb-test-')) });
  const stack = new TerraformStack(app, 'test-stack');
  const appliance = new LoadBalancerAppliance(stack, 'lb1', { managementAddress: '192.0.2.5', subnets: ['192.0.2.0/24'], ...props });
  return { app, stack, appliance };
}

/** Every validation message of every construct in the stack, as synth would report them. */
export const validationMessages = (stack: TerraformStack): string[] => PacsLbTesting.validationErrors(stack);

/** Every warning annotation in the stack, after validation has run. */
export const warnings = (stack: TerraformStack): string[] => PacsLbTesting.warnings(stack);

/** Synthesizes the app and returns the folder of the appliance's generated files. */
export function synthApplianceFolder(app: App, stackName: string, applianceName: string): string {
  app.synth();
  return join(app.outdir, 'stacks', stackName, 'pacs-lb', applianceName);
}

/** Every file under a folder, by relative path, with its content. */
export function readTree(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(folder, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(folder);
  return files;
}

/** The VIP specs a synthesized appliance folder holds, by VIP name. */
export function specsIn(folder: string): Record<string, VirtualServiceSpec> {
  const tree = readTree(join(folder, 'vips'));
  return Object.fromEntries(Object.values(tree).map((json) => JSON.parse(json) as VirtualServiceSpec).map((spec) => [spec.name, spec]));
}

/** Synthesizes the bundled Centricity PACS example into a temporary folder; returns its appliance folder. */
export function synthesizeExample(): string {
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'pacs-lb-example-')) });
  new CentricityPacsSiteStack(app, 'centricity-pacs');
  return synthApplianceFolder(app, 'centricity-pacs', 'lb-pacs');
}
