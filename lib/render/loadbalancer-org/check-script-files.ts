import { CHECK_MODE, renderCheckScript } from '../keepalived/check-script';
import { generatedHeader } from '../generated-header';
import { dicomAssociateRequest } from '../probes/dicom-association';
import { hl7ProbeFrame } from '../probes/hl7-mllp-probe';
import { CheckScriptSource } from '../../spec/check-script-source';
import { HealthCheckType } from '../../spec/health-check-type';
import { checkPortOf, ResolvedHealthCheck, ResolvedVirtualService, resolveVirtualService } from '../../spec/resolved-virtual-service';
import { ApplianceSpec, VirtualServiceSpec } from '../../spec/virtual-service-spec';
import { APPLIANCE_CHECK_FOLDER, LbcliWords } from './lbcli-words';
import { checkScriptFileName } from './parameter-mapping';

/** A script to upload to the appliance's check folder. */
export interface CheckScriptFile {
  /** The file name on the appliance (in its check folder). */
  readonly name: string;
  /** The script. */
  readonly content: string;
  /** One line saying where it goes. */
  readonly instruction: string;
}

/** The file name of the shared probe script the per-VIP scripts run. */
export const PROBE_SCRIPT_NAME = 'pacs-lb-check';

/** The probe mode and its hex bytes of a DICOM or HL7 check. */
function probe(check: ResolvedHealthCheck): [string, string] | undefined {
  if (check.kind === HealthCheckType.DICOM_ASSOCIATION) return [CHECK_MODE.dicom, dicomAssociateRequest(check.calledAeTitle, check.callingAeTitle).toString('hex')];
  if (check.kind === HealthCheckType.HL7_MLLP) return [CHECK_MODE.hl7, hl7ProbeFrame(check).toString('hex')];
  return undefined;
}

/**
 * The per-VIP script: the appliance runs an external check as `<script> VIP VIP_PORT
 * REAL_SERVER REAL_SERVER_PORT` (the Layer 4 service's convention; unverified for Layer 7), so
 * it passes the real server (`$3`) and the check port (the spec's, else `$4`) to the shared
 * probe script beside it, which checks every argument before use. Every other word is a
 * constant of the spec (hex digits, numbers).
 */
function vipScript(vip: ResolvedVirtualService, name: string, mode: string, hex: string): string {
  const checkPort = checkPortOf(vip.healthCheck);
  const port = checkPort === undefined ? '"$4"' : String(checkPort);
  return [
    '#!/bin/sh',
    ...generatedHeader('#', `${vip.healthCheck.kind} health check of VIP ${vip.name} for a Loadbalancer.org appliance`),
    `# Upload to ${APPLIANCE_CHECK_FOLDER}${name} (mode 0755), with ${PROBE_SCRIPT_NAME} beside it.`,
    '# The appliance runs it as: <script> VIP VIP_PORT REAL_SERVER REAL_SERVER_PORT. Exit 0 = healthy.',
    `exec "$(dirname "$0")/${PROBE_SCRIPT_NAME}" ${mode} "$3" ${port} ${vip.healthCheck.timeoutSeconds} ${hex}`,
    '',
  ].join('\n');
}

/**
 * The scripts an appliance's DICOM and HL7 checks need, when the appliance is to get them by
 * upload (not for VIPs that use the appliance's own DICOM C-ECHO script): one per VIP, and the
 * shared probe script once. Empty when none is needed. Pure.
 */
export function checkScriptFiles(appliance: ApplianceSpec, vips: VirtualServiceSpec[]): CheckScriptFile[] {
  const words = LbcliWords.of(appliance);
  const where = (name: string) => `upload ${name} to ${appliance.name}:${APPLIANCE_CHECK_FOLDER}${name}, mode 0755`;
  const files: CheckScriptFile[] = [];
  for (const vip of vips.map(resolveVirtualService)) {
    const found = probe(vip.healthCheck);
    const usesOwn = vip.healthCheck.kind === HealthCheckType.DICOM_ASSOCIATION && appliance.checkScripts?.dicom === CheckScriptSource.APPLIANCE_DICOM_ECHO;
    const name = checkScriptFileName(vip, words);
    if (!found || usesOwn || name === undefined) continue;
    files.push({ name, content: vipScript(vip, name, ...found), instruction: where(name) });
  }
  if (files.length === 0) return [];
  return [{ name: PROBE_SCRIPT_NAME, content: renderCheckScript(), instruction: where(PROBE_SCRIPT_NAME) }, ...files];
}
