// Part of the composition root: opens the database with the cross-cutting consumers attached. The
// kernel's audited write and migrator call the hooks registered here without knowing who keeps them,
// so every process that writes (serve, the CLI, the demo loader, tests, benchmarks) opens its
// database through this function, and derived data cannot be forgotten by one of them.
import type { DatabaseConfig } from './kernel/config.ts';
import { openDatabase, type Database } from './kernel/db/connect.ts';
import { ensureWorkspaceSearch, refreshSearchEntries } from './search/workspace-index.ts';

/** Registers the consumers' write and migration hooks on an open database (once; a second call changes nothing). */
export function attachConsumers(database: Database): Database {
  if (!database.hooks.afterWrite.includes(refreshSearchEntries)) database.hooks.afterWrite.push(refreshSearchEntries);
  if (!database.hooks.afterMigrate.includes(ensureWorkspaceSearch))
    database.hooks.afterMigrate.push(ensureWorkspaceSearch);
  return database;
}

/** Opens the configured database (SQLite or PostgreSQL) with every consumer attached. */
export async function openConcordDatabase(config: DatabaseConfig): Promise<Database> {
  return attachConsumers(await openDatabase(config));
}
