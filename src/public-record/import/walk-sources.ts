// Finds the files to import under the paths given, one at a time and in a stable order, so a batch of
// any size is walked without holding its contents (only the current folder's names are in memory).
import { opendir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export interface SourceFile {
  /** The path as the user wrote it (or joined below it), for messages and JSON output. */
  given: string;
  /** The absolute path: the source's identity in the record. */
  absolute: string;
  size: number;
}

export type WalkEntry = { file: SourceFile } | { missing: string; message: string };

async function* walkFolder(given: string): AsyncGenerator<WalkEntry> {
  const names: string[] = [];
  for await (const entry of await opendir(given)) {
    if (!entry.name.startsWith('.')) names.push(entry.name);
  }
  names.sort();
  for (const name of names) yield* walkPath(join(given, name));
}

async function* walkPath(given: string): AsyncGenerator<WalkEntry> {
  let info;
  try {
    info = await stat(given);
  } catch (error) {
    yield { missing: given, message: `cannot read ${given}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (error as Error).message}` };
    return;
  }
  if (info.isDirectory()) yield* walkFolder(given);
  else if (info.isFile()) yield { file: { given, absolute: resolve(given), size: info.size } };
}

/** Every regular file under `paths` (folders recursively, hidden names skipped), or a note for each path that cannot be read. */
export async function* walkSources(paths: string[]): AsyncGenerator<WalkEntry> {
  for (const path of paths) yield* walkPath(path);
}

/** Counts the files first, for the progress bar (names are not kept). */
export async function countSources(paths: string[]): Promise<number> {
  let n = 0;
  for await (const entry of walkSources(paths)) if ('file' in entry) n += 1;
  return n;
}
