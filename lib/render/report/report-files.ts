import type { ApplianceRenderer } from '../renderer';
import { renderReport } from './report-page';

/** The appliance output's `report.html`: the visual report of the appliance's VIP set and the warnings synth gives it. */
export const reportFiles: ApplianceRenderer = (appliance, vips, warnings) => [{ path: 'report.html', content: renderReport(appliance, vips, warnings) }];
