// Picks the live bus of an installation: LISTEN/NOTIFY on PostgreSQL (several app servers may share
// the database), in-process on SQLite (one server owns the file).
import type { DatabaseConfig } from '../kernel/config.ts';
import type { Database } from '../kernel/db/connect.ts';
import type { Logger } from '../kernel/logger.ts';
import { InProcessLiveBus, type LiveBus } from './live-bus.ts';
import { PgLiveBus } from './pg-live-bus.ts';

export function createLiveBus(config: DatabaseConfig, database: Database, logger: Logger): LiveBus {
  if (config.dialect === 'postgres')
    return new PgLiveBus({ url: config.url, schema: config.schema, db: database.db, logger });
  return new InProcessLiveBus((error) => logger.error({ err: error }, 'live listener failed'));
}
