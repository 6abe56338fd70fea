// The importer: reads each legacy page, parses it (pure), and stores it in its own transaction. A
// failure on one page is reported and the batch goes on; nothing is half-stored.
import { readFileSync } from 'node:fs';
import type { WriteContext } from '../../audit/audited-write.ts';
import type { Database } from '../../platform/db/connect.ts';
import { DEFAULT_MAX_BYTES, parseLegacyPage, type LegacyItem, type ParseResult } from '../legacy-parser/index.ts';
import { storeParsedPage, type StoreStatus } from './store-page.ts';
import { walkSources } from './walk-sources.ts';
import { ImportBatch } from './import-batch.ts';

export type PageStatus = StoreStatus | 'not_a_document' | 'failed';

export interface PageReport {
  source: string;
  status: PageStatus;
  needsReview: boolean;
  slug?: string;
  message?: string;
  /** The parse, for --dry-run output; absent when the file could not be read. */
  parsed?: ParseResult;
}

export interface ImportOptions {
  dryRun: boolean;
  maxBytes?: number;
  /** Called after every page (progress, JSON lines). */
  onPage?: (report: PageReport) => void;
}

const SUMMARY_CATEGORIES = ['imported', 'unchanged', 'revised', 'linked', 'needs_review', 'not_a_document', 'failed'] as const;
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
  return { pages: 0, counts: zero(), files: Object.fromEntries(SUMMARY_CATEGORIES.map((c) => [c, []])) as unknown as Record<SummaryCategory, string[]>, more: zero() };
}

function note(summary: ImportSummary, category: SummaryCategory, source: string): void {
  summary.counts[category] += 1;
  if (summary.files[category].length < NAMES_KEPT) summary.files[category].push(source);
  else summary.more[category] += 1;
}

/** Parses and (unless dry-run) stores one page held in memory; never throws. */
export async function importPage(database: Database | null, ctx: WriteContext, source: { given: string; identity: string }, content: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): Promise<PageReport> {
  const parsed = parseLegacyPage({ source: source.given, content, maxBytes });
  if (parsed.status === 'error') {
    // The parser names the source in its message; the report already carries it.
    const message = (parsed.error ?? 'the page could not be parsed').replace(`${source.given}: `, '');
    return { source: source.given, status: 'failed', needsReview: false, message, parsed };
  }
  if (parsed.status === 'not_a_document') return { source: source.given, status: 'not_a_document', needsReview: false, message: 'looks like an index or navigation page, not a document', parsed };
  const needsReview = parsed.flags.some((f) => f.confidence < 1);
  if (!database) return { source: source.given, status: 'imported', needsReview, parsed };
  try {
    const outcome = await storeParsedPage(database, ctx, source.identity, parsed);
    return { source: source.given, status: outcome.status, needsReview, slug: outcome.slug, parsed };
  } catch (error) {
    return { source: source.given, status: 'failed', needsReview, message: `not stored: ${(error as Error).message}`, parsed };
  }
}

/** Imports every file under `paths`; returns the summary. Pages are read and parsed one at a time and stored in batches (import-batch.ts). */
export async function importPaths(database: Database, ctx: () => WriteContext, paths: string[], options: ImportOptions): Promise<ImportSummary> {
  const summary = emptySummary();
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const emit = (report: PageReport) => {
    summary.pages += 1;
    note(summary, report.status, report.source);
    if (report.needsReview) note(summary, 'needs_review', report.source);
    options.onPage?.(report);
  };
  const batch = options.dryRun ? null : new ImportBatch(database, emit);
  const done = async (report: PageReport) => (batch ? batch.add(report) : emit(report));
  try {
    for await (const entry of walkSources(paths)) {
      if ('missing' in entry) {
        await done({ source: entry.missing, status: 'failed', needsReview: false, message: entry.message });
        continue;
      }
      const file = entry.file;
      if (file.size > maxBytes) {
        // Refused before reading: a 50 MB file is never loaded into memory.
        const mb = (file.size / 1_048_576).toFixed(1);
        await done({ source: file.given, status: 'failed', needsReview: false, message: `the file is ${mb} MiB; pages over ${(maxBytes / 1_048_576).toFixed(0)} MiB are refused. Split it or check that it is a page of the archive.` });
        continue;
      }
      let content: Uint8Array;
      try {
        // Synchronous on purpose: the importer does one thing at a time, and an awaited read through
        // the thread pool left the main thread idle a third of the time in the benchmark.
        content = readFileSync(file.absolute);
      } catch (error) {
        await done({ source: file.given, status: 'failed', needsReview: false, message: `cannot read the file: ${(error as Error).message}` });
        continue;
      }
      const report = await importPage(null, ctx(), { given: file.given, identity: file.absolute }, content, maxBytes);
      if (batch && report.parsed?.status === 'document') await batch.store(report, file.absolute, report.parsed, ctx());
      else await done(report);
    }
  } finally {
    await batch?.flush();
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
