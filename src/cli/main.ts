// The `concord` command. Each subcommand parses its flags, does one job, and prints on purpose
// (this is the only place that writes to the terminal directly). Failures print one line and exit 1.
import { Command, InvalidArgumentError } from 'commander';
import { loadConfig, ConfigError, type Config } from '../kernel/config.ts';
import { type Database } from '../kernel/db/connect.ts';
import { openConcordDatabase } from '../open-database.ts';
import { migrateToLatest } from '../kernel/db/migrate.ts';
import { verifyAuditChain } from '../kernel/audit/audit.repository.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { DEMO_PASSWORD, describeDemoAccounts } from '../accounts/demo-accounts.ts';
import { startServer, stopOnSignals } from '../server.ts';
import { runImportCommand } from './import-command.ts';
import { addAccountsCommand } from './accounts-command.ts';
import { useCouncilMessages } from '../kernel/fields.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

function parsePort(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535)
    throw new InvalidArgumentError('must be a whole number between 0 and 65535.');
  return Number(value);
}

async function withDatabase<T>(config: Config, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openConcordDatabase(config.database);
  try {
    await migrateToLatest(database);
    return await work(database);
  } finally {
    await database.close();
  }
}

/** Builds the command tree; exported for tests. */
export function buildCli(env: Record<string, string | undefined> = process.env): Command {
  useCouncilMessages();
  const program = new Command('concord')
    .description('Concord: the secretariat system of a multilateral council.')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('serve')
    .description('Run the web server (migrates the database first; loads the demo council into a brand-new database).')
    .option('--no-demo', 'start with an empty database instead of the demo council')
    .option('-p, --port <port>', 'port to listen on (overrides PORT)', parsePort)
    .option('--host <host>', 'interface to bind (overrides HOST)')
    .action(async (opts: { demo: boolean; port?: number; host?: string }) => {
      const config = loadConfig(env);
      if (opts.port !== undefined) config.port = opts.port;
      if (opts.host) config.host = opts.host;
      const server = await startServer(config, { demo: opts.demo });
      stopOnSignals(server);
      err(`\nConcord is running at ${server.url}  (data: ${server.database.description})\nPress Ctrl+C to stop.\n`);
    });

  program
    .command('demo')
    .description(
      'Load or refresh the demo council (NATO-Russia Council, 25 September 2002). Running it twice changes nothing.',
    )
    .action(async () => {
      const config = loadConfig(env);
      const report = await withDatabase(config, (database) => loadDemo(database, new Date()));
      out(`Demo council loaded: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged.`);
      out(`Demo accounts (demo data, password ${DEMO_PASSWORD}): ${describeDemoAccounts()}.`);
    });

  program
    .command('migrate')
    .description('Apply pending database migrations and exit.')
    .action(async () => {
      const config = loadConfig(env);
      const database = await openConcordDatabase(config.database);
      try {
        const applied = await migrateToLatest(database);
        out(
          applied.length
            ? `Applied ${applied.length} migration(s): ${applied.join(', ')}.`
            : 'The database is up to date.',
        );
      } finally {
        await database.close();
      }
    });

  program
    .command('import')
    .description(
      'Import legacy archive pages (plain text or HTML files, or folders of them) into the public record. Idempotent: re-importing a page changes nothing; a changed page becomes a new revision.',
    )
    .argument('<paths...>', 'files or folders to import')
    .option('--dry-run', 'parse only: store nothing')
    .option(
      '--json',
      'machine-readable output: with --dry-run one JSON object per page (JSON Lines), otherwise the summary as JSON',
    )
    .option('--max-bytes <n>', 'refuse pages larger than this many bytes', (v) => {
      if (!/^\d+$/.test(v) || Number(v) < 1)
        throw new InvalidArgumentError('must be a positive whole number of bytes.');
      return Number(v);
    })
    .addHelpText('after', '\nOutput of --dry-run --json is a stable interface, documented in docs/import.md.')
    .action(async (paths: string[], opts: { dryRun?: boolean; json?: boolean; maxBytes?: number }) => {
      const config = loadConfig(env);
      process.exitCode = await withDatabase(config, (database) => runImportCommand(database, paths, opts));
    });

  const audit = program.command('audit').description('Work with the audit trail.');
  audit
    .command('verify')
    .description(
      'Check the whole hash chain of the audit trail; names the first altered or missing row. Exit code 1 when the chain is broken.',
    )
    .action(async () => {
      const config = loadConfig(env);
      const verdict = await withDatabase(config, (database) => verifyAuditChain(database));
      if (verdict.ok) {
        out(`Audit trail intact: ${verdict.rows} events, head ${verdict.headHash}.`);
      } else {
        err(`Audit trail BROKEN at row ${verdict.problem.seq}: ${verdict.problem.message}`);
        process.exitCode = 1;
      }
    });

  addAccountsCommand(program, env, withDatabase);

  return program;
}

/** Runs the CLI; known failures become one clear line on stderr and exit code 1. */
export async function main(argv: string[] = process.argv): Promise<void> {
  // `concord import --dry-run --json … | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  try {
    await buildCli().parseAsync(argv);
  } catch (error) {
    if (error instanceof ConfigError) err(`concord: ${error.message}`);
    else err(`concord: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
