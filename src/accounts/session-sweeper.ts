// Removes expired sessions every hour (and once at start-up), so the sessions table holds live sessions
// only, whatever the users do. Safe on several app servers at once: each deletes what has expired; a row
// deleted by another server is simply not there any more.
import type { Database } from '../kernel/db/connect.ts';
import type { Logger } from '../kernel/logger.ts';
import { repeatEvery } from '../kernel/periodic.ts';
import { sweepExpiredSessions } from './sessions.repository.ts';

export interface Sweeper {
  stop(): void;
}

export function startSessionSweeper(
  database: Database,
  logger: Logger,
  options: { now?: () => Date; everyMs?: number } = {},
): Sweeper {
  const now = options.now ?? (() => new Date());
  const periodic = repeatEvery(options.everyMs ?? 60 * 60 * 1000, () =>
    sweepExpiredSessions(database.db, now().toISOString())
      .then((removed) => {
        if (removed > 0) logger.info({ removed }, 'expired sessions removed');
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'could not remove expired sessions; will try again')),
  );
  return { stop: () => periodic.stop() };
}
