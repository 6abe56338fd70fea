// Starting and stopping the server: open the database, migrate, load the demo into a database created
// by this start, build the app, listen; on SIGTERM/SIGINT stop taking requests, finish the ones in
// flight, close the database, exit.
import type { FastifyInstance } from 'fastify';
import type { Config } from './kernel/config.ts';
import { type Database } from './kernel/db/connect.ts';
import { openConcordDatabase } from './open-database.ts';
import { migrateToLatest } from './kernel/db/migrate.ts';
import { buildApp } from './app.ts';
import { startDeadlineReminders } from './notifications/deadline-reminders.ts';
import { startSessionSweeper } from './accounts/session-sweeper.ts';
import { createLogger, type Logger } from './kernel/logger.ts';
import { loadDemo } from './demo/load-demo.ts';
import { DEMO_PASSWORD, describeDemoAccounts } from './accounts/demo-accounts.ts';
import { createLiveBus } from './live/create-live-bus.ts';
import type { LiveBus } from './live/live-bus.ts';
import { MailDispatcher } from './notifications/dispatcher.ts';
import { describeSmtp, smtpMailer } from './notifications/mailer.ts';
import { startDeadlineRunner } from './texts/deadline-runner.ts';
import type { TextChangeHooks } from './texts/text-change.ts';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  logger: Logger;
  stop(): Promise<void>;
}

/** Starts Concord. `demo: true` loads the demo council when this start created the database. */
export async function startServer(
  config: Config,
  options: { demo: boolean; logger?: Logger; textHooks?: TextChangeHooks },
): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config);
  const database = await openConcordDatabase(config.database);
  let live: LiveBus | null = null;
  try {
    const applied = await migrateToLatest(database);
    if (applied.length > 0) logger.info({ migrations: applied, database: database.description }, 'database migrated');
    const brandNew = applied.includes('0001_council');
    if (brandNew && options.demo) {
      const report = await loadDemo(database, new Date());
      logger.info(
        { ...report, demoAccounts: describeDemoAccounts(), demoPassword: DEMO_PASSWORD },
        `brand-new database: loaded the demo council (NATO-Russia Council, 25 September 2002); start with --no-demo to begin empty. Demo accounts (demo data, password ${DEMO_PASSWORD}): ${describeDemoAccounts()}`,
      );
    } else if (brandNew) {
      logger.info('brand-new database: starting empty (--no-demo)');
    }
    // Live updates: LISTEN/NOTIFY on PostgreSQL (every app server hears every change), in-process on SQLite.
    const bus = (live = createLiveBus(config.database, database, logger));
    await bus.start();
    const app = await buildApp({
      config,
      database,
      logger,
      live: bus,
      ...(options.textHooks ? { textHooks: options.textHooks } : {}),
    });
    const textHooks = app.deps.textHooks;
    // Notification e-mail, when SMTP is configured; each app server runs a dispatcher (rows are leased).
    const dispatcher = config.mail
      ? new MailDispatcher({
          database,
          mailer: smtpMailer(config.mail.smtpUrl, config.mail.from),
          logger,
          now: () => new Date(),
          publicUrl: config.publicUrl,
        })
      : null;
    if (config.mail) logger.info({ smtp: describeSmtp(config.mail.smtpUrl) }, 'notification e-mail enabled');
    await app.listen({ port: config.port, host: config.host });
    dispatcher?.start();
    // Silence deadlines that fell due (also while every server was down) are handled now and every
    // DEADLINE_CHECK_SECONDS; exactly once across servers (texts/deadline-runner.ts).
    const deadlines = startDeadlineRunner(
      { database, now: () => new Date(), ...textHooks },
      { intervalSeconds: config.deadlineCheckSeconds, logger },
    );
    // Housekeeping and reminders, on every app server (each is safe to run concurrently).
    const reminders = startDeadlineReminders(database, logger);
    const sweeper = startSessionSweeper(database, logger);
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const url = `http://${host}:${port}/`;
    logger.info({ url, database: database.description }, 'Concord is serving');
    let stopping: Promise<void> | null = null;
    return {
      app,
      database,
      url,
      logger,
      stop: () =>
        (stopping ??= (async () => {
          await deadlines.stop();
          await reminders.stop();
          sweeper.stop();
          await dispatcher?.stop();
          await app.close();
          await bus.close();
          await database.close();
        })()),
    };
  } catch (error) {
    await live?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
}

/** Stops the server gracefully on SIGTERM/SIGINT; a second signal exits at once. */
export function stopOnSignals(server: RunningServer): void {
  let received = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (received) process.exit(1);
    received = true;
    server.logger.info({ signal }, 'shutting down: finishing requests in flight');
    server.stop().then(
      () => {
        server.logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        server.logger.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
