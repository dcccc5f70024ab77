import { renderCheckScript } from './check-script';
import type { ApplianceRenderer } from '../renderer';
import { renderKeepalivedConf } from './keepalived-conf';

/** `keepalived.conf` and the check script it runs (`checks/pacs-lb-check`). */
export const keepalivedFiles: ApplianceRenderer = (appliance, vips) => [
  { path: 'keepalived.conf', content: renderKeepalivedConf(appliance, vips) },
  { path: 'checks/pacs-lb-check', content: renderCheckScript() },
];
