import { ForwardingMethod } from '../../spec/forwarding-method';
import type { ApplianceRenderer } from '../renderer';
import { drPreparation } from './dr-preparation';
import { renderLinuxDrScript } from './linux-dr-script';
import { renderWindowsDrScript } from './windows-dr-script';

/**
 * For each real server of each Layer 4 DR VIP: `real-servers/<VIP>/<real server>-linux.sh` and
 * `...-windows.ps1`, the scripts that solve the ARP problem on that server. Halted servers get
 * theirs too: they may be brought online later.
 */
export const realServerFiles: ApplianceRenderer = (_appliance, vips) =>
  vips.flatMap((vip, index) =>
    vip.layer === 4 && vip.forwarding === ForwardingMethod.DR
      ? vip.realServers.flatMap((rip) => {
          const preparation = drPreparation(vip, index, rip);
          const folder = `real-servers/${vip.name}/${rip.name}`;
          return [
            { path: `${folder}-linux.sh`, content: renderLinuxDrScript(preparation) },
            { path: `${folder}-windows.ps1`, content: renderWindowsDrScript(preparation) },
          ];
        })
      : [],
  );
