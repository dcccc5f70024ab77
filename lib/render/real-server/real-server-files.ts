import type { ApplianceRenderer } from '../renderer';
import { drPreparations, drScriptName } from './dr-preparation';
import { renderLinuxDrScript } from './linux-dr-script';
import { renderWindowsDrScript } from './windows-dr-script';

/**
 * For each real server host (address) of the Layer 4 DR VIPs: `real-servers/<address>-linux.sh`
 * and `...-windows.ps1`, the scripts that solve the ARP problem on that host for all of its DR
 * VIPs (IPv6 colons become dashes in the name). Halted servers get theirs too: they may be
 * brought online later.
 */
export const realServerFiles: ApplianceRenderer = (_appliance, vips) =>
  drPreparations(vips).flatMap((preparation) => {
    const file = `real-servers/${drScriptName(preparation)}`;
    return [
      { path: `${file}-linux.sh`, content: renderLinuxDrScript(preparation) },
      { path: `${file}-windows.ps1`, content: renderWindowsDrScript(preparation) },
    ];
  });
