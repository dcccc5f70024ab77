import { formatProblem } from '../../validation/problem';
import { applianceSpecProblems, synthesizedSpecProblems } from '../../validation/spec-contract';
import { applianceVocabularyProblems } from '../../render/loadbalancer-org/appliance-vocabulary';
import { EXIT } from '../../contract/exit-codes';
import { readSynthesizedFolder, SynthesizedAppliance } from '../../synth/synth-folder';
import { schemaVersionProblem } from '../../validation/schema-version';
import { CliContext } from './context';

/** Every problem of one synthesized appliance: format version, appliance rules, each VIP's rules, its lbcli overrides. Pure. */
export function synthesizedProblems(found: SynthesizedAppliance): string[] {
  const versions = [schemaVersionProblem(found.appliance, 'appliance spec'), ...found.vips.map((vip) => schemaVersionProblem(vip, 'VIP spec'))].filter((p): p is string => p !== undefined);
  if (versions.length > 0) return versions;
  const contract = synthesizedSpecProblems(found.appliance, found.vips).map(formatProblem);
  // The lbcli vocabulary is read only from an appliance spec that conforms to the contract.
  if (applianceSpecProblems(found.appliance).length > 0) return contract;
  return [...contract, ...applianceVocabularyProblems(found.appliance).map((p) => `${found.appliance.name}: ${p}`)];
}

/** `pacs-lb validate [folder]`: checks a synthesized folder with the same rules as synth. */
export async function validate(folder: string, context: CliContext): Promise<number> {
  let problems = 0;
  for (const found of readSynthesizedFolder(folder)) {
    const messages = synthesizedProblems(found);
    messages.forEach((m) => context.output.err(m));
    problems += messages.length;
    if (messages.length === 0) context.output.out(`${found.appliance.name}: ${found.vips.length} VIPs valid`);
  }
  return problems > 0 ? EXIT.invalid : EXIT.ok;
}
