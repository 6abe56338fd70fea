// Finds the files to import under the paths given, one at a time and in a stable order, so a batch of
// any size is walked without holding its contents (only the current folder's names are in memory).
// The walk is synchronous at its core: it runs on the importer's reader thread (read-pages.ts), where
// waiting for a thread-pool stat per file only left the thread idle.
import { opendirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface SourceFile {
  /** The path as the user wrote it (or joined below it), for messages and JSON output. */
  given: string;
  /** The absolute path: the source's identity in the record. */
  absolute: string;
  size: number;
}

export type WalkEntry = { file: SourceFile } | { missing: string; message: string };

function* walkFolder(given: string): Generator<WalkEntry> {
  const names: string[] = [];
  const dir = opendirSync(given);
  try {
    for (let entry = dir.readSync(); entry !== null; entry = dir.readSync()) {
      if (!entry.name.startsWith('.')) names.push(entry.name);
    }
  } finally {
    dir.closeSync();
  }
  names.sort();
  for (const name of names) yield* walkPath(join(given, name));
}

function* walkPath(given: string): Generator<WalkEntry> {
  let info;
  try {
    info = statSync(given);
  } catch (error) {
    yield {
      missing: given,
      message: `cannot read ${given}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (error as Error).message}`,
    };
    return;
  }
  if (info.isDirectory()) yield* walkFolder(given);
  else if (info.isFile()) yield { file: { given, absolute: resolve(given), size: info.size } };
}

/** Every regular file under `paths` (folders recursively, hidden names skipped), or a note for each path that cannot be read. */
export function* walkSourcesSync(paths: string[]): Generator<WalkEntry> {
  for (const path of paths) yield* walkPath(path);
}

/** The same walk as an async iterable (one synchronous step at a time). */
export async function* walkSources(paths: string[]): AsyncGenerator<WalkEntry> {
  yield* walkSourcesSync(paths);
}

/** Counts the files first, for the progress bar (names are not kept). */
export async function countSources(paths: string[]): Promise<number> {
  let n = 0;
  for (const entry of walkSourcesSync(paths)) if ('file' in entry) n += 1;
  return n;
}
