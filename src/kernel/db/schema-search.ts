// Kysely's view of the workspace search tables (migration 0007_workspace_search), part of the DB
// interface of schema.ts, which gathers every table type in kernel/db.
import type { Generated } from 'kysely';

export interface SearchEntryTable {
  seq: Generated<number>; // FTS5 rowid on SQLite
  /** One of search/search-entries.ts's SEARCH_KINDS. */
  kind: string;
  item_id: string;
  format_code: string;
  format_members: string | null; // JSON array of member codes (texts only)
  is_public: number; // 0 | 1
  title: string;
  subtitle: string;
  body: string;
  date: string | null; // ISO date or instant, for display and ordering
  updated_at: string;
}

export interface SearchIndexStateTable {
  name: string;
  version: number;
  rebuilt_at: string | null;
}

export interface SearchTables {
  search_entries: SearchEntryTable;
  search_index_state: SearchIndexStateTable;
}
