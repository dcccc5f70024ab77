import { ApplianceSpec, VirtualServiceSpec } from '../../spec/virtual-service-spec';
import { virtualServiceWarnings } from '../../validation/virtual-service-rules';
import type { ApplianceRenderer } from '../renderer';
import { renderReport } from './report-page';

/** The validation warnings of an appliance's VIPs, in VIP order, as synth reports them. */
export function reportWarnings(appliance: ApplianceSpec, vips: VirtualServiceSpec[]): string[] {
  return vips.flatMap((vip) => virtualServiceWarnings(vip, appliance));
}

/** The appliance output's `report.html`: the visual report of the appliance's VIP set. */
export const reportFiles: ApplianceRenderer = (appliance, vips) => [{ path: 'report.html', content: renderReport(appliance, vips, reportWarnings(appliance, vips)) }];
