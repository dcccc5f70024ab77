import * as fs from 'fs';
import * as path from 'path';
import { ApplianceTargetKind } from '../../spec/appliance-target-kind';
import { checkScriptFiles } from '../../render/loadbalancer-org/check-script-files';
import { CliError, EXIT } from '../../contract/exit-codes';
import { failOnProblems } from '../inputs';
import { readSynthesizedFolder } from '../../synth/synth-folder';
import { CliContext } from './context';
import { synthesizedProblems } from './validate';

/** Options of `pacs-lb check-scripts`. */
export interface CheckScriptsOptions {
  /** The synthesized folder to read (default: the working directory). */
  readonly from?: string;
}

/**
 * `pacs-lb check-scripts <folder>`: writes, per appliance, the DICOM and HL7 check scripts its
 * VIPs need (`<folder>/<appliance>/`), and prints one line per file saying where to upload it.
 * The appliance's REST API cannot upload a script; after uploading, declare it on the appliance
 * construct (`dicomCheckScript` / `hl7CheckScript: CheckScriptSource.UPLOADED`).
 */
export async function checkScripts(folder: string, options: CheckScriptsOptions, context: CliContext): Promise<number> {
  let written = 0;
  for (const found of readSynthesizedFolder(options.from ?? '.')) {
    failOnProblems(synthesizedProblems(found));
    if (found.appliance.target?.kind === ApplianceTargetKind.LOCAL_HAPROXY) continue;
    const files = checkScriptFiles(found.appliance, found.vips);
    if (files.length === 0) continue;
    const applianceFolder = path.join(folder, found.appliance.name);
    try {
      fs.mkdirSync(applianceFolder, { recursive: true });
      for (const file of files) fs.writeFileSync(path.join(applianceFolder, file.name), file.content, { mode: 0o755 });
    } catch (e) {
      throw new CliError(EXIT.usage, `${applianceFolder}: cannot write the scripts (${(e as NodeJS.ErrnoException).code ?? 'error'}). Give a writable folder as the first argument.`);
    }
    for (const file of files) context.output.out(`${path.join(applianceFolder, file.name)}: ${file.instruction}`);
    context.output.out(`${found.appliance.name}: then set dicomCheckScript / hl7CheckScript: CheckScriptSource.UPLOADED on the appliance construct and deploy again.`);
    written += files.length;
  }
  if (written === 0) context.output.err('no VIP needs a check script on an appliance: nothing written');
  return EXIT.ok;
}
