import * as fs from 'fs';
import * as path from 'path';
import { CliError, EXIT } from '../contract/exit-codes';
import { ApplianceTargetKind } from '../spec/appliance-target-kind';
import { DEFAULT_API_PORT } from '../spec/defaults';
import { ApplianceSpec, SPEC_SCHEMA_VERSION, VirtualServiceSpec } from '../spec/virtual-service-spec';
import { readDumpConfigReply, readVirtualListReply } from '../targets/loadbalancer-org/appliance-reply';
import { DumpedConfig } from '../targets/target-state';
import { ImportedSite } from './imported-site';
import { recoverVirtualService } from './recover-spec';

/**
 * The three places `pacs-lb import` reads a configuration from: the appliance (its reply, read
 * by the same module as `apply`), a saved reply file (for air-gapped change processes), and the
 * local HAProxy target's folder (which keeps the VIP specs themselves).
 */

/** What the appliance never reports, so the constructs' defaults stand in for it. */
const NOT_REPORTED_BY_APPLIANCE = [
  'health-check timing (interval, timeout, rise, fall)',
  'the AE titles of DICOM checks and the MSH fields of HL7 checks',
  'VIP descriptions',
];

/** A configuration the appliance reported (or a reply file held), as specs of `appliance`. */
export function importDumpedConfig(config: DumpedConfig, appliance: ApplianceSpec, source: string): ImportedSite {
  const vips: VirtualServiceSpec[] = [];
  const notes: string[] = [];
  for (const dumped of config.vips) {
    const recovered = recoverVirtualService(dumped, appliance);
    if (recovered.spec) vips.push(recovered.spec);
    notes.push(...recovered.notes);
  }
  return { source, appliance, vips, notes, assumed: NOT_REPORTED_BY_APPLIANCE };
}

/** Whether a value is the JSON of `pacs-lb status --json`. */
function isSavedStatus(value: unknown): value is DumpedConfig {
  const vips = (value as DumpedConfig | null)?.vips;
  return Array.isArray(vips) && vips.every((v) => typeof v?.name === 'string' && typeof v.parameters === 'object' && Array.isArray(v.realServers));
}

/**
 * A saved reply file: the appliance's reply to `list --function dumpconfig` or to the two
 * `list --function virtual` reads, in any shape the reading module understands, or the output
 * of `pacs-lb status --json`.
 */
export function readReplyFile(file: string): DumpedConfig {
  let body: unknown;
  try {
    body = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CliError(EXIT.usage, `--reply-file ${file}: cannot read it as JSON (${(e as NodeJS.ErrnoException).code ?? (e as Error).message.split('\n')[0]}). Give the saved reply of "list --function dumpconfig" or the output of "pacs-lb status --json".`);
  }
  const config = readDumpConfigReply(body) ?? readVirtualListReply(body) ?? (isSavedStatus(body) ? body : undefined);
  if (!config) {
    throw new CliError(EXIT.refused, `--reply-file ${file}: not a reply pacs-lb understands. Give the saved reply of "list --function dumpconfig" (or of "list --function virtual --layer 4" and "--layer 7" in one request), or the output of "pacs-lb status --json".`);
  }
  return config;
}

/** A bare appliance spec for a source that does not name one (with --host or nothing). */
export function bareAppliance(name: string, managementAddress: string, apiPort = DEFAULT_API_PORT): ApplianceSpec {
  return { schemaVersion: SPEC_SCHEMA_VERSION, name, managementAddresses: [managementAddress], apiPort, subnets: [] };
}

/** One stored VIP spec; a clear error when it is not one. */
function readSpecFile(file: string): VirtualServiceSpec {
  try {
    const spec = JSON.parse(fs.readFileSync(file, 'utf8')) as VirtualServiceSpec;
    if (typeof spec?.name === 'string' && Array.isArray(spec.realServers)) return spec;
  } catch {
    // reported below
  }
  throw new CliError(EXIT.invalid, `${file}: not a VIP spec the local HAProxy target wrote. Remove it, or re-apply the VIP, then import again.`);
}

/**
 * The VIP specs the local HAProxy target keeps in `<folder>/vips/`: they are the specs
 * themselves, so nothing is lost. The appliance is the one given, else one named after the
 * specs, whose target is this folder.
 */
export function importLocalFolder(folder: string, appliance: ApplianceSpec | undefined): ImportedSite {
  const vipsFolder = path.join(folder, 'vips');
  if (!fs.existsSync(vipsFolder)) {
    throw new CliError(EXIT.usage, `--local-folder ${folder}: no vips/ folder in it. Give the folder of the local HAProxy target (the one its appliance's target names).`);
  }
  const vips = fs
    .readdirSync(vipsFolder)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readSpecFile(path.join(vipsFolder, f)));
  const name = appliance?.name ?? vips[0]?.appliance ?? path.basename(path.resolve(folder));
  const base = appliance ?? { ...bareAppliance(name, '127.0.0.1'), target: { kind: ApplianceTargetKind.LOCAL_HAPROXY, folder: path.resolve(folder) } };
  return { source: `local HAProxy folder ${path.resolve(folder)}`, appliance: base, vips: vips.map((v) => ({ ...v, appliance: base.name })), notes: [], assumed: [] };
}
