// Test support for accounts: an app over a real database with a clock the test moves, and sign-in
// through the real API (cookie and CSRF token as a browser would keep them).
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/kernel/config.ts';
import type { Dialect } from '../../src/kernel/db/connect.ts';
import { buildApp } from '../../src/app.ts';
import { createLogger } from '../../src/kernel/logger.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { DEMO_PASSWORD } from '../../src/accounts/demo-accounts.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { ADMIN_TOKEN, DEMO_NOW } from '../support/app.ts';

export { DEMO_PASSWORD };
export const json = { 'content-type': 'application/json' };
export const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
export const DEMO = {
  secretariat: 'secretariat@demo.concord',
  chair: 'chair@demo.concord',
  headRu: 'head.ru@demo.concord',
  headPl: 'head.pl@demo.concord',
  auditor: 'auditor@demo.concord',
} as const;

export interface Clock {
  now: () => Date;
  set: (iso: string) => void;
  advanceMinutes: (minutes: number) => void;
}

export interface AccountsApp {
  app: FastifyInstance;
  db: TestDatabase;
  config: Config;
  clock: Clock;
  close(): Promise<void>;
}

/** The app over a fresh database of `dialect` (demo loaded unless demo: false), with a movable clock. */
export async function createAccountsApp(
  dialect: Dialect,
  options: { demo?: boolean; env?: Record<string, string> } = {},
): Promise<AccountsApp> {
  const db = await createTestDatabase(dialect);
  if (options.demo !== false) await loadDemo(db.database, DEMO_NOW);
  let current = new Date('2026-01-01T09:00:00Z').getTime();
  const clock: Clock = {
    now: () => new Date(current),
    set: (iso) => (current = new Date(iso).getTime()),
    advanceMinutes: (minutes) => (current += minutes * 60_000),
  };
  // Generous sign-in rate limit: the tests sign in often from one address; one test lowers it.
  const config = {
    ...loadConfig({ ADMIN_TOKEN, LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT: '10000', ...options.env }),
    database: db.config,
  };
  const app = await buildApp({ config, database: db.database, logger: createLogger(config), now: clock.now });
  await app.ready();
  return {
    app,
    db,
    config,
    clock,
    close: async () => {
      await app.close();
      await db.dropAll();
    },
  };
}

/** A signed-in client: its cookie header and the session's CSRF token. */
export interface Client {
  cookie: string;
  csrf: string;
  userId: string;
  headers: { cookie: string; 'x-csrf-token': string };
}

/** The value of a Set-Cookie of the response, or undefined. */
export function setCookie(res: LightMyRequestResponse, name: string) {
  return res.cookies.find((c) => c.name === name) as
    | {
        name: string;
        value: string;
        httpOnly?: boolean;
        sameSite?: string;
        secure?: boolean;
        path?: string;
        maxAge?: number;
        expires?: Date;
      }
    | undefined;
}

/** Signs in through POST /api/v1/session; throws with the answer when it fails. */
export async function signIn(
  app: FastifyInstance,
  email: string,
  password = DEMO_PASSWORD,
  extra: Record<string, string> = {},
): Promise<Client> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    headers: { ...json, ...extra },
    payload: { email, password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  const token = setCookie(res, 'concord_session')!.value;
  const cookie = `concord_session=${token}`;
  const csrf = res.json().csrfToken as string;
  return { cookie, csrf, userId: res.json().user.id, headers: { cookie, 'x-csrf-token': csrf } };
}

/** The number of audit events, optionally of one action. */
export async function auditCount(t: AccountsApp, action?: string): Promise<number> {
  let query = t.db.database.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n'));
  if (action) query = query.where('action', '=', action);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** The audit events of one action, oldest first, with parsed summaries. */
export async function auditEvents(t: AccountsApp, action: string) {
  const rows = await t.db.database.db
    .selectFrom('audit_events')
    .selectAll()
    .where('action', '=', action)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ ...r, summary: JSON.parse(r.summary) as Record<string, unknown> }));
}
