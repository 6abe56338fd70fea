// Stores parsed pages in batches: one transaction commits up to BATCH_PAGES pages (or BATCH_MS of
// work), and each page runs in its own savepoint, so a page is stored whole or not at all and a failing
// page is rolled back alone. Measured on the 2-core benchmark machine: a commit costs 0.3–0.7 ms (the
// WAL write of every touched page, and on SQLite a checkpoint whenever the WAL is full), which alone
// capped imports at well under 2,000 pages/s with one transaction per page; on SQLite the checkpoints
// of a long import run on their own thread (platform/db/sqlite-checkpoints.ts). Pages are reported only
// after their batch committed, so a crash never leaves a page reported as imported but not stored;
// re-running the import stores the lost batch (imports are idempotent).
import type { ControlledTransaction } from 'kysely';
import type { WriteContext } from '../../kernel/audit/audited-write.ts';
import type { Database } from '../../kernel/db/connect.ts';
import type { DB } from '../../kernel/db/schema.ts';
import type { LegacyItem } from '../legacy-parser/index.ts';
import { recordWriter, type RecordWriter } from '../record-writer.ts';
import { storePage, type PreparedPage } from './store-page.ts';
import { startBackgroundCheckpoints, type BackgroundCheckpoints } from '../../kernel/db/sqlite-checkpoints.ts';
import type { PageReport } from './page-report.ts';

export const BATCH_PAGES = 200;
export const BATCH_MS = 250;

/** A savepoint per page: prepared statements on SQLite (two Kysely round trips a page cost more than the page's SQL), Kysely's on PostgreSQL. */
interface PageSavepoints {
  open(): Promise<void> | void;
  release(): Promise<void> | void;
  rollback(): Promise<void> | void;
}

export class ImportBatch {
  private trx: ControlledTransaction<DB> | null = null;
  private writer: RecordWriter | null = null;
  private savepoints: PageSavepoints | null = null;
  private pending: PageReport[] = [];
  private stored = 0;
  private openedAt = 0;

  /** SQLite: checkpoints on another thread, from the first commit before the last (an import of one batch never needs it). */
  private checkpoints: BackgroundCheckpoints | null = null;
  private closing = false;

  constructor(
    private readonly database: Database,
    private readonly emit: (report: PageReport) => void,
  ) {}

  private async open(): Promise<{ writer: RecordWriter; savepoints: PageSavepoints }> {
    if (!this.trx || !this.writer || !this.savepoints) {
      const trx = await this.database.db.startTransaction().execute();
      this.trx = trx;
      this.openedAt = Date.now();
      // Kysely holds the connection until commit, so statements run directly on it belong to this transaction.
      const writer = recordWriter(this.database, trx);
      // The audit chain is locked once for the batch, before any savepoint, so that rolling a page back
      // cannot release the lock (PostgreSQL releases locks taken inside a rolled-back savepoint); the
      // pages' own lock requests are then already satisfied (a round trip saved per page on PostgreSQL).
      try {
        await writer.audit.lockHead();
        this.writer = { ...writer, audit: { ...writer.audit, lockHead: () => undefined } };
      } catch {
        this.writer = writer; // each page asks for the lock again and reports its own failure, as before
      }
      const connection = this.database.sqlite;
      if (connection) {
        const [open, release, rollback] = ['savepoint page', 'release page', 'rollback to page'].map((text) =>
          connection.prepare(text),
        );
        this.savepoints = {
          open: () => void open!.run(),
          release: () => void release!.run(),
          rollback: () => void rollback!.run(),
        };
      } else {
        let savepoint: Awaited<ReturnType<ReturnType<typeof trx.savepoint<'page'>>['execute']>> | null = null;
        this.savepoints = {
          open: async () => {
            savepoint = await trx.savepoint('page').execute();
          },
          release: async () => void (await savepoint?.releaseSavepoint('page').execute()),
          rollback: async () => void (await savepoint?.rollbackToSavepoint('page').execute()),
        };
      }
    }
    return { writer: this.writer, savepoints: this.savepoints };
  }

  /** Stores one parsed page in the open batch; the report is completed and emitted after commit. */
  async store(
    report: PageReport,
    identity: string,
    page: LegacyItem,
    ctx: WriteContext,
    prepared?: PreparedPage,
  ): Promise<void> {
    const { writer, savepoints } = await this.open();
    await savepoints.open();
    try {
      const outcome = await storePage(writer, ctx, identity, page, prepared);
      await savepoints.release();
      report.status = outcome.status;
      report.slug = outcome.slug;
      this.stored += 1;
    } catch (error) {
      await savepoints.rollback();
      await savepoints.release();
      report.status = 'failed';
      report.message = `not stored: ${(error as Error).message}`;
    }
    await this.add(report);
  }

  /** Queues a report that needed no storage (not a document, unreadable), keeping the order of pages. */
  async add(report: PageReport): Promise<void> {
    this.pending.push(report);
    if (this.pending.length >= BATCH_PAGES || (this.trx && Date.now() - this.openedAt >= BATCH_MS)) await this.flush();
  }

  /** Commits the open batch, emits its reports, and stops the background checkpoints. */
  async close(): Promise<void> {
    this.closing = true;
    try {
      await this.flush();
    } finally {
      const checkpoints = this.checkpoints;
      this.checkpoints = null;
      await checkpoints?.stop();
    }
  }

  /** Commits the open batch and emits its reports; if the commit fails, its stored pages are reported failed. */
  // Checkpoints only ever cost speed: if the thread cannot be started, SQLite keeps checkpointing in commits.
  private checkpointAfterCommit(): void {
    try {
      if (!this.checkpoints && !this.closing && this.database.sqlite)
        this.checkpoints = startBackgroundCheckpoints(this.database.sqlite);
      this.checkpoints?.afterCommit();
    } catch {
      this.checkpoints = null;
    }
  }

  async flush(): Promise<void> {
    if (this.trx) {
      const trx = this.trx;
      this.trx = null;
      this.writer = null;
      this.savepoints = null;
      let committed = false;
      try {
        await trx.commit().execute();
        committed = true;
      } catch (error) {
        await trx
          .rollback()
          .execute()
          .catch(() => undefined);
        for (const report of this.pending) {
          if (report.status === 'failed' || report.status === 'not_a_document') continue;
          report.status = 'failed';
          report.message = `not stored: the batch could not be committed (${(error as Error).message}); run the import again`;
        }
      }
      if (committed) this.checkpointAfterCommit();
    }
    const reports = this.pending;
    this.pending = [];
    this.stored = 0;
    for (const report of reports) this.emit(report);
  }
}
