import * as fs from 'fs';
import * as path from 'path';
import { ApplianceSpec, VirtualServiceSpec } from '../spec/virtual-service-spec';

/**
 * The layout of a synthesized folder, and its only reader: an appliance's files live in
 * `<stack folder>/pacs-lb/<appliance>/`, beside the stack's `cdk.tf.json`, with the appliance
 * spec in `appliance.json`, one VIP spec per `vips/<VIP>.json`, and the VIPs' declaration order
 * in `vip-order.json`. Everything that reads or writes these names goes through this module.
 */

/** The folder of every appliance's files, under the stack's output folder. */
const PACS_LB_FOLDER = 'pacs-lb';
/** The appliance spec, in an appliance's folder. */
const APPLIANCE_FILE = 'appliance.json';
/** The folder of the VIP specs, in an appliance's folder. */
const VIPS_FOLDER = 'vips';
/** The record of the VIPs' declaration order, in an appliance's folder. */
const VIP_ORDER_FILE = 'vip-order.json';
/** What makes a folder a stack's output folder. */
const STACK_CONFIG_FILE = 'cdk.tf.json';

/** The folder, relative to the stack's output folder, that holds an appliance's files. */
export function applianceOutputFolder(applianceName: string): string {
  return path.posix.join(PACS_LB_FOLDER, applianceName);
}

/** Where an appliance's spec is written, relative to its folder. */
export const APPLIANCE_SPEC_PATH = APPLIANCE_FILE;

/** Where a VIP's spec is written, relative to its appliance's folder. */
export function vipSpecPath(vipName: string): string {
  return path.posix.join(VIPS_FOLDER, `${vipName}.json`);
}

/** Where the VIPs' declaration order is written, relative to the appliance's folder. */
export const VIP_ORDER_PATH = VIP_ORDER_FILE;

/** The content of `vip-order.json`: the VIP names in the order the app declares them (VIP 1 first). */
export interface VipOrderRecord {
  /** Always `cdktf-pacs-lb`. */
  readonly generatedBy: string;
  /** The appliance's name. */
  readonly appliance: string;
  /** What the file is for. */
  readonly note: string;
  /** The VIP names, VIP 1 first. */
  readonly vips: string[];
}

/** The declaration-order record of an appliance's VIPs, as synth writes it. */
export function vipOrderRecord(appliance: ApplianceSpec, vips: VirtualServiceSpec[]): VipOrderRecord {
  return {
    generatedBy: 'cdktf-pacs-lb',
    appliance: appliance.name,
    note: 'The VIPs in the order the app declares them (VIP 1 first): pacs-lb report and the local HAProxy target number VIPs by it.',
    vips: vips.map((vip) => vip.name),
  };
}

/** A synthesized folder that cannot be read: missing, or holding a file that is not JSON. */
export class SynthFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SynthFolderError';
  }
}

/** One appliance's files in a synthesized folder: `pacs-lb/<appliance>/appliance.json` and `vips/*.json`. */
export interface SynthesizedAppliance {
  /** The appliance folder. */
  readonly folder: string;
  /** appliance.json, parsed (not yet validated). */
  readonly appliance: ApplianceSpec;
  /** vips/*.json, parsed (not yet validated), in declaration order (`vip-order.json`), then any it does not name by name. */
  readonly vips: VirtualServiceSpec[];
}

function subfolders(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(folder, e.name)).sort();
}

/** The appliance folders under a folder given as an appliance folder, a stack folder, or cdktf.out. */
function applianceFolders(folder: string): string[] {
  if (fs.existsSync(path.join(folder, APPLIANCE_FILE))) return [folder];
  const inStack = subfolders(path.join(folder, PACS_LB_FOLDER));
  if (inStack.length > 0) return inStack;
  return subfolders(path.join(folder, 'stacks')).flatMap((stack) => subfolders(path.join(stack, PACS_LB_FOLDER)));
}

function readJsonFile(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new SynthFolderError(`${file}: cannot read it as JSON (${(e as Error).message.split('\n')[0]}). Synthesize again.`);
  }
}

