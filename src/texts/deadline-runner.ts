// Durable, exactly-once silence deadlines. Deadlines live in the database (texts.deadline_at, indexed),
// not in timers: at start-up and every few seconds each app server asks for the texts whose deadline is
// due and sends each one `deadlineReached` in its own transaction (texts.service.ts `reachDeadline`).
//
// Why a text is adopted exactly once, however many servers run this, and whenever they notice:
// - the transaction first takes the audit chain's write lock (auditedWrite: SELECT … FOR UPDATE of the
//   one audit_head row on PostgreSQL; SQLite has a single writer), then re-reads the text and locks it;
// - so two servers handling the same text run one after the other, and the second reads the state the
//   first committed (READ COMMITTED: each statement sees what committed before it started): the text is
//   adopted, the state machine refuses with TEXT_ADOPTED, and the runner writes nothing;
// - `transition` decides on the stored state and the event's time only, and records the adoption at the
//   deadline in force, with recordedAt = when it was noticed: a server that was down adopts at restart,
//   with the same adoption time it would have recorded on time;
// - the decision row's unique text_id and (prefix, year, sequence) are the backstop.
import type { Logger } from '../kernel/logger.ts';
import { dueTextIds } from './texts.repository.ts';
import { reachDeadline, type TextServiceDeps } from './texts.service.ts';

export interface DeadlineRunReport {
  /** Texts due when asked. */
  due: number;
  /** Texts this call adopted, with their decision references. */
  adopted: { textId: string; reference: string }[];
  /** Texts that failed (logged); they are retried at the next run. */
  failed: string[];
}

const BATCH = 100;

/** Handles every text whose deadline is at or before `now`; safe to call from any number of servers at once. */
export async function runDueDeadlines(deps: TextServiceDeps, now: Date, logger?: Logger): Promise<DeadlineRunReport> {
  const report: DeadlineRunReport = { due: 0, adopted: [], failed: [] };
  const seen = new Set<string>();
  for (;;) {
    const ids = (await dueTextIds(deps.database.db, now.toISOString(), BATCH)).filter((id) => !seen.has(id));
    if (ids.length === 0) return report;
    report.due += ids.length;
    for (const id of ids) {
      seen.add(id);
      try {
        const result = await reachDeadline(deps, id, now);
        if (result?.decision) report.adopted.push({ textId: id, reference: result.decision.reference });
      } catch (error) {
        report.failed.push(id);
        logger?.error(
          { err: error, textId: id },
          'deadline runner: could not handle a due text; it is retried at the next run',
        );
      }
    }
  }
}

export interface DeadlineRunner {
  /** Stops the timer and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

/** Runs `runDueDeadlines` now and then every `intervalSeconds` (never two runs at once on one server). */
export function startDeadlineRunner(
  deps: TextServiceDeps,
  options: { intervalSeconds: number; logger?: Logger },
): DeadlineRunner {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = runDueDeadlines(deps, deps.now(), options.logger)
      .then((report) => {
        if (report.adopted.length > 0)
          options.logger?.info(
            { adopted: report.adopted },
            `deadline runner: adopted ${report.adopted.length} text(s) whose silence held`,
          );
      })
      .catch((error: unknown) =>
        options.logger?.error({ err: error }, 'deadline runner: run failed; retrying at the next interval'),
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.intervalSeconds * 1000);
      });
  };
  tick();
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
