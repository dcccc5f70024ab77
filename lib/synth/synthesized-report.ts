import { renderReportPage } from '../render/report/report-page';
import { resolveVirtualService } from '../spec/resolved-virtual-service';
import { applianceWarnings } from './appliance-renderers';
import { readSynthesizedFolder, SynthesizedAppliance } from './synth-folder';

/**
 * The report of synthesized appliances (VIPs in declaration order, with the warnings synth
 * gives them). For one appliance it equals the `report.html` synth wrote.
 */
export function synthesizedReport(found: SynthesizedAppliance[]): string {
  return renderReportPage(found.map(({ appliance, vips }) => ({ appliance, vips: vips.map(resolveVirtualService), warnings: applianceWarnings(appliance, vips) })));
}

/**
 * The report of every appliance in a synthesized folder (`cdktf.out`, a stack's folder, or one
 * appliance's folder): what `pacs-lb report <folder>` prints.
 */
export function reportFromSynthFolder(folder: string): string {
  return synthesizedReport(readSynthesizedFolder(folder));
}