/** The VIP names of an appliance folder's order record, VIP 1 first; none when it is missing or unreadable. */
function declaredOrder(applianceFolder: string): string[] {
  try {
    const vips: unknown = JSON.parse(fs.readFileSync(path.join(applianceFolder, VIP_ORDER_FILE), 'utf8')).vips;
    return Array.isArray(vips) ? vips.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** Compares names by a declaration order: those it names in its order, then the rest by name. */
function byDeclaredOrder(order: string[]): (a: string, b: string) => number {
  const rank = new Map(order.map((name, i) => [name, i] as const));
  const at = (name: string): number => rank.get(name) ?? order.length;
  return (a, b) => at(a) - at(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The VIP names of an appliance folder's `vips/*.json`, in declaration order. */
function vipNamesIn(applianceFolder: string): string[] {
  const vipFolder = path.join(applianceFolder, VIPS_FOLDER);
  const names = fs.existsSync(vipFolder) ? fs.readdirSync(vipFolder).filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length)) : [];
  return [...names].sort(byDeclaredOrder(declaredOrder(applianceFolder)));
}

function readApplianceFolder(folder: string): SynthesizedAppliance {
  return {
    folder,
    appliance: readJsonFile(path.join(folder, APPLIANCE_FILE)) as ApplianceSpec,
    vips: vipNamesIn(folder).map((name) => readJsonFile(path.join(folder, vipSpecPath(name))) as VirtualServiceSpec),
  };
}

/** Every appliance of a synthesized folder (`cdktf.out`, a stack's folder, or one appliance's folder); an error when there is none. */
export function readSynthesizedFolder(folder: string): SynthesizedAppliance[] {
  const folders = applianceFolders(folder);
  if (folders.length === 0) {
    throw new SynthFolderError(`${folder}: no pacs-lb/<appliance>/appliance.json found. Give the stack's output folder (cdktf.out/stacks/<stack>) after cdktf synth.`);
  }
  return folders.map(readApplianceFolder);
}

/** The files of one appliance in a stack's output folder (after a synth of that stack). */
export function readSynthesizedAppliance(stackFolder: string, applianceName: string): SynthesizedAppliance {
  return readApplianceFolder(path.join(stackFolder, applianceOutputFolder(applianceName)));
}

/** Whether a folder is a stack's output folder (it holds `cdk.tf.json`). */
export function isStackFolder(folder: string): boolean {
  return fs.existsSync(path.join(folder, STACK_CONFIG_FILE));
}

/**
 * The appliance's spec file in a stack's output folder, when the synthesized app still has
 * that appliance; else undefined.
 */
export function synthesizedApplianceFile(stackFolder: string, applianceName: string): string | undefined {
  if (!isStackFolder(stackFolder)) return undefined;
  const file = path.join(stackFolder, applianceOutputFolder(applianceName), APPLIANCE_FILE);
  return fs.existsSync(file) ? file : undefined;
}

/** The VIP names the synthesized app has for an appliance, in declaration order; none if the appliance left the app. */
export function synthesizedVipNames(stackFolder: string, applianceName: string): string[] {
  return vipNamesIn(path.join(stackFolder, applianceOutputFolder(applianceName)));
}

/** The VIP specs beside an appliance spec file (`vips/*.json` of the folder holding it), in declaration order. */
export function vipSpecsBeside(applianceFile: string): VirtualServiceSpec[] {
  const folder = path.dirname(applianceFile);
  return vipNamesIn(folder).map((name) => readJsonFile(path.join(folder, vipSpecPath(name))) as VirtualServiceSpec);
}

/**
 * The VIPs' declaration order of an appliance, VIP 1 first: from the stack's output folder
 * (where Terraform runs `pacs-lb`), else none (callers then use name order).
 */
export function synthesizedVipOrder(stackFolder: string, applianceName: string): string[] {
  return isStackFolder(stackFolder) ? declaredOrder(path.join(stackFolder, applianceOutputFolder(applianceName))) : [];
}

/** Specs sorted into a declaration order (those it does not name last, by name). */
export function sortByDeclaredOrder<T extends { readonly name: string }>(specs: T[], order: string[]): T[] {
  const compare = byDeclaredOrder(order);
  return [...specs].sort((a, b) => compare(a.name, b.name));
}
