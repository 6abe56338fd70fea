import type { Kysely } from 'kysely';
import type { DB } from './schema.ts';

/** A connection or a transaction: repositories read through either. */
export type Executor = Kysely<DB>;
