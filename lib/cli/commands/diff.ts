import { EXIT } from '../../contract/exit-codes';
import { failOnProblems } from '../inputs';
import { ConnectionOptions, openSession } from '../session';
import { readSynthesizedFolder } from '../../synth/synth-folder';
import { summarizeChanges as summarize } from '../../targets/target-change';
import { CliContext, requireConfig } from './context';
import { synthesizedProblems } from './validate';

/** Options of `pacs-lb diff`. */
export type DiffOptions = Omit<ConnectionOptions, 'applianceFile' | 'host' | 'apiPort'>;

/**
 * `pacs-lb diff [folder]`: compares a synthesized folder with what each appliance has, and
 * prints the writes an apply would send (`~`), and VIPs the app does not have (`-`). Exit 8
 * when anything differs.
 */
export async function diff(folder: string, options: DiffOptions, context: CliContext): Promise<number> {
  let drift = false;
  for (const found of readSynthesizedFolder(folder)) {
    failOnProblems(synthesizedProblems(found));
    const session = openSession(found.appliance, options, context.env, context.output);
    const config = await session.locked(() => requireConfig(session.target, 'diff'));
    for (const vip of found.vips) {
      const commands = await session.locked(() => session.target.applyVirtualService(vip, true));
      if (commands.length > 0) context.output.out(`~ ${found.appliance.name} ${vip.name}: ${summarize(commands)}`);
      drift ||= commands.length > 0;
    }
    const known = new Set(found.vips.map((v) => v.name));
    for (const extra of config.vips.filter((v) => !known.has(v.name))) {
      context.output.out(`- ${found.appliance.name} ${extra.name}: on the appliance, not in the app`);
      drift = true;
    }
  }
  if (!drift) context.output.err('no drift: the appliances match the app');
  return drift ? EXIT.drift : EXIT.ok;
}
