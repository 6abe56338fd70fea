// The checkpoint thread of sqlite-checkpoints.ts: its own connection to the database file, a PASSIVE
// checkpoint per request (requests that arrive while one runs are merged into the next). Plain
// JavaScript so that it starts in milliseconds.
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

const connection = new SQLite(workerData.file, { fileMustExist: true });
let pending = false;
let running = false;
let closed = false;

function run() {
  if (closed) return;
  running = true;
  while (pending) {
    pending = false;
    connection.pragma('wal_checkpoint(PASSIVE)');
  }
  running = false;
}

parentPort.on('message', (message) => {
  if (message === 'stop') {
    closed = true;
    connection.close();
    parentPort.close();
    return;
  }
  pending = true;
  // Let requests that are already queued merge into this checkpoint.
  if (!running) setImmediate(run);
});
