import { PostgresAdapter, type Kysely } from 'kysely';
import type { Dialect } from './connect.ts';
import type { DB } from './schema.ts';

/** A connection or a transaction: repositories read through either. */
export type Executor = Kysely<DB>;

/** The dialect behind a connection or transaction, for the few statements that differ (JSON). */
export function dialectOf(db: Executor): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
