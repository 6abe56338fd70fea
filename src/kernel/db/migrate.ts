// Runs the append-only migrations. Called at start-up by `concord serve` and by `concord migrate`.
// Kysely's migrator takes a lock (an advisory lock on PostgreSQL), so several app servers starting
// together migrate once.
import {
  Migrator,
  sql,
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type Kysely,
  type Migration,
  type MigrationResult,
  type SchemaMetadata,
  type TableMetadata,
} from 'kysely';
import type { Database } from './connect.ts';
import type { DB } from './schema.ts';
import * as m0001 from './migrations/0001_council.ts';
import * as m0002 from './migrations/0002_public_record.ts';
import * as m0003 from './migrations/0003_accounts.ts';
import * as m0004 from './migrations/0004_meetings_events.ts';
import * as m0005 from './migrations/0005_texts.ts';
import * as m0006 from './migrations/0006_notifications.ts';
import * as m0007 from './migrations/0007_workspace_search.ts';

type DialectMigration = { up: (db: Parameters<Migration['up']>[0], dialect: Database['dialect']) => Promise<void> };

const MIGRATIONS: Record<string, DialectMigration> = {
  '0001_council': m0001,
  '0002_public_record': m0002,
  '0003_accounts': m0003,
  '0004_meetings_events': m0004,
  '0005_texts': m0005,
  '0006_notifications': m0006,
  '0007_workspace_search': m0007,
};

/** Applies every pending migration; returns the names applied. Throws with the failing migration named. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  const provider = {
    async getMigrations(): Promise<Record<string, Migration>> {
      return Object.fromEntries(
        Object.entries(MIGRATIONS).map(([name, migration]) => [
          name,
          { up: (db) => migration.up(db, database.dialect) },
        ]),
      );
    },
  };
  // Name the schema explicitly: Kysely looks for its migration tables across all schemas, so another
  // Concord installation in a neighbouring schema would otherwise be mistaken for ours.
  const db = database.schema ? withIntrospectionOf(database.db, database.schema) : database.db;
  const migrator = new Migrator({
    db,
    provider,
    ...(database.schema ? { migrationTableSchema: database.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r: MigrationResult) => r.status === 'Error');
  if (error) {
    const name = failed ? ` (migration ${failed.migrationName})` : '';
    throw new Error(
      `Database migration failed${name}: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
    );
  }
  // Derived indexes follow the schema: the consumers' hooks (e.g. workspace search, which rebuilds its
  // entries when their definition changed) run here, so every path that migrates finds them current.
  for (const hook of database.hooks.afterMigrate) await hook(database, new Date());
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * The migrator asks Kysely's introspector whether its tables exist. On PostgreSQL that introspector reads
 * every schema of the server and calls name-resolving functions (`has_schema_privilege(nspname, …)`,
 * `pg_get_serial_sequence`) on each: when another installation or test drops its schema at that moment,
 * the whole query fails with "schema <theirs> does not exist" — a failure that was seen in CI, and that
 * three retries did not cure under steady churn. This introspector looks only at our schema, by joining
 * the catalog on oids (no name resolution), so a neighbour's DROP SCHEMA cannot touch it. The migrator
 * reads only the names and schemas of tables, so columns are left empty.
 */
function withIntrospectionOf(db: Kysely<DB>, schema: string): Kysely<DB> {
  const introspector: DatabaseIntrospector = {
    async getSchemas(): Promise<SchemaMetadata[]> {
      const { rows } = await sql<{
        name: string;
      }>`select nspname as name from pg_catalog.pg_namespace where nspname = ${schema}`.execute(db);
      return rows;
    },
    async getTables(): Promise<TableMetadata[]> {
      const { rows } = await sql<{ name: string; schema: string; kind: string }>`
        select c.relname as name, n.nspname as schema, c.relkind as kind
        from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ${schema} and c.relkind in ('r', 'p', 'v')`.execute(db);
      return rows.map((row) => ({ name: row.name, schema: row.schema, isView: row.kind === 'v', columns: [] }));
    },
    async getMetadata(): Promise<DatabaseMetadata> {
      return { tables: await this.getTables() };
    },
  };
  // Everything else (queries, transactions, the advisory lock through the adapter) is the real instance.
  return new Proxy(db, {
    get(target, property) {
      if (property === 'introspection') return introspector;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value.bind(target) as unknown) : value;
    },
  });
}
