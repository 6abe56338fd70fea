// "Deadline within 24 hours" notices: every minute (and at start-up) each app server scans the texts
// under silence whose deadline falls in the next 24 hours. The outbox's dedupe key makes the scan
// idempotent across runs and servers (notifications.service.ts scanDeadlinesSoon).
import type { Database } from '../kernel/db/connect.ts';
import type { Logger } from '../kernel/logger.ts';
import { repeatEvery } from '../kernel/periodic.ts';
import { scanDeadlinesSoon } from './notifications.service.ts';
import { textDeadlines } from './text-notices.ts';

export interface DeadlineReminders {
  stop(): Promise<void>;
}

export function startDeadlineReminders(
  database: Database,
  logger: Logger,
  options: { now?: () => Date; everyMs?: number } = {},
): DeadlineReminders {
  const now = options.now ?? (() => new Date());
  const periodic = repeatEvery(options.everyMs ?? 60_000, () =>
    scanDeadlinesSoon(database, now(), textDeadlines(database.db))
      .then((written) => {
        if (written > 0) logger.info({ written }, 'queued "deadline within 24 hours" notices');
      })
      .catch((error: unknown) =>
        logger.warn({ err: error }, 'deadline reminders: scan failed; retrying at the next one'),
      ),
  );
  return {
    stop: async () => {
      periodic.stop();
      await periodic.idle();
    },
  };
}
