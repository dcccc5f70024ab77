import * as fs from 'fs';
import { ApplianceSpec, VirtualServiceSpec } from '../spec/virtual-service-spec';
import { formatProblem } from '../validation/problem';
import { schemaVersionProblem } from '../validation/schema-version';
import { applianceSpecProblems, virtualServiceSpecProblems } from '../validation/spec-contract';
import { ENV } from '../contract/environment';
import { CliError, EXIT } from '../contract/exit-codes';

type Environment = Record<string, string | undefined>;

/** JSON from a file option (`flag`) if given, else from an environment variable. */
function readJson(what: string, flag: string, file: string | undefined, env: Environment, variable: string): unknown {
  let text: string | undefined;
  let source: string;
  if (file !== undefined) {
    source = `${flag} ${file}`;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      throw new CliError(EXIT.usage, `${what}: ${flag} ${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? 'error'}). Give ${flag} a readable file.`);
    }
  } else {
    source = variable;
    text = env[variable];
    if (text === undefined || text === '') {
      throw new CliError(EXIT.usage, `no ${what}: give ${flag} <file> or set ${variable} (the Terraform resource sets it).`);
    }
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new CliError(EXIT.usage, `${what} from ${source} is not JSON. Give ${flag} the file pacs-lb wrote at synth (or set ${variable} to its content).`);
  }
}

function checkVersion(what: string, value: unknown): void {
  const problem = schemaVersionProblem(value, what);
  if (problem !== undefined) throw new CliError(EXIT.invalid, problem);
}

/** Throws with every problem, one per line, when there are any. */
export function failOnProblems(messages: string[]): void {
  if (messages.length > 0) throw new CliError(EXIT.invalid, messages.join('\n'));
}

/** The appliance spec, from `--appliance-file` or PACS_LB_APPLIANCE, checked. */
export function readApplianceSpec(file: string | undefined, env: Environment): ApplianceSpec {
  const appliance = readJson('appliance spec', '--appliance-file', file, env, ENV.appliance) as ApplianceSpec;
  checkVersion('appliance spec', appliance);
  failOnProblems(applianceSpecProblems(appliance).map(formatProblem));
  return appliance;
}

/** The appliance a VIP spec names, if the spec can be read at all (errors come from {@link readVirtualServiceSpec}). */
export function peekApplianceName(file: string | undefined, env: Environment): string | undefined {
  try {
    const name = (readJson('VIP spec', '--spec-file', file, env, ENV.spec) as { appliance?: unknown } | null)?.appliance;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

/** A VIP spec, from `--spec-file` or PACS_LB_SPEC, checked against its appliance with the synth-time rules. */
export function readVirtualServiceSpec(file: string | undefined, env: Environment, appliance: ApplianceSpec): VirtualServiceSpec {
  const vip = readJson('VIP spec', '--spec-file', file, env, ENV.spec) as VirtualServiceSpec;
  checkVersion('VIP spec', vip);
  failOnProblems(virtualServiceSpecProblems(vip, appliance).map(formatProblem));
  if (vip.appliance !== appliance.name) {
    throw new CliError(EXIT.usage, `${vip.name}: appliance: the spec belongs to appliance ${vip.appliance}, not ${appliance.name}. Give the matching --appliance-file (or ${ENV.appliance}).`);
  }
  return vip;
}
