import { CheckScriptSource } from '../../spec/check-script-source';
import { ApplianceSpec, CheckScriptsSpec } from '../../spec/virtual-service-spec';
import { overrideProblems } from './lbcli-words';
import { PARAMETER_KEYS } from './parameter-mapping';

/** The appliance construct props that shape what is sent to a Loadbalancer.org appliance. */
export interface ApplianceVocabularyProps {
  /** DICOM check scripts. */
  readonly dicomCheckScript?: CheckScriptSource;
  /** HL7 check scripts. */
  readonly hl7CheckScript?: CheckScriptSource;
  /** Word corrections by mapping-table key. */
  readonly lbcliOverrides?: Record<string, string>;
}

/** The appliance spec fields for them: present only when declared, so other specs keep their bytes. */
export function applianceVocabularySpec(props: ApplianceVocabularyProps): { checkScripts?: CheckScriptsSpec; lbcliOverrides?: Record<string, string> } {
  const checkScripts: CheckScriptsSpec = {
    ...(props.dicomCheckScript && props.dicomCheckScript !== CheckScriptSource.NOT_INSTALLED ? { dicom: props.dicomCheckScript } : {}),
    ...(props.hl7CheckScript && props.hl7CheckScript !== CheckScriptSource.NOT_INSTALLED ? { hl7: props.hl7CheckScript } : {}),
  };
  const overrides = props.lbcliOverrides ?? {};
  return {
    ...(Object.keys(checkScripts).length > 0 ? { checkScripts } : {}),
    ...(Object.keys(overrides).length > 0 ? { lbcliOverrides: Object.fromEntries(Object.entries(overrides).sort(([a], [b]) => a.localeCompare(b))) } : {}),
  };
}

/** Problems of those fields in an appliance spec (synth and CLI): unknown override keys, bad words, a script source that does not fit. */
export function applianceVocabularyProblems(appliance: ApplianceSpec): string[] {
  const problems = overrideProblems(appliance.lbcliOverrides, PARAMETER_KEYS);
  if (appliance.checkScripts?.hl7 === CheckScriptSource.APPLIANCE_DICOM_ECHO) {
    problems.push('hl7CheckScript: the appliance\'s DICOM C-ECHO script cannot check HL7. Use CheckScriptSource.UPLOADED (pacs-lb check-scripts writes the script).');
  }
  return problems;
}
