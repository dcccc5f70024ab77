import * as fs from 'fs';
import { planReportHtml } from '../../plan-report/plan-report-html';
import { planReportMarkdown } from '../../plan-report/plan-report-markdown';
import { readPlanVips } from '../../plan-report/plan-changes';
import { CliError, EXIT } from '../../contract/exit-codes';
import { CliContext } from './context';

/** Options of `pacs-lb plan-report`. */
export interface PlanReportOptions {
  /** `markdown` or `html`. @default markdown */
  readonly format?: string;
  /** Write here instead of standard output. */
  readonly output?: string;
}

/**
 * `pacs-lb plan-report <plan.json>`: a change-board report of a saved plan (`terraform show
 * -json <planfile>` / `tofu show -json <planfile>`): per appliance and VIP, each changed field
 * old → new, labelled hitless / drains servers / cuts connections / adds / removes, and the VIP
 * table after the change. Offline: reads only the file.
 */
export async function planReport(file: string, options: PlanReportOptions, context: CliContext): Promise<number> {
  let plan: unknown;
  try {
    plan = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CliError(EXIT.usage, `${file}: cannot read it as JSON (${(e as NodeJS.ErrnoException).code ?? (e as Error).message.split('\n')[0]}). Give the output of "terraform show -json <planfile>".`);
  }
  let vips;
  try {
    vips = readPlanVips(plan);
  } catch (e) {
    throw new CliError(EXIT.usage, `${file}: ${(e as Error).message}`);
  }
  const text = options.format === 'html' ? planReportHtml(vips) : planReportMarkdown(vips);
  if (options.output) fs.writeFileSync(options.output, text);
  else context.output.out(text.trimEnd());
  return EXIT.ok;
}
