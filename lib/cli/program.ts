import { Command, CommanderError, Option } from 'commander';
import { DEFAULT_API_PORT } from '../spec/defaults';
import { RealServerState } from '../spec/real-server-state';
import { apply } from './commands/apply';
import { checkScripts } from './commands/check-scripts';
import { CliContext } from './commands/context';
import { deleteVip } from './commands/delete';
import { diff } from './commands/diff';
import { DEFAULT_CLASS_NAME, importSite, LIBRARY_PACKAGE, PYTHON_MODULE } from './commands/import';
import { setRealServerState } from './commands/real-server-state';
import { planReport } from './commands/plan-report';
import { prune } from './commands/prune';
import { reload } from './commands/reload';
import { report } from './commands/report';
import { roll } from './commands/roll';
import { status } from './commands/status';
import { validate } from './commands/validate';
import { ENV } from '../contract/environment';
import { SynthFolderError } from '../synth/synth-folder';
import { CliError, EXIT } from '../contract/exit-codes';
import { CliStreams, createOutput } from './output';

const EXIT_CODE_HELP = `
Exit codes: ${Object.entries(EXIT).map(([name, code]) => `${code} ${name}`).join(', ')}.
Credentials come only from the environment: ${ENV.apiKey}, ${ENV.username}, ${ENV.password} (or ${ENV.apiKey}_FILE, ... naming a file).
See docs/cli.md.`;

/** Adds the options of every command that talks to an appliance. */
function connectionOptions(command: Command, withAppliance = true): Command {
  if (withAppliance) {
    command
      .option('--appliance-file <path>', `appliance.json written at synth (default: $${ENV.appliance})`)
      .option('--host <address>', 'management address of the appliance, instead of an appliance file')
      .option('--api-port <port>', 'API port with --host', String(DEFAULT_API_PORT));
  }
  return command
    .option('--ca-file <path>', `CA certificate (PEM) to verify the appliance against (default: $${ENV.caFile})`)
    .option('--insecure', 'do NOT verify the appliance certificate (prints a warning)')
    .option('--lock-timeout <seconds>', `wait this long for another command on the same appliance (default: $${ENV.lockTimeout} or 600)`)
    .option('--debug', `print every request and reply, credentials redacted (or ${ENV.debug}=1)`);
}

function dryRun(command: Command): Command {
  return command.option('--dry-run', 'print the exact API requests, send no write');
}

