// The public contract of the legacy archive parser, plus the few internal shapes its stages share.
// The public names are relied on by `concord import --dry-run --json`: change them only with the importer.

export type ItemStatus = 'document' | 'not_a_document' | 'error';

export interface Place {
  city: string | null;
  country: string | null;
}

/** A field the parser is unsure of: how sure it is (0..1) and why, so a reviewer knows what to check. */
export interface FieldFlag {
  field: string;
  confidence: number;
  reason: string;
}

export interface LegacyItem {
  status: ItemStatus;
  kind: string | null;
  title: string | null;
  date: string | null;
  updated: string | null;
  collection: string | null;
  place: Place | null;
  speaker: string | null;
  occasion: string | null;
  reference: string | null;
  language: string | null;
  body: string;
  flags: FieldFlag[];
  error?: string;
}

export interface ParseResult extends LegacyItem {
  dropped: string[];
}

export interface ParseInput {
  /** Where the page came from (file name or URL); used in messages and as a hint for HTML. */
  source: string;
  content: Uint8Array | string;
  /** Inputs larger than this many bytes are refused (default 5 MiB). */
  maxBytes?: number;
}

/** One line of the page as text, whichever format it came from. */
export interface SourceLine {
  text: string;
  /** Most of the line is link text: typical of navigation and of listing pages. */
  link: boolean;
  /** The line was an HTML heading (h1-h3): a strong hint for the title. */
  heading: boolean;
}
