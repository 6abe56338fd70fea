// A real app on a real, private database, for HTTP tests through inject() or a socket.
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/kernel/config.ts';
import type { Dialect } from '../../src/kernel/db/connect.ts';
import { buildApp } from '../../src/app.ts';
import { createLogger } from '../../src/kernel/logger.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
export const DEMO_NOW = new Date('2002-09-25T08:00:00Z');

export interface TestApp {
  app: FastifyInstance;
  db: TestDatabase;
  config: Config;
  close(): Promise<void>;
}

/** Builds the app over a fresh database of `dialect`, with the demo loaded unless `demo: false`. */
export async function createTestApp(
  dialect: Dialect,
  options: { demo?: boolean; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const db = await createTestDatabase(dialect);
  if (options.demo !== false) await loadDemo(db.database, DEMO_NOW);
  const config = { ...loadConfig({ ADMIN_TOKEN, LOG_LEVEL: 'silent', ...options.env }), database: db.config };
  const app = await buildApp({
    config,
    database: db.database,
    logger: createLogger(config),
    now: () => new Date('2026-01-01T00:00:00Z'),
  });
  await app.ready();
  return {
    app,
    db,
    config,
    close: async () => {
      await app.close();
      await db.dropAll();
    },
  };
}

export const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
