// The importer's first stage: walk the paths, read each file and parse it, in walk order. It runs on a
// worker thread so that on a 2-core machine one core parses while the other stores: parsing and storing
// took about the same CPU per page in the import benchmark, and one thread doing both capped the import
// at about 1,400 pages/s. The worker runs at most WINDOW pages ahead of the consumer, so memory stays
// flat on any batch; it is started once per process and reused by later imports.
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { parseLegacyPage } from '../legacy-parser/index.ts';
import { preparePage } from './store-page.ts';
import type { PageReport } from './page-report.ts';
import { walkSourcesSync, type WalkEntry } from './walk-sources.ts';

/** Pages the reader may run ahead of the consumer (about 10 KB each once parsed). */
export const WINDOW = 256;
/** Pages sent per message: one message per page cost more than the copying. */
const CHUNK = 16;

/** Parses one page held in memory into its report (nothing stored yet); never throws. */
export function parseReport(given: string, content: Uint8Array, maxBytes: number): PageReport {
  const parsed = parseLegacyPage({ source: given, content, maxBytes });
  if (parsed.status === 'error') {
    // The parser names the source in its message; the report already carries it.
    const message = (parsed.error ?? 'the page could not be parsed').replace(`${given}: `, '');
    return { source: given, status: 'failed', needsReview: false, message, parsed };
  }
  if (parsed.status === 'not_a_document')
    return {
      source: given,
      status: 'not_a_document',
      needsReview: false,
      message: 'looks like an index or navigation page, not a document',
      parsed,
    };
  return { source: given, status: 'imported', needsReview: parsed.flags.some((f) => f.confidence < 1), parsed };
}

/** Reads and parses one entry of the walk; `identity` and `prepared` are set for a parsed document. Never throws. */
export function readPage(entry: WalkEntry, maxBytes: number): PageReport {
  if ('missing' in entry)
    return { source: entry.missing, status: 'failed', needsReview: false, message: entry.message };
  const file = entry.file;
  if (file.size > maxBytes) {
    // Refused before reading: a 50 MB file is never loaded into memory.
    const mb = (file.size / 1_048_576).toFixed(1);
    return {
      source: file.given,
      status: 'failed',
      needsReview: false,
      message: `the file is ${mb} MiB; pages over ${(maxBytes / 1_048_576).toFixed(0)} MiB are refused. Split it or check that it is a page of the archive.`,
    };
  }
  let content: Uint8Array;
  try {
    content = readFileSync(file.absolute);
  } catch (error) {
    return {
      source: file.given,
      status: 'failed',
      needsReview: false,
      message: `cannot read the file: ${(error as Error).message}`,
    };
  }
  const report = parseReport(file.given, content, maxBytes);
  if (report.parsed?.status === 'document') {
    report.identity = file.absolute;
    // Worked out here, on the reader thread, rather than on the storing thread, which has more to do.
    report.prepared = preparePage(report.parsed, file.absolute);
  }
  return report;
}

// Messages between the consumer (c) and the reader worker (w).
export type ToReader =
  | { type: 'start'; job: number; paths: string[]; maxBytes: number }
  | { type: 'credit'; job: number; pages: number }
  | { type: 'stop'; job: number };
export type FromReader =
  | { type: 'pages'; job: number; reports: PageReport[] }
  | { type: 'done'; job: number }
  | { type: 'failed'; job: number; message: string };

/** The worker side: walks, reads and parses a job's pages and sends them in order, within its credit. */
export function serveReader(port: {
  on(event: 'message', listener: (message: ToReader) => void): unknown;
  postMessage(message: FromReader): void;
}): void {
  let job = -1;
  let credit = 0;
  let wake: (() => void) | null = null;
  port.on('message', (message) => {
    if (message.type === 'start') {
      job = message.job;
      credit = WINDOW;
      void run(message.job, message.paths, message.maxBytes);
    } else if (message.job === job) {
      if (message.type === 'credit') credit += message.pages;
      else job = -1; // stop
      wake?.();
    }
  });
  async function run(id: number, paths: string[], maxBytes: number): Promise<void> {
    try {
      let reports: PageReport[] = [];
      for (const entry of walkSourcesSync(paths)) {
        while (credit <= 0 && job === id) await new Promise<void>((resolve) => (wake = resolve));
        if (job !== id) return;
        reports.push(readPage(entry, maxBytes));
        credit -= 1;
        if (reports.length >= CHUNK || credit <= 0) {
          port.postMessage({ type: 'pages', job: id, reports });
          reports = [];
          // Let credit messages in between chunks.
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      }
      if (job !== id) return;
      if (reports.length > 0) port.postMessage({ type: 'pages', job: id, reports });
      port.postMessage({ type: 'done', job: id });
    } catch (error) {
      port.postMessage({ type: 'failed', job: id, message: (error as Error).message });
    }
  }
}

let reader: { worker: Worker; busy: Promise<void> } | null = null;
let jobs = 0;

function startReader(): { worker: Worker; busy: Promise<void> } {
  // A plain .mjs entry registers tsx in the worker: --import in a worker's execArgv does not apply to
  // its entry module on Node 20, and this works from any working directory.
  const worker = new Worker(new URL('./read-pages.worker.mjs', import.meta.url), { execArgv: [] });
  worker.unref();
  const started = { worker, busy: Promise.resolve() };
  const forget = () => {
    if (reader === started) reader = null;
  };
  worker.on('exit', forget);
  worker.on('error', forget);
  return started;
}

/**
 * Every page under `paths`, read and parsed on the reader worker, in walk order. Imports run one after
 * another on the one worker; breaking out of the loop stops the job.
 */
export async function* readPages(paths: string[], maxBytes: number): AsyncGenerator<PageReport> {
  reader ??= startReader();
  const current = reader;
  const previous = current.busy;
  let release!: () => void;
  current.busy = new Promise<void>((resolve) => (release = resolve));
  await previous;
  const { worker } = current;
  const job = ++jobs;
  const queue: PageReport[] = [];
  let finished = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const onMessage = (message: FromReader) => {
    if (message.job !== job) return;
    if (message.type === 'pages') queue.push(...message.reports);
    else if (message.type === 'done') finished = true;
    else failure = new Error(`the page reader failed: ${message.message}`);
    wake?.();
  };
  const onError = (error: Error) => {
    failure = new Error(`the page reader stopped: ${error.message}`);
    wake?.();
  };
  const onExit = (code: number) => {
    failure ??= new Error(`the page reader exited (code ${code})`);
    wake?.();
  };
  worker.on('message', onMessage);
  worker.on('error', onError);
  worker.on('exit', onExit);
  worker.ref();
  let consumed = 0;
  try {
    worker.postMessage({ type: 'start', job, paths, maxBytes } satisfies ToReader);
    for (;;) {
      if (queue.length === 0) {
        // (assigned by the worker's callbacks, which the compiler's narrowing does not follow)
        if (failure) throw failure as Error;
        if (finished) return;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        continue;
      }
      yield queue.shift()!;
      if (++consumed === CHUNK * 4) {
        worker.postMessage({ type: 'credit', job, pages: consumed } satisfies ToReader);
        consumed = 0;
      }
    }
  } finally {
    if (!finished && !failure) worker.postMessage({ type: 'stop', job } satisfies ToReader);
    worker.off('message', onMessage);
    worker.off('error', onError);
    worker.off('exit', onExit);
    worker.unref();
    release();
  }
}
