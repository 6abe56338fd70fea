// Real databases for tests: a fresh SQLite file, and a fresh schema in the PostgreSQL server at
// TEST_DATABASE_URL (default: the local server, database `test`). Every test database is private to
// its test, so runs and parallel files never collide. PostgreSQL is required, never silently skipped.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DatabaseConfig } from '../../src/kernel/config.ts';
import { type Database, type Dialect } from '../../src/kernel/db/connect.ts';
import { openConcordDatabase } from '../../src/open-database.ts';
import { migrateToLatest } from '../../src/kernel/db/migrate.ts';

export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
export const DIALECTS: Dialect[] = ['sqlite', 'postgres'];

export interface TestDatabase {
  database: Database;
  config: DatabaseConfig;
  /** Environment variables that point a child process at the same database. */
  env: Record<string, string>;
  dropAll(): Promise<void>;
}

/** Fails with a message naming the missing piece when PostgreSQL cannot be reached. */
export async function assertPostgresReachable(): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `The tests need PostgreSQL at ${TEST_POSTGRES_URL} but cannot reach it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). ` +
        'Start it (on Debian: pg_ctlcluster 15 main start) or point TEST_DATABASE_URL at a server where the tests may create schemas.',
      { cause: error },
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A private, empty database config of the given dialect (not yet opened). */
export async function freshDatabaseConfig(
  dialect: Dialect,
): Promise<{ config: DatabaseConfig; env: Record<string, string>; cleanup: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'concord-test-'));
    const file = join(dir, 'concord.db');
    return {
      config: { dialect, file },
      env: { DATA_DIR: dir, DATABASE_URL: '' },
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  await assertPostgresReachable();
  const schema = `test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  return {
    config: { dialect, url: TEST_POSTGRES_URL, schema },
    env: { DATABASE_URL: TEST_POSTGRES_URL, DATABASE_SCHEMA: schema },
    cleanup: async () => {
      const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}

/** Opens and migrates a private database of the given dialect. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  const { config, env, cleanup } = await freshDatabaseConfig(dialect);
  const database = await openConcordDatabase(config);
  await migrateToLatest(database);
  return {
    database,
    config,
    env,
    dropAll: async () => {
      await database.close();
      await cleanup();
    },
  };
}
