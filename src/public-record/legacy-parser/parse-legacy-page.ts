// The legacy archive page parser: one page (plain text or HTML, bytes or string) in, one
// public-record item out. Pure and deterministic; it never throws, whatever it is given.
import { extractBody } from './body.ts';
import { chromeStrength } from './chrome.ts';
import { decodeContent } from './decode.ts';
import { parseUpdatedLine } from './fields.ts';
import { readHeader } from './header.ts';
import { htmlToLines, type HtmlText } from './html-to-text.ts';
import { detectLanguage, type LanguageReading } from './language.ts';
import { judgeListing } from './listing.ts';
import { encodingFlag } from './mojibake.ts';
import { toParagraphs } from './paragraphs.ts';
import { resolveFields } from './resolve-fields.ts';
import { readTrailer, type Trailer } from './trailer.ts';
import type { HeaderState } from './header-state.ts';
import type { FieldFlag, ParseInput, ParseResult, Place, SourceLine } from './types.ts';

/** Parses one legacy archive page into a public-record item; never throws. */
export function parseLegacyPage(input: ParseInput): ParseResult {
  const source = typeof input?.source === 'string' && input.source !== '' ? input.source : 'input';
  try {
    const content: unknown = input?.content;
    if (typeof content !== 'string' && !(content instanceof Uint8Array)) {
      return errorResult(
        `${source}: the content must be text or bytes (got ${content === null ? 'null' : typeof content})`,
      );
    }
    return parse(source, content, input.maxBytes);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return errorResult(
      `${source}: the parser failed unexpectedly (${message}); this is a bug — please report it with the file`,
    );
  }
}

function parse(source: string, content: Uint8Array | string, maxBytes: number | undefined): ParseResult {
  const decoded = decodeContent(content, source, maxBytes);
  if (!decoded.ok) return errorResult(decoded.error);
  const page: HtmlText = decoded.html ? htmlToLines(decoded.text) : plainText(decoded.text);
  const pageText = page.lines
    .filter((l) => !l.link)
    .map((l) => l.text)
    .join('\n');
  const pageLanguage = detectLanguage(pageText, page.lang);

  const listing = judgeListing(page.lines);
  if (listing.listing) {
    const reason = `looks like an index or listing page: ${listing.entries} short lines with dates or links and no running prose; not imported as a document`;
    return listingResult(page, pageLanguage, decoded.flags, reason);
  }

  const header = readHeader(page.lines, pageLanguage.language);
  const trailer = readTrailer(page.lines, header.bodyStart, pageLanguage.language);
  const trailerUnused = useTrailer(header, trailer);
  const bodyLines =
    trailer.consumed.length === 0
      ? page.lines
      : page.lines.map((l, i) => (trailer.consumed.includes(i) ? { ...l, text: '' } : l));
  const body = extractBody(bodyLines, header.bodyStart);
  const dropped = [...page.dropped, ...header.dropped, ...body.dropped, ...trailerUnused];
  const headerFound =
    header.kind !== null || header.date !== null || header.speaker !== null || header.explicitTitle !== null;
  if (body.paragraphs.length === 0 && !headerFound) {
    // The few header lines such a page may have (updated, place, reference) are kept in their fields.
    return {
      ...emptyItem('not_a_document'),
      title: page.title,
      updated: header.updated?.iso ?? null,
      collection: header.collection,
      place: header.place?.place ?? null,
      reference: header.reference,
      language: pageLanguage.language,
      flags: [
        { field: 'status', confidence: 0.9, reason: 'the page holds only navigation or site chrome, no document text' },
      ],
      dropped,
    };
  }

  const bodyText = body.paragraphs.join('\n\n');
  const language = bodyText.length >= 200 ? detectLanguage(bodyText, page.lang) : pageLanguage;
  const fields = resolveFields(header, body.paragraphs[0], page.title, language.language);
  const flags: FieldFlag[] = [...header.flags, ...fields.flags];
  if (bodyText === '')
    flags.push({ field: 'body', confidence: 0, reason: 'no body text found: the page has a header only' });
  flags.push(...decoded.flags);
  if (language.flag !== null) flags.push(language.flag);

  const item = {
    status: 'document' as const,
    kind: fields.kind,
    title: fields.title,
    date: fields.date,
    updated: fields.updated,
    collection: header.collection,
    place: fields.place,
    speaker: header.speaker,
    occasion: header.occasion,
    reference: header.reference,
    language: language.language,
    body: bodyText,
  };
  return { ...item, flags: [...flags, ...encodingFlags(item)], dropped };
}

