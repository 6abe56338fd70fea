// Test support for texts: an app over a real database with a movable clock and recording change hooks,
// sign-in through the real API, and a service deps object for calling services and the runner directly.
import { loadConfig, type Config } from '../../src/kernel/config.ts';
import type { Dialect } from '../../src/kernel/db/connect.ts';
import { buildApp } from '../../src/app.ts';
import { createLogger } from '../../src/kernel/logger.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';
import type { FastifyInstance } from 'fastify';
import type { TextChange } from '../../src/texts/text-change.ts';
import type { TextServiceDeps } from '../../src/texts/texts.service.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { ADMIN_TOKEN, DEMO_NOW } from '../support/app.ts';
import type { Clock } from '../accounts/helpers.ts';

export { DEMO, signIn, type Client } from '../accounts/helpers.ts';
export const json = { 'content-type': 'application/json' };

export interface TextsApp {
  app: FastifyInstance;
  db: TestDatabase;
  config: Config;
  clock: Clock;
  /** Changes announced after commit, in order. */
  changes: TextChange[];
  /** Changes handed to the outbox inside the transaction, in order. */
  enqueued: TextChange[];
  /** Set to make the outbox hook throw (to prove it runs inside the transaction). */
  failOutbox: { on: boolean };
  deps: TextServiceDeps;
  close(): Promise<void>;
}

export async function createTextsApp(dialect: Dialect): Promise<TextsApp> {
  const db = await createTestDatabase(dialect);
  await loadDemo(db.database, DEMO_NOW);
  let current = new Date('2026-01-05T09:00:00Z').getTime();
  const clock: Clock = {
    now: () => new Date(current),
    set: (iso) => (current = new Date(iso).getTime()),
    advanceMinutes: (minutes) => (current += minutes * 60_000),
  };
  const changes: TextChange[] = [];
  const enqueued: TextChange[] = [];
  const failOutbox = { on: false };
  const textHooks = {
    onTextChange: (change: TextChange) => void changes.push(change),
    enqueueNotifications: async (_tx: unknown, change: TextChange) => {
      if (failOutbox.on) throw new Error('outbox down');
      enqueued.push(change);
    },
  };
  const config = {
    ...loadConfig({ ADMIN_TOKEN, LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT: '10000' }),
    database: db.config,
  };
  const app = await buildApp({
    config,
    database: db.database,
    logger: createLogger(config),
    now: clock.now,
    textHooks,
  });
  await app.ready();
  const deps: TextServiceDeps = { database: db.database, now: clock.now, ...textHooks };
  return {
    app,
    db,
    config,
    clock,
    changes,
    enqueued,
    failOutbox,
    deps,
    close: async () => {
      await app.close();
      await db.dropAll();
    },
  };
}

export async function auditActions(t: { db: TestDatabase }, objectId: string): Promise<string[]> {
  return (
    await t.db.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('object_id', '=', objectId)
      .orderBy('seq')
      .execute()
  ).map((r) => r.action);
}

export async function auditCount(t: { db: TestDatabase }, action: string): Promise<number> {
  return Number(
    (
      await t.db.database.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('action', '=', action)
        .executeTakeFirstOrThrow()
    ).n,
  );
}
