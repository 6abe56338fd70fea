// Live-update tests: real app servers on real sockets over a real database, with the bus each would
// have in production (in-process on SQLite, LISTEN/NOTIFY on PostgreSQL), and the demo's accounts.
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/kernel/config.ts';
import { type Database, type Dialect } from '../../src/kernel/db/connect.ts';
import { openConcordDatabase } from '../../src/open-database.ts';
import { buildApp } from '../../src/app.ts';
import { createLogger } from '../../src/kernel/logger.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { createLiveBus } from '../../src/live/create-live-bus.ts';
import type { LiveBus } from '../../src/live/live-bus.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { ADMIN_TOKEN, DEMO_NOW } from '../support/app.ts';
import type { Resource } from '../../src/kernel/access/can.ts';

export interface LiveServer {
  app: FastifyInstance;
  database: Database;
  bus: LiveBus;
  /** http://127.0.0.1:PORT */
  url: string;
  close(): Promise<void>;
}

export interface Clock {
  now: () => Date;
  advanceMinutes: (minutes: number) => void;
}

export function movableClock(start = '2026-01-01T09:00:00Z'): Clock {
  let current = new Date(start).getTime();
  return { now: () => new Date(current), advanceMinutes: (m) => (current += m * 60_000) };
}

/** A fresh database of `dialect` with the demo loaded. */
export async function demoDatabase(dialect: Dialect): Promise<TestDatabase> {
  const db = await createTestDatabase(dialect);
  await loadDemo(db.database, DEMO_NOW);
  return db;
}

/** An app server listening on a free port over `db` (its own connection pool, its own bus). */
export async function startLiveServer(
  db: TestDatabase,
  clock: Clock,
  env: Record<string, string> = {},
): Promise<LiveServer> {
  const config = {
    ...loadConfig({ ADMIN_TOKEN, LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT: '100000', ...env }),
    database: db.config,
  };
  const logger = createLogger(config);
  const database = await openConcordDatabase(db.config);
  const bus = createLiveBus(db.config, database, logger);
  await bus.start();
  const app = await buildApp({ config, database, logger, now: clock.now, live: bus });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    database,
    bus,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await bus.close();
      await database.close();
    },
  };
}

/** The members of a format, as the resource of an item of that format needs them. */
export async function formatMembers(database: Database, format: string): Promise<string[]> {
  return (
    await database.db.selectFrom('format_members').select('member_code').where('format_code', '=', format).execute()
  ).map((r) => r.member_code);
}

/** A text of the format: what live events and notifications about it carry for `can`. */
export const textResource = (members: readonly string[]): Resource => ({
  type: 'text',
  formatMembers: members,
  part: 'draft',
});
