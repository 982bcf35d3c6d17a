/**
 * The `watchfloor` command line. Every command that acts on data sends an API request (see
 * api-client.ts), so the CLI has no second implementation of any rule. Exit codes:
 * 0 ok · 1 operation failed · 2 usage · 3 configuration or environment · 4 unexpected.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { registerAgencyCreate } from './commands/agency-create.ts';
import { registerEntitiesExport } from './commands/entities-export.ts';
import { registerGraphExpand } from './commands/graph-expand.ts';
import { registerIngest } from './commands/ingest.ts';
import { registerResolutionRetrain } from './commands/resolution-retrain.ts';
import { registerSourceCreate } from './commands/source-create.ts';
import { registerSitesLoad } from './commands/sites-load.ts';
import { registerTimelineExport } from './commands/timeline-export.ts';
import { registerAuditVerify } from './commands/audit-verify.ts';
import { registerDemo } from './commands/demo.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerSearch } from './commands/search.ts';
import { registerServe } from './commands/serve.ts';
import { registerTokenCreate } from './commands/token-create.ts';
import { registerTrends } from './commands/trends.ts';
import { registerUserCreate } from './commands/user-create.ts';
import type { Run } from './command.ts';
import { describeError, EXIT } from './errors.ts';
import { createOutput } from './output.ts';

export function buildProgram(run: Run): Command {
  const program = new Command('watchfloor')
    .description('Watchfloor: the platform a fusion center runs')
    .version(packageVersion())
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .allowExcessArguments(false);
  // Subcommands made with .command() inherit exitOverride and output settings from here.
  registerServe(program, run);
  registerMigrate(program, run);
  registerDemo(program, run);
  registerAgencyCreate(program.command('agency').description('Manage agencies'), run);
  registerSourceCreate(program.command('source').description('Manage sources of records'), run);
  registerIngest(program, run);
  registerEntitiesExport(program.command('entities').description('Resolved entities'), run);
  registerGraphExpand(program.command('graph').description('Link analysis: the entity graph'), run);
  registerResolutionRetrain(
    program.command('resolution').description('Entity resolution: the model and re-resolution'),
    run,
  );
  registerSitesLoad(
    program.command('sites').description('Critical-infrastructure sites for the map'),
    run,
  );
  registerTimelineExport(
    program.command('timeline').description('Records in time order: of an entity, ids or filters'),
    run,
  );
  registerUserCreate(program.command('user').description('Manage user accounts'), run);
  registerTokenCreate(program.command('token').description('Manage API tokens'), run);
  registerAuditVerify(program.command('audit').description('Work with the audit log'), run);
  registerTrends(program, run);
  registerSearch(program, run);
  addJsonFlag(program);
  return program;
}

function packageVersion(): string {
  const pkg = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(pkg) as { version: string }).version;
}

/** Every command takes --json (main() reads it from argv so that usage errors honour it too). */
function addJsonFlag(command: Command): void {
  if (command.commands.length === 0) {
    command.option('--json', 'print the result as one JSON object on stdout');
  }
  command.commands.forEach(addJsonFlag);
}

/** Runs one invocation and resolves with its exit code; never throws. */
export async function main(argv: readonly string[]): Promise<number> {
  // A reader that stops early (`… | head`) is not an error: stop quietly.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
  });
  const beforeDashes = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
  const out = createOutput(beforeDashes.includes('--json'));
  let exitCode: number = EXIT.ok;
  const run: Run = (action) => async (options) => {
    exitCode = await action(options, { out });
  };
  try {
    await buildProgram(run).parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (err) {
    const described = describeError(err);
    if (described.code !== 'cli.help') out.error(described);
    return described.exitCode;
  }
}

// `node src/cli/main.ts …` (npm start, npm run demo); bin/watchfloor.js calls main() itself.
// (import.meta.main would do, but only from Node 24.2.)
const entry = process.argv[1];
if (entry !== undefined && realpathSync(entry) === fileURLToPath(import.meta.url)) {
  const code = await main(process.argv.slice(2));
  process.exitCode = code;
  // Let stdout drain and handles close; if something still holds the event loop, end anyway.
  setTimeout(() => process.exit(code), 2_000).unref();
}
