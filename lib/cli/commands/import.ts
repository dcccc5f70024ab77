import * as fs from 'fs';
import * as path from 'path';
import { ApplianceTargetKind } from '../../spec/appliance-target-kind';
import { ApplianceSpec } from '../../spec/virtual-service-spec';
import { ImportedSite } from '../../import/imported-site';
import { bareAppliance, importDumpedConfig, importLocalFolder, readReplyFile } from '../../import/read-sources';
import { buildSiteCode } from '../../import/site-code-builder';
import { pythonCode } from '../../import/python-code';
import { typeScriptCode } from '../../import/typescript-code';
import { ENV } from '../../contract/environment';
import { CliError, EXIT } from '../../contract/exit-codes';
import { ConnectionOptions, openSession, resolveAppliance } from '../session';
import { CliContext, requireConfig } from './context';

/** Options of `pacs-lb import`. */
export interface ImportOptions extends ConnectionOptions {
  /** Read this saved reply (or `status --json` output) instead of the appliance. */
  readonly replyFile?: string;
  /** Read the local HAProxy target's folder instead of the appliance. */
  readonly localFolder?: string;
  /** Name of the appliance in the code when no appliance file names it. */
  readonly name?: string;
  /** Write the code to this file instead of standard output. */
  readonly output?: string;
  /** `typescript` (default) or `python`. */
  readonly language?: string;
  /** The module the code imports the constructs from. */
  readonly libraryImport?: string;
  /** The exported stack class's name. */
  readonly className?: string;
}

/** The default module specifier of the generated code: this package. */
export const LIBRARY_PACKAGE = 'cdktf-pacs-lb';
/** The module of this package in the Python bindings (package.json, jsii.targets.python.module). */
export const PYTHON_MODULE = 'cdktf_pacs_lb';
/** The default name of the generated stack class. */
export const DEFAULT_CLASS_NAME = 'ImportedSiteStack';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MODULE_SPECIFIER = /^[A-Za-z0-9@_./-]{1,200}$/;

/** The appliance named by the options, when a source does not carry one. */
function namedAppliance(options: ImportOptions, context: CliContext): ApplianceSpec | undefined {
  if (options.applianceFile !== undefined || context.env[ENV.appliance]) return resolveAppliance(options, context.env, options.name);
  if (options.host) return bareAppliance(options.name ?? options.host, options.host, Number(options.apiPort ?? undefined) || undefined);
  return undefined;
}

async function readSite(options: ImportOptions, context: CliContext): Promise<ImportedSite> {
  if (options.replyFile !== undefined && options.localFolder !== undefined) {
    throw new CliError(EXIT.usage, 'import: give one source: --reply-file, --local-folder, or neither (the appliance).');
  }
  if (options.localFolder !== undefined) return importLocalFolder(options.localFolder, namedAppliance(options, context));
  if (options.replyFile !== undefined) {
    const appliance = namedAppliance(options, context);
    if (!appliance) throw new CliError(EXIT.usage, `import --reply-file: the code needs the appliance's management address. Give --host <address> (and --name), or --appliance-file.`);
    return importDumpedConfig(readReplyFile(options.replyFile), appliance, `reply file ${path.basename(options.replyFile)}`);
  }
  const appliance = resolveAppliance(options, context.env, options.name);
  if (appliance.target?.kind === ApplianceTargetKind.LOCAL_HAPROXY && appliance.target.folder) return importLocalFolder(appliance.target.folder, appliance);
  const session = openSession(appliance, options, context.env, context.output);
  const config = await session.locked(() => requireConfig(session.target, 'import'));
  return importDumpedConfig(config, appliance, `appliance ${appliance.name} (${appliance.managementAddresses[0]})`);
}

/** Checks the options that end up in the code: nothing user-supplied may become code. */
function checkCodeOptions(options: ImportOptions): void {
  const problems: string[] = [];
  if (options.className !== undefined && !IDENTIFIER.test(options.className)) problems.push(`--class-name: "${options.className}" is not an identifier. Use letters, digits and "_", starting with a letter.`);
  if (options.libraryImport !== undefined && !MODULE_SPECIFIER.test(options.libraryImport)) problems.push(`--library-import: "${options.libraryImport}" is not a module name. Use letters, digits and "@_./-".`);
  if (options.language !== undefined && !['typescript', 'python'].includes(options.language)) problems.push(`--language: "${options.language}" is not a language import writes. Use typescript or python.`);
  if (problems.length > 0) throw new CliError(EXIT.usage, problems.join('\n'));
}

/**
 * `pacs-lb import`: reads a configuration (the appliance, a saved reply, or the local HAProxy
 * folder), recovers its VIP specs, and writes the construct code that builds them; what the
 * code does not express is listed at the top of the file and on standard error.
 */
export async function importSite(options: ImportOptions, context: CliContext): Promise<number> {
  checkCodeOptions(options);
  const imported = await readSite(options, context);
  const generated = buildSiteCode(imported);
  const className = options.className ?? DEFAULT_CLASS_NAME;
  const code =
    options.language === 'python'
      ? pythonCode(generated.site, { libraryModule: options.libraryImport ?? PYTHON_MODULE, className })
      : typeScriptCode(generated.site, { libraryImport: options.libraryImport ?? LIBRARY_PACKAGE, className });
  if (options.output !== undefined) {
    fs.writeFileSync(`${options.output}.new`, code);
    fs.renameSync(`${options.output}.new`, options.output);
  } else {
    context.output.out(code.replace(/\n$/, ''));
  }
  const preset = generated.site.constructs.find((c) => c.type === 'CentricityPacs');
  const plain = generated.site.constructs.length - (preset ? 1 : 0);
  context.output.err(`import: ${imported.vips.length} VIPs read from ${imported.source}: ${preset ? 'one CentricityPacs and ' : ''}${plain} plain VIP construct(s)${options.output ? `, written to ${options.output}` : ''}`);
  for (const note of generated.notes) context.output.err(`import: not expressed: ${note}`);
  return EXIT.ok;
}
