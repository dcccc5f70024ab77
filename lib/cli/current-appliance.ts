import * as fs from 'fs';
import * as path from 'path';
import { ApplianceSpec } from '../spec/virtual-service-spec';
import { readApplianceSpec } from './inputs';

/**
 * The appliance's spec as the synthesized app has it *now*, when the stack folder still holds
 * the appliance (`<stack folder>/pacs-lb/<name>/appliance.json` beside a `cdk.tf.json`); else
 * the spec given. Terraform runs destroy-time provisioners with the triggers stored at create
 * (the identity resource even keeps its copy under `ignore_changes`), so after the appliance's
 * management address changed, only this makes a delete reach the appliance where it is now.
 */
export function currentApplianceSpec(stackFolder: string | undefined, given: ApplianceSpec): ApplianceSpec {
  if (stackFolder === undefined || !fs.existsSync(path.join(stackFolder, 'cdk.tf.json'))) return given;
  const file = path.join(stackFolder, 'pacs-lb', given.name, 'appliance.json');
  if (!fs.existsSync(file)) return given;
  return readApplianceSpec(file, {});
}
