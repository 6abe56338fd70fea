// The importer: reads each legacy page and parses it (pure) on a reader thread (read-pages.ts), and
// stores the documents in batches (import-batch.ts), each page in its own savepoint. A failure on one
// page is reported and the batch goes on; nothing is half-stored.
import type { WriteContext } from '../../kernel/audit/audited-write.ts';
import type { Database } from '../../kernel/db/connect.ts';
import { DEFAULT_MAX_BYTES, type LegacyItem } from '../legacy-parser/index.ts';
import { storeParsedPage } from './store-page.ts';
import type { PageReport } from './page-report.ts';

export type { PageReport };
import { ImportBatch } from './import-batch.ts';
import { parseReport, readPages } from './read-pages.ts';

export interface ImportOptions {
  dryRun: boolean;
  maxBytes?: number;
  /** Called after every page (progress, JSON lines). */
  onPage?: (report: PageReport) => void;
}

const SUMMARY_CATEGORIES = [
  'imported',
  'unchanged',
  'revised',
  'linked',
  'needs_review',
  'not_a_document',
  'failed',
] as const;
export type SummaryCategory = (typeof SUMMARY_CATEGORIES)[number];
/** File names kept per category: enough to act on, bounded so memory stays flat on any batch. */
export const NAMES_KEPT = 1000;

export interface ImportSummary {
  pages: number;
  counts: Record<SummaryCategory, number>;
  files: Record<SummaryCategory, string[]>;
  /** Names not listed because a category exceeded NAMES_KEPT. */
  more: Record<SummaryCategory, number>;
}

function emptySummary(): ImportSummary {
  const zero = () => Object.fromEntries(SUMMARY_CATEGORIES.map((c) => [c, 0])) as Record<SummaryCategory, number>;
  return {
    pages: 0,
    counts: zero(),
    files: Object.fromEntries(SUMMARY_CATEGORIES.map((c) => [c, []])) as unknown as Record<SummaryCategory, string[]>,
    more: zero(),
  };
}

function note(summary: ImportSummary, category: SummaryCategory, source: string): void {
  summary.counts[category] += 1;
  if (summary.files[category].length < NAMES_KEPT) summary.files[category].push(source);
  else summary.more[category] += 1;
}

/** Parses and (unless dry-run) stores one page held in memory; never throws. */
export async function importPage(
  database: Database | null,
  ctx: WriteContext,
  source: { given: string; identity: string },
  content: Uint8Array,
  maxBytes = DEFAULT_MAX_BYTES,
): Promise<PageReport> {
  const report = parseReport(source.given, content, maxBytes);
  if (!database || report.parsed?.status !== 'document') return report;
  try {
    const outcome = await storeParsedPage(database, ctx, source.identity, report.parsed);
    return { ...report, status: outcome.status, slug: outcome.slug };
  } catch (error) {
    return { ...report, status: 'failed', message: `not stored: ${(error as Error).message}` };
  }
}

/**
 * Imports every file under `paths`; returns the summary. Pages are read and parsed on the reader thread
 * while the documents before them are stored in batches (import-batch.ts); reports keep the walk order.
 */
export async function importPaths(
  database: Database,
  ctx: () => WriteContext,
  paths: string[],
  options: ImportOptions,
): Promise<ImportSummary> {
  const summary = emptySummary();
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const emit = (report: PageReport) => {
    summary.pages += 1;
    note(summary, report.status, report.source);
    if (report.needsReview) note(summary, 'needs_review', report.source);
    options.onPage?.(report);
  };
  const batch = options.dryRun ? null : new ImportBatch(database, emit);
  try {
    for await (const report of readPages(paths, maxBytes)) {
      if (!batch) emit(report);
      else if (report.parsed?.status === 'document' && report.identity !== undefined)
        await batch.store(report, report.identity, report.parsed, ctx(), report.prepared);
      else await batch.add(report);
    }
  } finally {
    await batch?.close();
  }
  return summary;
}

/** The stable JSON Lines shape of `concord import --dry-run --json` (docs/import.md). */
export function dryRunLine(report: PageReport): Record<string, unknown> {
  const p: Partial<LegacyItem> = report.parsed ?? {};
  const status = report.parsed?.status ?? 'error';
  const line: Record<string, unknown> = {
    source: report.source,
    status,
    kind: p.kind ?? null,
    title: p.title ?? null,
    date: p.date ?? null,
    updated: p.updated ?? null,
    collection: p.collection ?? null,
    place: p.place ?? null,
    speaker: p.speaker ?? null,
    occasion: p.occasion ?? null,
    reference: p.reference ?? null,
    language: p.language ?? null,
    body: p.body ?? '',
    flags: p.flags ?? [],
  };
  if (status === 'error') line.error = report.message ?? p.error ?? 'the page could not be read';
  return line;
}