// The fields a page gives after its text fill only what the header left empty (flagged); a date or
// reference line that is not needed is reported in `dropped`, like any other line set aside.
function useTrailer(h: HeaderState, trailer: Trailer): string[] {
  const unused: string[] = [];
  if (trailer.date !== null) {
    if (h.date === null && h.dateProblem === null) {
      h.date = {
        ...trailer.date,
        confidence: 0.9,
        reason: `taken from "${trailer.dateText ?? trailer.date.text}" at the end of the page`,
      };
    } else if (trailer.dateLine && trailer.dateText !== null) {
      unused.push(trailer.dateText);
    }
  }
  if (trailer.reference !== null) {
    if (h.reference === null) h.reference = trailer.reference;
    else unused.push(trailer.reference);
  }
  if (trailer.place !== null && h.place === null) {
    h.place = {
      ...trailer.place,
      confidence: Math.min(0.9, trailer.place.confidence),
      reason: `taken from the line that closes the page${trailer.place.reason === null ? '' : `; ${trailer.place.reason}`}`,
    };
  }
  return unused;
}

function plainText(text: string): HtmlText {
  const lines: SourceLine[] = text.split('\n').map((t) => ({ text: t, link: false, heading: false }));
  return { lines, dropped: [], title: null, lang: null };
}

// A listing keeps its entries as the body (nothing is lost) but claims no document fields.
function listingResult(
  page: HtmlText,
  language: LanguageReading,
  decodeFlags: FieldFlag[],
  reason: string,
): ParseResult {
  const dropped = [...page.dropped];
  const kept: string[] = [];
  let updated: string | null = null;
  let collection: string | null = null;
  for (const line of page.lines) {
    if (line.text.trim() !== '' && chromeStrength(line.text) !== null) {
      dropped.push(line.text);
      continue;
    }
    const u = parseUpdatedLine(line.text);
    if (u !== null && updated === null && u.date?.iso != null) {
      updated = u.date.iso;
      collection = u.collection;
      continue;
    }
    kept.push(line.text);
  }
  const body = toParagraphs(kept).join('\n\n');
  const flags: FieldFlag[] = [{ field: 'status', confidence: 0.8, reason }, ...decodeFlags];
  return {
    ...emptyItem('not_a_document'),
    title: page.title,
    updated,
    collection,
    language: language.language,
    body,
    flags,
    dropped,
  };
}

const ENCODING_CHECKED = ['title', 'speaker', 'occasion', 'collection', 'body'] as const;

function encodingFlags(
  item: Record<(typeof ENCODING_CHECKED)[number], string | null> & { place: Place | null },
): FieldFlag[] {
  const flags: FieldFlag[] = [];
  for (const field of ENCODING_CHECKED) {
    const flag = encodingFlag(field, item[field]);
    if (flag !== null) flags.push(flag);
  }
  const placeFlag = encodingFlag('place', [item.place?.city, item.place?.country].filter(Boolean).join(', '));
  if (placeFlag !== null) flags.push(placeFlag);
  return flags;
}

function emptyItem(status: 'not_a_document' | 'error'): Omit<ParseResult, 'flags' | 'dropped'> {
  return {
    status,
    kind: null,
    title: null,
    date: null,
    updated: null,
    collection: null,
    place: null,
    speaker: null,
    occasion: null,
    reference: null,
    language: null,
    body: '',
  };
}

function errorResult(error: string): ParseResult {
  return { ...emptyItem('error'), flags: [], dropped: [], error };
}
