import { ApplianceSpec } from '../spec/virtual-service-spec';
import { synthesizedApplianceFile } from '../synth/synth-folder';
import { readApplianceSpec } from './inputs';

/**
 * The appliance's spec as the synthesized app has it *now*, when the stack folder still holds
 * the appliance (`<stack folder>/pacs-lb/<name>/appliance.json` beside a `cdk.tf.json`); else
 * the spec given. Terraform runs destroy-time provisioners with the triggers stored at create
 * (the identity resource even keeps its copy under `ignore_changes`), so after the appliance's
 * management address changed, only this makes a delete reach the appliance where it is now.
 */
export function currentApplianceSpec(stackFolder: string | undefined, given: ApplianceSpec): ApplianceSpec {
  const file = stackFolder === undefined ? undefined : synthesizedApplianceFile(stackFolder, given.name);
  return file === undefined ? given : readApplianceSpec(file, {});
}
