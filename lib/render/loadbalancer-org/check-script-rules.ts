import { CheckScriptSource } from '../../spec/check-script-source';
import { HealthCheckType } from '../../spec/health-check-type';
import { resolveVirtualService } from '../../spec/resolved-virtual-service';
import { ApplianceSpec, VirtualServiceSpec } from '../../spec/virtual-service-spec';
import { LbcliWords } from './lbcli-words';
import { checkScriptFileName } from './parameter-mapping';

/** The protocol checks that need a script on the appliance, and where the appliance spec declares it. */
const SCRIPTED_CHECKS: { kind: HealthCheckType; words: string; declared: (appliance: ApplianceSpec) => CheckScriptSource | undefined; prop: string; allowed: CheckScriptSource[] }[] = [
  {
    kind: HealthCheckType.DICOM_ASSOCIATION,
    words: 'DICOM association',
    declared: (a) => a.checkScripts?.dicom,
    prop: 'dicomCheckScript',
    allowed: [CheckScriptSource.UPLOADED, CheckScriptSource.APPLIANCE_DICOM_ECHO],
  },
  {
    kind: HealthCheckType.HL7_MLLP,
    words: 'HL7 MLLP',
    declared: (a) => a.checkScripts?.hl7,
    prop: 'hl7CheckScript',
    allowed: [CheckScriptSource.UPLOADED],
  },
];

/**
 * Why a VIP cannot go to this appliance as it stands: its DICOM or HL7 check runs a script the
 * appliance spec does not declare installed (the REST API cannot upload one, and a check whose
 * script is missing marks every server down). Empty when nothing is missing. Pure.
 */
export function checkScriptProblems(vip: VirtualServiceSpec, appliance: ApplianceSpec): string[] {
  const check = SCRIPTED_CHECKS.find((c) => c.kind === vip.healthCheck.kind);
  if (!check) return [];
  const declared = check.declared(appliance);
  if (declared !== undefined && check.allowed.includes(declared)) return [];
  const script = checkScriptFileName(resolveVirtualService(vip), LbcliWords.of(appliance));
  const options = check.allowed.map((source) => `CheckScriptSource.${Object.entries(CheckScriptSource).find(([, v]) => v === source)?.[0]}`).join(' or ');
  return [
    `${vip.name}: healthCheck: the ${check.words} check runs the script ${script} on appliance ${appliance.name}, which does not declare it installed (${check.prop}: ${declared ?? 'not set'}); the appliance would mark every server down. Write it with "pacs-lb check-scripts <folder>", upload it to the appliance's check folder, and set ${check.prop}: ${options} on the appliance construct, or choose another health check.`,
  ];
}
