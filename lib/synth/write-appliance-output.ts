import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { ISynthesisSession } from 'cdktf/lib/synthesize/types';
import { IConstruct } from 'constructs';
import { ApplianceSpec, VirtualServiceSpec } from '../spec/virtual-service-spec';
import { renderApplianceFiles } from './appliance-renderers';
import { applianceOutputFolder } from './synth-folder';

/**
 * Writes an appliance's rendered files into the stack's output folder at synth, replacing
 * what an earlier synth left there. Validation has passed by the time this runs.
 */
export function writeApplianceOutput(session: ISynthesisSession, construct: IConstruct, appliance: ApplianceSpec, vips: VirtualServiceSpec[]): void {
  const stack = TerraformStack.of(construct);
  const stackFolder = path.join(session.outdir, session.manifest.forStack(stack).workingDirectory);
  const folder = path.join(stackFolder, applianceOutputFolder(appliance.name));
  fs.rmSync(folder, { recursive: true, force: true });
  const made = new Set<string>();
  for (const file of renderApplianceFiles(appliance, vips)) {
    const destination = path.join(folder, file.path);
    const parent = path.dirname(destination);
    if (!made.has(parent)) {
      fs.mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    fs.writeFileSync(destination, file.content);
  }
}
