import * as fs from 'fs';
import { reportFromSynthFolder } from '../../render/report/report-from-synth-folder';
import { EXIT } from '../../contract/exit-codes';
import { failOnProblems } from '../inputs';
import { readSynthesizedFolder } from '../synth-folder';
import { synthesizedProblems } from './validate';
import { CliContext } from './context';

/** `pacs-lb report [folder]`: the visual report (HTML) of a synthesized folder, printed or written to `--output`. */
export async function report(folder: string, options: { output?: string }, context: CliContext): Promise<number> {
  for (const found of readSynthesizedFolder(folder)) failOnProblems(synthesizedProblems(found));
  const html = reportFromSynthFolder(folder);
  if (options.output === undefined) context.output.out(html.replace(/\n$/, ''));
  else {
    fs.writeFileSync(options.output, html);
    context.output.err(`wrote ${options.output}`);
  }
  return EXIT.ok;
}
