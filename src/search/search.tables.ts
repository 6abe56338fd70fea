// Kysely's view of the workspace search tables (migration 0007_workspace_search), merged into the DB
// interface of platform/db/schema.ts by module augmentation, as accounts/accounts.tables.ts does.
import type { Generated } from 'kysely';
import type { SearchKind } from './search-entries.ts';

export interface SearchEntryTable {
  seq: Generated<number>; // FTS5 rowid on SQLite
  kind: SearchKind;
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

declare module '../platform/db/schema.ts' {
  interface DB {
    search_entries: SearchEntryTable;
    search_index_state: SearchIndexStateTable;
  }
}
