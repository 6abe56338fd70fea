// What the importer says of one page, shared by the reader thread (read-pages.ts), the batch writer
// (import-batch.ts) and the importer that reports (import-pages.ts).
import type { ParseResult } from '../legacy-parser/index.ts';
import type { PreparedPage, StoreStatus } from './store-page.ts';

export type PageStatus = StoreStatus | 'not_a_document' | 'failed';

export interface PageReport {
  source: string;
  status: PageStatus;
  needsReview: boolean;
  slug?: string;
  message?: string;
  /** The parse, for --dry-run output; absent when the file could not be read. */
  parsed?: ParseResult;
  /** The source's identity in the record (its absolute path), set when the page is a document to store. */
  identity?: string;
  /** preparePage(parsed, identity), worked out on the reader thread for a document to store. */
  prepared?: PreparedPage;
}
