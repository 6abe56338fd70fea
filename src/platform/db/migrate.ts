// Runs the append-only migrations. Called at start-up by `concord serve` and by `concord migrate`.
// Kysely's migrator takes a lock (an advisory lock on PostgreSQL), so several app servers starting
// together migrate once.
import { Migrator, type Migration, type MigrationResult } from 'kysely';
import type { Database } from './connect.ts';
import * as m0001 from './migrations/0001_council.ts';
import * as m0002 from './migrations/0002_public_record.ts';
import * as m0003 from './migrations/0003_accounts.ts';
import * as m0004 from './migrations/0004_meetings_events.ts';
import * as m0005 from './migrations/0005_texts.ts';
import * as m0006 from './migrations/0006_notifications.ts';

type DialectMigration = { up: (db: Parameters<Migration['up']>[0], dialect: Database['dialect']) => Promise<void> };

const MIGRATIONS: Record<string, DialectMigration> = {
  '0001_council': m0001,
  '0002_public_record': m0002,
  '0003_accounts': m0003,
  '0004_meetings_events': m0004,
  '0005_texts': m0005,
  '0006_notifications': m0006,
};

/** Applies every pending migration; returns the names applied. Throws with the failing migration named. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  const provider = {
    async getMigrations(): Promise<Record<string, Migration>> {
      return Object.fromEntries(
        Object.entries(MIGRATIONS).map(([name, migration]) => [name, { up: (db) => migration.up(db, database.dialect) }]),
      );
    },
  };
  // Name the schema explicitly: Kysely looks for its migration tables across all schemas, so another
  // Concord installation in a neighbouring schema would otherwise be mistaken for ours.
  const migrator = new Migrator({ db: database.db, provider, ...(database.schema ? { migrationTableSchema: database.schema } : {}) });
  let { error, results } = await migrator.migrateToLatest();
  // Kysely looks for its migration tables by introspecting every schema of the server; when another
  // installation (or test) drops its schema at that moment, PostgreSQL can fail the catalog query with
  // "schema <theirs> does not exist". Nothing has been migrated then (the migrations run after that
  // check, in a transaction), so trying again is safe; a missing schema of our own is not retried.
  for (let attempt = 1; attempt < 4 && error && isNeighbourSchemaRace(error, database.schema); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    ({ error, results } = await migrator.migrateToLatest());
  }
  const failed = results?.find((r: MigrationResult) => r.status === 'Error');
  if (error) {
    const name = failed ? ` (migration ${failed.migrationName})` : '';
    throw new Error(`Database migration failed${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** A PostgreSQL "schema does not exist" (3F000) about a schema other than ours: a concurrent DROP SCHEMA. */
export function isNeighbourSchemaRace(error: unknown, ours: string | null): boolean {
  const e = error as { code?: string; message?: string } | null;
  if (!e || e.code !== '3F000' || ours === null) return false;
  const named = /schema "([^"]+)" does not exist/.exec(e.message ?? '')?.[1];
  return named !== undefined && named !== ours;
}
