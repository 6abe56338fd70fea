// Index and listing pages ("Speeches 2002": one short line per document, each with a date or a
// link) are part of the archive's navigation, not statements: they are reported, not imported.
import { findDates, NO_YEAR } from './dates.ts';
import { isSpace } from './whitespace.ts';
import { parseUpdatedLine } from './fields.ts';
import type { SourceLine } from './types.ts';

export interface ListingVerdict {
  listing: boolean;
  /** Short lines carrying a date or a link. */
  entries: number;
  /** Blocks of running prose. */
  prose: number;
}

/** Decides whether the page lists documents rather than being one. */
export function judgeListing(lines: readonly SourceLine[]): ListingVerdict {
  let entries = 0;
  let prose = 0;
  let links = 0;
  const dates = new Set<string>();
  for (const block of blocks(lines)) {
    let blockEntries = 0;
    for (const line of block) {
      const text = line.text.trim();
      if (text.length > 200 || parseUpdatedLine(text) !== null) continue;
      // A day and month without a year ("on 24 October") is common in prose: it marks no entry.
      const found = findDates(text).find((d) => d.reason?.includes(NO_YEAR) !== true);
      if (found?.iso != null) dates.add(found.iso);
      if (line.link) links++;
      if (found !== undefined || line.link) blockEntries++;
    }
    const joined = block.map((l) => l.text.trim()).join(' ');
    if (blockEntries < block.length / 2 && isProse(joined)) prose++;
    else entries += blockEntries;
  }
  // Several entries carrying different dates (or links), and at most one block of prose.
  const listing = entries >= 4 && (dates.size >= 3 || links >= 4) && prose <= 1;
  return { listing, entries, prose };
}

function blocks(lines: readonly SourceLine[]): SourceLine[][] {
  const out: SourceLine[][] = [];
  let current: SourceLine[] = [];
  for (const line of lines) {
    if (line.text.trim() === '') {
      if (current.length > 0) out.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

// Running prose: a long run of words with a real sentence end, which a list of titles lacks.
function isProse(text: string): boolean {
  return atLeastWords(text, 20) && /\p{Ll}[.!?]["'”’)]?(?:\s+[\p{Lu}"“«]|$)/u.test(text);
}

// The same as text.split(/\s+/).length >= count (a split has one more piece than there are runs of
// whitespace), counted without building the array: blocks of prose are long, and the split was the
// listing judge's largest cost.
function atLeastWords(text: string, count: number): boolean {
  let runs = 0;
  let inRun = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (space && !inRun && ++runs + 1 >= count) return true;
    inRun = space;
  }
  return runs + 1 >= count;
}
