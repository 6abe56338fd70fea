// A readable word-level diff between two versions of a text (pure). jsdiff's diffWordsWithSpace compares
// words, punctuation and runs of whitespace as tokens (diffWords would drop a whitespace-only change),
// so the segments, read in order, give back both texts exactly: old = equal + delete, new = equal + insert.
import { diffWordsWithSpace } from 'diff';

export type DiffOp = 'equal' | 'insert' | 'delete';

export interface DiffSegment {
  op: DiffOp;
  text: string;
}

/** The segments that turn `before` into `after`; adjacent segments of one kind are merged. */
export function wordDiff(before: string, after: string): DiffSegment[] {
  const segments: DiffSegment[] = [];
  for (const change of diffWordsWithSpace(before, after)) {
    if (change.value === '') continue;
    const op: DiffOp = change.added ? 'insert' : change.removed ? 'delete' : 'equal';
    const last = segments[segments.length - 1];
    if (last && last.op === op) last.text += change.value;
    else segments.push({ op, text: change.value });
  }
  return segments;
}

/** The text on one side of a diff: 'before' = equal + delete, 'after' = equal + insert. */
export function sideOf(segments: readonly DiffSegment[], side: 'before' | 'after'): string {
  const skip: DiffOp = side === 'before' ? 'insert' : 'delete';
  return segments
    .filter((s) => s.op !== skip)
    .map((s) => s.text)
    .join('');
}

/** Counts of words inserted and deleted, for a one-line summary ("+3 −1 words"). */
export function diffStats(segments: readonly DiffSegment[]): { inserted: number; deleted: number } {
  const words = (text: string) => text.split(/\s+/).filter((w) => w !== '').length;
  let inserted = 0;
  let deleted = 0;
  for (const s of segments) {
    if (s.op === 'insert') inserted += words(s.text);
    if (s.op === 'delete') deleted += words(s.text);
  }
  return { inserted, deleted };
}
