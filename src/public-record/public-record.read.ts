// The public read service: the one way pages, feeds, the sitemap and the public API read the record
// (as Ghost reads through its Content API). What the reader may see is decided here, with `can`.
import { can, type Actor } from '../kernel/access/can.ts';
import type { Database } from '../kernel/db/connect.ts';
import type { Facet, LanguageVersion, RecordItem, RecordSummary, SearchRequest, SearchResults } from './model.ts';
import {
  allPublishedSlugs,
  facetCounts,
  findItemRowBySlug,
  latestSummaries,
  listSummaries,
  otherVersions,
  toItem,
  type ListFilter,
} from './record.repository.ts';
import { runSearch } from './search/search-index.ts';

export { kindSlug, speakerSlug } from './slug.ts';

export interface RecordFacets {
  years: (Facet & { year: number; months: (Facet & { month: number })[] })[];
  kinds: Facet[];
  speakers: Facet[];
  languages: Facet[];
}

export interface PublicRecordReader {
  latest(limit: number): Promise<RecordSummary[]>;
  findBySlug(slug: string): Promise<{ item: RecordItem; versions: LanguageVersion[] } | null>;
  list(filter: ListFilter, page: { offset: number; limit: number }): Promise<{ total: number; items: RecordSummary[] }>;
  facets(): Promise<RecordFacets>;
  search(request: SearchRequest): Promise<SearchResults>;
  sitemapEntries(): AsyncIterable<{ slug: string; lastUpdatedAt: string }>;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The public record as `actor` may read it. Published items are public; nothing else is served here. */
export function publicRecordReader(database: Database, actor: Actor): PublicRecordReader {
  const db = database.db;
  // Everything this service returns is published; the check stays here so a future unpublished state
  // (drafts of releases) cannot leak through a page that forgot to ask.
  const mayRead = can(actor, 'read', { type: 'record-item', published: true });
  const empty = { total: 0, items: [] as RecordSummary[] };
  return {
    latest: async (limit) => (mayRead ? latestSummaries(db, limit) : []),
    async findBySlug(slug) {
      const row = await findItemRowBySlug(db, slug);
      if (!row || !can(actor, 'read', { type: 'record-item', published: row.published === 1 })) return null;
      const item = toItem(row);
      return { item, versions: await otherVersions(db, item) };
    },
    list: async (filter, page) => (mayRead ? listSummaries(db, filter, page) : empty),
    async facets() {
      const counts = await facetCounts(db);
      const years = new Map<number, RecordFacets['years'][number]>();
      for (const row of counts.months) {
        const year = Number(row.year);
        const entry = years.get(year) ?? { label: String(year), slug: String(year), count: 0, year, months: [] };
        entry.count += Number(row.n);
        if (row.month !== null) {
          const month = Number(row.month);
          entry.months.push({
            label: MONTHS[month - 1] ?? String(month),
            slug: String(month).padStart(2, '0'),
            count: Number(row.n),
            month,
          });
        }
        years.set(year, entry);
      }
      return {
        years: [...years.values()],
        kinds: counts.kinds.map((k) => ({ label: k.kind, slug: k.kind_slug, count: Number(k.n) })),
        speakers: counts.speakers.map((s) => ({
          label: s.speaker ?? '',
          slug: s.speaker_slug ?? '',
          count: Number(s.n),
        })),
        languages: counts.languages.map((l) => ({ label: l.language, slug: l.language, count: Number(l.n) })),
      };
    },
    search: async (request) =>
      mayRead ? runSearch(database, request) : { total: 0, page: request.page, pageSize: request.pageSize, hits: [] },
    sitemapEntries: () => allPublishedSlugs(db),
  };
}