/** Builds the `pacs-lb` program; `run` receives each command's exit code. */
function buildProgram(context: CliContext, streams: CliStreams, run: (work: () => Promise<number>) => Promise<void>): Command {
  const program = new Command('pacs-lb')
    .description('Applies cdktf-pacs-lb VIP specs to a Loadbalancer.org appliance (REST API v2), idempotently, one command at a time per appliance.')
    .exitOverride()
    .configureOutput({ writeOut: streams.stdout, writeErr: streams.stderr })
    .showHelpAfterError()
    .addHelpText('after', EXIT_CODE_HELP);

  dryRun(connectionOptions(program.command('apply [name]')))
    .description(`reconcile one VIP with its spec (from --spec-file or $${ENV.spec}): add or edit, never delete-and-recreate; a second run sends no write`)
    .option('--spec-file <path>', `the VIP's spec (vips/<name>.json written at synth)`)
    .option('--reload', 'reload once after writing (Terraform leaves this to the appliance\'s reload resource)')
    .option('--offline', 'with --dry-run: plan against an empty appliance, without network or credentials')
    .option('--saved-state <file>', 'with --dry-run: plan against a state saved by "pacs-lb status --json", without network or credentials')
    .action((name, options) => run(() => apply(name, options, context)));

  dryRun(connectionOptions(program.command('delete <name>')))
    .description('delete one VIP and its real servers; done if it is already gone')
    .addOption(new Option('--layer <layer>', 'refuse unless the VIP on the appliance has this layer').choices(['4', '7']))
    .option('--stack-folder <path>', 'a synthesized stack folder: if it still has the appliance, delete at its current address (Terraform passes .)')
    .action((name, options) => run(() => deleteVip(name, options, context)));

  dryRun(connectionOptions(program.command('reload [appliance]')))
    .description('make the changes applied before take effect: reload-ldirectord if a Layer 4 VIP changed, reload-haproxy if a Layer 7 VIP changed, nothing if nothing changed')
    .addOption(new Option('--layer <layer>', 'reload this layer even with no change pending').choices(['4', '7', 'all']))
    .action((name, options) => run(() => reload(name, options, context)));

  dryRun(connectionOptions(program.command('prune [appliance]')))
    .description(`delete the VIPs named in $${ENV.ownedVips} that the synthesized app no longer has (run by Terraform from the stack folder)`)
    .option('--stack-folder <path>', 'the stack\'s output folder (default: the working directory)')
    .action((_name, options) => run(() => prune(options, context)));

  const states: [string, RealServerState, string][] = [
    ['drain', RealServerState.DRAIN, 'take a real server out gently: existing sessions finish'],
    ['halt', RealServerState.HALT, 'take a real server out at once'],
    ['online', RealServerState.ONLINE, 'put a real server back in rotation'],
  ];
  for (const [name, state, words] of states) {
    dryRun(connectionOptions(program.command(name)))
      .description(`${words} (day-2 maintenance; deploys keep it unless the app sets this server's state)`)
      .requiredOption('--vip <name>', 'the VIP')
      .requiredOption('--rip <name>', 'the real server')
      .action((options) => run(() => setRealServerState(state, options, context)));
  }

  dryRun(connectionOptions(program.command('roll')))
    .description('rolling maintenance of real servers, one at a time: drain, wait for sessions to end, run the optional command (after --, argv, no shell; {vip} {rip} {address} are replaced), wait for the health check, online; resumable')
    .argument('[command...]', 'command run for each server once it is drained, e.g. -- ssh {address} systemctl restart archive')
    .option('--vip <names>', 'the VIP, or VIPs comma-separated (a server in several is rolled in all at once)')
    .option('--component <component>', 'instead of --vip: a component of the Centricity PACS preset (enterpriseArchive, das, zfp, ...)')
    .option('--rip <names>', 'real servers to roll, comma-separated, in order (default: all of the VIPs\')')
    .option('--min-in-rotation <n>', 'never fewer than n other servers of the VIP online and healthy', '1')
    .option('--drain-timeout <seconds>', 'wait this long for sessions to end, then halt (cuts them) with a warning', '600')
    .option('--drain-wait <seconds>', 'on a target that cannot report sessions: wait this long after the drain', '60')
    .option('--health-timeout <seconds>', 'wait this long for the health check to pass', '300')
    .option('--command-timeout <seconds>', 'stop the command after this long', '1800')
    .option('--restart', 'start from the first server, forgetting a stopped roll\'s progress')
    .action((command, options) => run(() => roll(command ?? [], options, context)));

  connectionOptions(program.command('status'))
    .description('the VIPs and real servers with their state and health, as the appliance reports them')
    .option('--json', 'print JSON instead of a table')
    .action((options) => run(() => status(options, context)));

  connectionOptions(program.command('diff [folder]'), false)
    .description(`compare a synthesized folder (default: .) with the appliances: prints what apply would change; exit ${EXIT.drift} on drift`)
    .action((folder, options) => run(() => diff(folder ?? '.', options, context)));

  connectionOptions(program.command('import'))
    .description('read a configuration (the appliance, a saved reply, or the local HAProxy folder) and write the construct code that builds the same VIP set; what it cannot express is listed (docs/import.md)')
    .option('--reply-file <file>', 'read this saved reply of "list --function dumpconfig" (or "pacs-lb status --json" output) instead of the appliance')
    .option('--local-folder <folder>', 'read the VIP specs the local HAProxy target keeps in this folder')
    .option('--name <name>', 'the appliance\'s name in the code when no appliance file gives one')
    .option('--output <file>', 'write the code to this file instead of standard output')
    .addOption(new Option('--language <language>', 'the language of the code').choices(['typescript', 'python']).default('typescript'))
    .option('--library-import <module>', `the module the code imports the constructs from (default: ${LIBRARY_PACKAGE}, in Python ${PYTHON_MODULE})`)
    .option('--class-name <name>', 'the exported stack class', DEFAULT_CLASS_NAME)
    .action((options) => run(() => importSite(options, context)));

  program
    .command('validate [folder]')
    .description('check a synthesized folder (default: .) with the synth-time rules')
    .action((folder) => run(() => validate(folder ?? '.', context)));

  program
    .command('check-scripts <folder>')
    .description('write the DICOM and HL7 check scripts the appliances need into <folder>/<appliance>/, with one line each saying where to upload it (the API cannot upload scripts)')
    .option('--from <folder>', 'the synthesized stack folder to read (default: the working directory)')
    .action((folder, options) => run(() => checkScripts(folder, options, context)));

  program
    .command('report [folder]')
    .description('the visual report of a synthesized folder (default: .): an HTML page with a diagram of the VIPs and real servers, the VIP table, checks, persistence and warnings')
    .option('--output <file>', 'write the page to this file instead of standard output')
    .action((folder, options) => run(() => report(folder ?? '.', options, context)));

  program
    .command('plan-report <plan-json>')
    .description('a change-board report of a saved plan (terraform show -json <planfile> > plan.json): per appliance and VIP, each changed field old -> new, labelled hitless / drains servers / cuts connections / adds / removes, and the VIP table after the change')
    .addOption(new Option('--format <format>', 'markdown or html').choices(['markdown', 'html']).default('markdown'))
    .option('--output <file>', 'write the report to this file instead of standard output')
    .action((file, options) => run(() => planReport(file, options, context)));

  return program;
}

/**
 * Runs `pacs-lb` with the given arguments (without `node` and the script) and returns the exit
 * code. Errors are printed as one line; nothing is thrown.
 */
export async function runCli(argv: string[], env: Record<string, string | undefined>, streams: CliStreams): Promise<number> {
  const debugOn = argv.includes('--debug') || env[ENV.debug] === '1';
  const output = createOutput(streams, debugOn);
  const context: CliContext = { env, output };
  let pending: Promise<number> = Promise.resolve(EXIT.ok);
  const program = buildProgram(context, { stdout: (t) => output.out(t.replace(/\n$/, '')), stderr: (t) => output.err(t.replace(/\n$/, '')) }, async (work) => {
    pending = work();
    await pending;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return await pending;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (e instanceof CliError) {
      output.err(`pacs-lb: ${e.message}`);
      return e.exitCode;
    }
    if (e instanceof SynthFolderError) {
      output.err(`pacs-lb: ${e.message}`);
      return EXIT.usage;
    }
    output.err(`pacs-lb: unexpected error: ${(e as Error).stack ?? String(e)}`);
    return EXIT.internal;
  }
}
