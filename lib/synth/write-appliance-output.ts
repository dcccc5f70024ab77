import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { ISynthesisSession } from 'cdktf/lib/synthesize/types';
import { IConstruct } from 'constructs';
import { renderApplianceFiles } from '../render/appliance-files';
import { ApplianceSpec, VirtualServiceSpec } from '../spec/virtual-service-spec';

/** The folder, relative to the stack's output folder, that holds an appliance's files. */
export function applianceOutputFolder(applianceName: string): string {
  return path.posix.join('pacs-lb', applianceName);
}

/**
 * Writes an appliance's rendered files into the stack's output folder at synth, replacing
 * what an earlier synth left there. Validation has passed by the time this runs.
 */
export function writeApplianceOutput(session: ISynthesisSession, construct: IConstruct, appliance: ApplianceSpec, vips: VirtualServiceSpec[]): void {
  const stack = TerraformStack.of(construct);
  const stackFolder = path.join(session.outdir, session.manifest.forStack(stack).workingDirectory);
  const folder = path.join(stackFolder, applianceOutputFolder(appliance.name));
  fs.rmSync(folder, { recursive: true, force: true });
  for (const file of renderApplianceFiles(appliance, vips)) {
    const destination = path.join(folder, file.path);
    fs.mkdirSync(path.dirname(destination), { recursive: true });
    fs.writeFileSync(destination, file.content);
  }
}
