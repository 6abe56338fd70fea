// Sends the outbox's pending e-mails. Every app server may run one dispatcher; each run leases a
// batch of due rows (notifications.repository.claimDue: a conditional update, FOR UPDATE SKIP LOCKED
// on PostgreSQL) so that two servers never send the same row at once, sends them one by one, and
// records each outcome only under its own lease. Exactly once in practice; at least once in the
// worst case: a server that dies between the mail server's "250 OK" and the status update leaves the
// row leased until the lease lapses (2 minutes), and another server sends it again.
//
// A failing mail server delays mail, never loses it: a row is retried after 30 s, 1, 2, 4 … minutes,
// then hourly, with no attempt limit, keeping attempts, next_attempt_at and last_error for operators.
// Only a message the server refuses for good (5xx on the address) becomes failed_permanently. When
// the server itself is unreachable, the rest of the batch is put back at once with the same delay
// rather than each waiting for its own timeout.
//
// Rows never attempted and older than `maxAgeMs` (72 h) are not sent but marked not_applicable: they
// were queued while e-mail was not configured, and a "deadline within 24 hours" days late misleads.
import { randomUUID } from 'node:crypto';
import type { Database } from '../kernel/db/connect.ts';
import type { Logger } from '../kernel/logger.ts';
import { classifyMailError, type Mailer } from './mailer.ts';
import { DEFAULT_BACKOFF, nextAttemptAt, type Backoff } from './model.ts';
import { claimDue, markNotSent, markRetry, markSent, type ClaimedMail } from './notifications.repository.ts';

export interface DispatcherOptions {
  database: Database;
  mailer: Mailer;
  logger: Logger;
  now: () => Date;
  /** Absolute base for links in mails (PUBLIC_URL). */
  publicUrl: string;
  batchSize?: number;
  /** Pause between runs when there was nothing to do (ms). */
  intervalMs?: number;
  leaseMs?: number;
  backoff?: Backoff;
  maxAgeMs?: number;
}

export interface DispatchReport {
  claimed: number;
  sent: number;
  retried: number;
  failedPermanently: number;
  notApplicable: number;
}

export class MailDispatcher {
  readonly #o: Required<DispatcherOptions>;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<DispatchReport> | null = null;
  #stopped = true;

  constructor(options: DispatcherOptions) {
    this.#o = {
      batchSize: 20,
      intervalMs: 5_000,
      leaseMs: 120_000,
      backoff: DEFAULT_BACKOFF,
      maxAgeMs: 72 * 3_600_000,
      ...options,
    };
  }

  /** One run: lease a batch of due rows and send them. Concurrent calls on one dispatcher share the run. */
  runOnce(): Promise<DispatchReport> {
    this.#running ??= this.#run().finally(() => (this.#running = null));
    return this.#running;
  }

  async #run(): Promise<DispatchReport> {
    const { database, now } = this.#o;
    const db = database.db;
    const token = randomUUID();
    const start = now();
    const report: DispatchReport = { claimed: 0, sent: 0, retried: 0, failedPermanently: 0, notApplicable: 0 };
    const batch = await claimDue(
      db,
      database.dialect,
      token,
      start.toISOString(),
      new Date(start.getTime() + this.#o.leaseMs).toISOString(),
      this.#o.batchSize,
    );
    report.claimed = batch.length;
    for (let i = 0; i < batch.length; i++) {
      const row = batch[i]!;
      if (!row.email) {
        await markNotSent(db, row.id, token, 'not_applicable', 'the account has no address or is disabled', false);
        report.notApplicable += 1;
        continue;
      }
      if (row.attempts === 0 && start.getTime() - Date.parse(row.createdAt) > this.#o.maxAgeMs) {
        await markNotSent(
          db,
          row.id,
          token,
          'not_applicable',
          'queued more than 72 hours ago and never sent (e-mail was not configured); not sent late',
          false,
        );
        report.notApplicable += 1;
        continue;
      }
      try {
        await this.#o.mailer.send(this.#message(row));
        await markSent(db, row.id, token, now().toISOString());
        report.sent += 1;
      } catch (error) {
        const failure = classifyMailError(error);
        if (failure.kind === 'permanent') {
          await markNotSent(db, row.id, token, 'failed_permanently', failure.message, true);
          report.failedPermanently += 1;
          this.#o.logger.warn({ notification: row.id, error: failure.message }, 'mail refused for good; not retried');
          continue;
        }
        // The server is unreachable: this row and the rest of the batch wait for the next attempt.
        const rest = failure.kind === 'server' ? batch.slice(i) : [row];
        for (const r of rest)
          await markRetry(
            db,
            r.id,
            token,
            nextAttemptAt(now(), r.attempts + 1, this.#o.backoff).toISOString(),
            failure.message,
          );
        report.retried += rest.length;
        this.#o.logger.warn({ error: failure.message, delayed: rest.length }, 'mail not sent; will retry');
        if (failure.kind === 'server') break;
      }
    }
    return report;
  }

  #message(row: ClaimedMail) {
    const link = `${this.#o.publicUrl}${row.link}`;
    return {
      to: row.email!,
      subject: `[Concord] ${row.subject}`,
      text: `${row.body}\n\n${link}\n\n-- \nConcord. You receive this because your account may read this item; the same notice is in Concord under Notifications.\n`,
    };
  }

  /** Runs in the background: at once, then again straight away after a full batch or after `intervalMs`. */
  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#schedule(0);
  }

  #schedule(delay: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.runOnce().then(
        (report) =>
          this.#schedule(report.claimed >= this.#o.batchSize && report.retried === 0 ? 0 : this.#o.intervalMs),
        (error: unknown) => {
          this.#o.logger.warn({ err: error }, 'mail dispatcher run failed; trying again later');
          this.#schedule(this.#o.intervalMs);
        },
      );
    }, delay);
    this.#timer.unref();
  }

  /** Stops the background runs and waits for the one in flight. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#running?.catch(() => undefined);
    this.#o.mailer.close();
  }
}
