// Full-text search behind one interface, one implementation per database: FTS5 with bm25 on SQLite,
// a weighted tsvector with ts_rank_cd on PostgreSQL. Both return the same results contract.
import { sql } from 'kysely';
import type { Database } from '../../kernel/db/connect.ts';
import { escapeHtml } from '../../kernel/escape-html.ts';
import type { SearchHit, SearchRequest, SearchResults } from '../model.ts';
import { SUMMARY_COLUMNS, toSummary, type Executor } from '../record.repository.ts';
import { parseSearch, toFts5Match, toWebsearch, type ParsedSearch } from './search-query.ts';

// Highlight markers from Unicode's private-use area: they cannot occur in imported text, survive both
// engines untouched, and are swapped for <mark> after the snippet has been HTML-escaped.
const OPEN = '\uE000';
const CLOSE = '\uE001';

/** Escapes a raw snippet and turns the engine's markers into <mark> elements. */
export function snippetToHtml(raw: string): string {
  return escapeHtml(raw.replace(/\s+/g, ' ').trim()).replaceAll(OPEN, '<mark>').replaceAll(CLOSE, '</mark>');
}

// Both indexes follow record_items by themselves (SQLite: triggers on an external-content FTS5 table;
// PostgreSQL: a generated tsvector column), so writers never call them. See migration 0002.
export interface SearchIndex {
  search(db: Executor, request: SearchRequest, parsed: ParsedSearch): Promise<SearchResults>;
}

const sqliteIndex: SearchIndex = {
  async search(db, request, parsed) {
    const match = toFts5Match(parsed);
    const filters = [
      request.kind ? sql`and i.kind_slug = ${request.kind}` : sql``,
      request.year !== undefined ? sql`and i.year = ${request.year}` : sql``,
      request.speaker ? sql`and i.speaker_slug = ${request.speaker}` : sql``,
      request.language ? sql`and i.language = ${request.language}` : sql``,
    ];
    const where = sql`record_fts match ${match} and i.published = 1 ${sql.join(filters, sql` `)}`;
    const total = await sql<{
      n: number;
    }>`select count(*) as n from record_fts join record_items i on i.seq = record_fts.rowid where ${where}`.execute(db);
    // bm25 weights: title 10, speaker 4, occasion 4, body 1 (lower scores rank first).
    const rows = await sql<Record<(typeof SUMMARY_COLUMNS)[number], string> & { snippet: string }>`
      select ${sql.join(SUMMARY_COLUMNS.map((c) => sql.ref(`i.${c}`)))},
             snippet(record_fts, 3, ${OPEN}, ${CLOSE}, '…', 28) as snippet
      from record_fts join record_items i on i.seq = record_fts.rowid
      where ${where}
      order by bm25(record_fts, 10.0, 4.0, 4.0, 1.0), i.seq desc
      limit ${request.pageSize} offset ${(request.page - 1) * request.pageSize}`.execute(db);
    return {
      total: Number(total.rows[0]?.n ?? 0),
      page: request.page,
      pageSize: request.pageSize,
      hits: rows.rows.map((r) => ({ ...toSummary(r as never), snippet: snippetToHtml(r.snippet) })),
    };
  },
};

const postgresIndex: SearchIndex = {
  async search(db, request, parsed) {
    const query = sql`websearch_to_tsquery('english', ${toWebsearch(parsed)})`;
    const filters = [
      request.kind ? sql`and kind_slug = ${request.kind}` : sql``,
      request.year !== undefined ? sql`and year = ${request.year}` : sql``,
      request.speaker ? sql`and speaker_slug = ${request.speaker}` : sql``,
      request.language ? sql`and language = ${request.language}` : sql``,
    ];
    const where = sql`search @@ ${query} and published = 1 ${sql.join(filters, sql` `)}`;
    const total = await sql<{ n: number }>`select count(*) as n from record_items where ${where}`.execute(db);
    // Rank and page first, then build headlines only for the page (ts_headline is costly).
    const rows = await sql<Record<(typeof SUMMARY_COLUMNS)[number], string> & { snippet: string }>`
      select ${sql.join(SUMMARY_COLUMNS.map((c) => sql.ref(`p.${c}`)))},
             ts_headline('english', p.body, ${query}, ${`StartSel=${OPEN}, StopSel=${CLOSE}, MaxWords=32, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`}) as snippet
      from (
        select *, ts_rank_cd(search, ${query}) as rank from record_items where ${where}
        order by rank desc, seq desc
        limit ${request.pageSize} offset ${(request.page - 1) * request.pageSize}
      ) p
      order by p.rank desc, p.seq desc`.execute(db);
    return {
      total: Number(total.rows[0]?.n ?? 0),
      page: request.page,
      pageSize: request.pageSize,
      hits: rows.rows.map((r) => ({ ...toSummary(r as never), snippet: snippetToHtml(r.snippet) })),
    };
  },
};

/** The search implementation for this database. */
export function searchIndexFor(database: Pick<Database, 'dialect'>): SearchIndex {
  return database.dialect === 'sqlite' ? sqliteIndex : postgresIndex;
}

/** Parses the request's text and runs it; SEARCH_INVALID for text with nothing to search for. */
export async function runSearch(database: Database, request: SearchRequest): Promise<SearchResults> {
  const parsed = parseSearch(request.text);
  return searchIndexFor(database).search(database.db, request, parsed);
}

export type { SearchHit };
