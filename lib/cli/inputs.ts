import * as fs from 'fs';
import { ApplianceSpec, SPEC_SCHEMA_VERSION, VirtualServiceSpec } from '../spec/virtual-service-spec';
import { formatProblem } from '../validation/problem';
import { applianceSpecProblems, virtualServiceSpecProblems } from '../validation/spec-contract';
import { ENV } from './environment';
import { CliError, EXIT } from './exit-codes';

type Environment = Record<string, string | undefined>;

/** JSON from a file option if given, else from an environment variable. */
function readJson(what: string, file: string | undefined, env: Environment, variable: string): unknown {
  let text: string | undefined;
  let source: string;
  if (file !== undefined) {
    source = file;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      throw new CliError(EXIT.usage, `${what} file ${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? 'error'}). Give a readable file.`);
    }
  } else {
    source = variable;
    text = env[variable];
    if (text === undefined || text === '') {
      throw new CliError(EXIT.usage, `no ${what}: give a file option or set ${variable} (the Terraform resource sets it).`);
    }
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new CliError(EXIT.usage, `${what} from ${source} is not JSON. Give the file pacs-lb wrote at synth.`);
  }
}

function checkVersion(what: string, value: unknown): void {
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version !== SPEC_SCHEMA_VERSION) {
    throw new CliError(EXIT.invalid, `${what}: schemaVersion is ${JSON.stringify(version)}, this pacs-lb understands ${SPEC_SCHEMA_VERSION}. Use the pacs-lb of the library version that synthesized it.`);
  }
}

/** Throws with every problem, one per line, when there are any. */
export function failOnProblems(messages: string[]): void {
  if (messages.length > 0) throw new CliError(EXIT.invalid, messages.join('\n'));
}

/** The appliance spec, from `--appliance-file` or PACS_LB_APPLIANCE, checked. */
export function readApplianceSpec(file: string | undefined, env: Environment): ApplianceSpec {
  const appliance = readJson('appliance spec', file, env, ENV.appliance) as ApplianceSpec;
  checkVersion('appliance spec', appliance);
  failOnProblems(applianceSpecProblems(appliance).map(formatProblem));
  return appliance;
}

/** A VIP spec, from `--spec-file` or PACS_LB_SPEC, checked against its appliance with the synth-time rules. */
export function readVirtualServiceSpec(file: string | undefined, env: Environment, appliance: ApplianceSpec): VirtualServiceSpec {
  const vip = readJson('VIP spec', file, env, ENV.spec) as VirtualServiceSpec;
  checkVersion('VIP spec', vip);
  failOnProblems(virtualServiceSpecProblems(vip, appliance).map(formatProblem));
  if (vip.appliance !== appliance.name) {
    throw new CliError(EXIT.usage, `${vip.name}: appliance: the spec belongs to appliance ${vip.appliance}, not ${appliance.name}. Give the matching appliance.`);
  }
  return vip;
}
