import { SPEC_SCHEMA_VERSION } from '../../spec/virtual-service-spec';
import { validateAppliance } from '../../validation/appliance-rules';
import { formatProblem } from '../../validation/problem';
import { validateVirtualService } from '../../validation/virtual-service-rules';
import { applianceVocabularyProblems } from '../../targets/loadbalancer-org/appliance-vocabulary';
import { EXIT } from '../exit-codes';
import { readSynthesizedFolder, SynthesizedAppliance } from '../synth-folder';
import { CliContext } from './context';

/** Every problem of one synthesized appliance: format version, appliance rules, each VIP's rules, its lbcli overrides. Pure. */
export function synthesizedProblems(found: SynthesizedAppliance): string[] {
  const specs = [found.appliance, ...found.vips];
  const versions = specs
    .filter((s) => s.schemaVersion !== SPEC_SCHEMA_VERSION)
    .map((s) => `${s.name}: schemaVersion: is ${JSON.stringify(s.schemaVersion)}, this pacs-lb understands ${SPEC_SCHEMA_VERSION}. Use the pacs-lb of the library version that synthesized it.`);
  if (versions.length > 0) return versions;
  return [
    ...[
      ...validateAppliance(found.appliance, found.vips),
      ...found.vips.flatMap((vip) => validateVirtualService(vip, found.appliance)),
    ].map(formatProblem),
    ...applianceVocabularyProblems(found.appliance).map((p) => `${found.appliance.name}: ${p}`),
  ];
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
