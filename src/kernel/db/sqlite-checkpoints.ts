// WAL checkpoints off the writing thread, for long write runs on SQLite (the importer). SQLite normally
// checkpoints inside the commit that fills the WAL past 1,000 pages: the writer copies the WAL into the
// database file and waits for the disk to sync it. In the import benchmark that was a third of the
// storing thread's time on this VM's slow disk. Here a second connection on a small worker thread runs
// a PASSIVE checkpoint after each commit while the writer goes on with the next batch; when it has
// finished before the next commit, SQLite starts the WAL over as usual, so the WAL stays about one batch
// long. Durability is unchanged: the same WAL with synchronous=NORMAL, checkpointed by another
// connection (which SQLite's WAL design allows at any time, and a crash mid-checkpoint is safe).
import type SQLite from 'better-sqlite3';
import { Worker } from 'node:worker_threads';

export interface BackgroundCheckpoints {
  /** Asks for a checkpoint of what has been committed (requests made while one runs are merged). */
  afterCommit(): void;
  /** Stops the worker and gives the connection back its automatic checkpoints. */
  stop(): Promise<void>;
}

/** Starts background checkpoints for `connection` (a file database in WAL mode); null when there is nothing to do. */
export function startBackgroundCheckpoints(connection: SQLite.Database): BackgroundCheckpoints | null {
  if (connection.memory || connection.pragma('journal_mode', { simple: true }) !== 'wal') return null;
  const automatic = connection.pragma('wal_autocheckpoint', { simple: true }) as number;
  const worker = new Worker(new URL('./sqlite-checkpoints.worker.mjs', import.meta.url), {
    workerData: { file: connection.name },
    execArgv: [],
  });
  worker.unref();
  // A failed checkpoint thread only costs speed: the connection gets its automatic checkpoints back.
  let failed: Error | null = null;
  worker.on('error', (error) => {
    failed = error;
    if (connection.open) connection.pragma(`wal_autocheckpoint = ${automatic}`);
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  connection.pragma('wal_autocheckpoint = 0');
  let stopped = false;
  return {
    afterCommit() {
      if (!stopped && !failed) worker.postMessage('checkpoint');
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      if (connection.open) connection.pragma(`wal_autocheckpoint = ${automatic}`);
      worker.ref(); // an unref'd worker would not keep the process waiting for its exit
      worker.postMessage('stop');
      await exited;
    },
  };
}
