// The public record (PRODUCT.md, "Public record"): statements, speeches, press releases, communiqués
// and the like, as published. These types are the contract between storage, search, the importer and
// the public pages.
import type { FieldFlag, Place } from './legacy-parser/types.ts';

export type { FieldFlag, Place };

/** One public-record item in its current revision. */
export interface RecordItem {
  id: string;
  /** Stable URL segment, e.g. '2002-09-25-press-statement-nato-secretary-general'; never changes once given. */
  slug: string;
  kind: string; // 'Press Statement', 'Speech', ...
  title: string;
  /** Date delivered, ISO 8601 with reduced precision when partly known ('2002-09-25', '2002-10', '2003-10-02/2003-10-03'). */
  date: string | null;
  /** First day of `date` (YYYY-MM-DD) for sorting and filtering; null when undated. */
  dateStart: string | null;
  updated: string | null;
  collection: string | null;
  place: Place | null;
  speaker: string | null;
  occasion: string | null;
  reference: string | null;
  /** ISO 639-1. */
  language: string;
  body: string; // paragraphs separated by one blank line
  flags: FieldFlag[];
  revision: number;
  /** Items sharing a group are versions of one document (other languages or renderings). */
  versionGroup: string;
  firstPublishedAt: string; // instant the item entered Concord's public record
  lastUpdatedAt: string;
}

/** What lists, feeds and search results show of an item. */
export type RecordSummary = Pick<
  RecordItem,
  | 'id'
  | 'slug'
  | 'kind'
  | 'title'
  | 'date'
  | 'dateStart'
  | 'place'
  | 'speaker'
  | 'occasion'
  | 'language'
  | 'lastUpdatedAt'
  | 'firstPublishedAt'
>;

export interface LanguageVersion {
  slug: string;
  language: string;
  title: string;
}

/** A label with a URL segment and a count, for the year/kind/speaker indexes. */
export interface Facet {
  label: string;
  slug: string;
  count: number;
}

export interface SearchRequest {
  text: string;
  kind?: string | undefined;
  year?: number | undefined;
  speaker?: string | undefined;
  language?: string | undefined;
  page: number; // 1-based
  pageSize: number;
}

export interface SearchHit extends RecordSummary {
  /** HTML-safe: escaped text with the matched words wrapped in <mark>…</mark>. */
  snippet: string;
}

export interface SearchResults {
  total: number;
  page: number;
  pageSize: number;
  hits: SearchHit[];
}
