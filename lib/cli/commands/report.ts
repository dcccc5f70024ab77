import * as fs from 'fs';
import { EXIT } from '../../contract/exit-codes';
import { failOnProblems } from '../inputs';
import { readSynthesizedFolder } from '../../synth/synth-folder';
import { synthesizedReport } from '../../synth/synthesized-report';
import { synthesizedProblems } from './validate';
import { CliContext } from './context';

/** `pacs-lb report [folder]`: the visual report (HTML) of a synthesized folder, printed or written to `--output`. */
export async function report(folder: string, options: { output?: string }, context: CliContext): Promise<number> {
  const found = readSynthesizedFolder(folder);
  for (const appliance of found) failOnProblems(synthesizedProblems(appliance));
  const html = synthesizedReport(found);
  if (options.output === undefined) context.output.out(html.replace(/\n$/, ''));
  else {
    fs.writeFileSync(options.output, html);
    context.output.err(`wrote ${options.output}`);
  }
  return EXIT.ok;
}
