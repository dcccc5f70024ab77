import * as fs from 'fs';
import * as path from 'path';
import { ApplianceSpec, VirtualServiceSpec } from '../spec/virtual-service-spec';
import { CliError, EXIT } from '../contract/exit-codes';

/** One appliance's files in a synthesized folder: `pacs-lb/<appliance>/appliance.json` and `vips/*.json`. */
export interface SynthesizedAppliance {
  /** The appliance folder. */
  readonly folder: string;
  /** appliance.json, parsed (not yet validated). */
  readonly appliance: ApplianceSpec;
  /** vips/*.json, parsed (not yet validated), in name order. */
  readonly vips: VirtualServiceSpec[];
}

function subfolders(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(folder, e.name)).sort();
}

/** The appliance folders under a folder given as an appliance folder, a stack folder, or cdktf.out. */
function applianceFolders(folder: string): string[] {
  if (fs.existsSync(path.join(folder, 'appliance.json'))) return [folder];
  const inStack = subfolders(path.join(folder, 'pacs-lb'));
  if (inStack.length > 0) return inStack;
  return subfolders(path.join(folder, 'stacks')).flatMap((stack) => subfolders(path.join(stack, 'pacs-lb')));
}

function readJsonFile(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CliError(EXIT.usage, `${file}: cannot read it as JSON (${(e as Error).message.split('\n')[0]}). Synthesize again.`);
  }
}

/** Every appliance of a synthesized folder; an error when there is none. */
export function readSynthesizedFolder(folder: string): SynthesizedAppliance[] {
  const folders = applianceFolders(folder);
  if (folders.length === 0) {
    throw new CliError(EXIT.usage, `${folder}: no pacs-lb/<appliance>/appliance.json found. Give the stack's output folder (cdktf.out/stacks/<stack>) after cdktf synth.`);
  }
  return folders.map((f) => {
    const vipFolder = path.join(f, 'vips');
    const vipFiles = fs.existsSync(vipFolder) ? fs.readdirSync(vipFolder).filter((n) => n.endsWith('.json')).sort() : [];
    return {
      folder: f,
      appliance: readJsonFile(path.join(f, 'appliance.json')) as ApplianceSpec,
      vips: vipFiles.map((n) => readJsonFile(path.join(vipFolder, n)) as VirtualServiceSpec),
    };
  });
}
