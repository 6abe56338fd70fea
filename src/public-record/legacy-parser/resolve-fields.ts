// The last word on the fields that can come from more than one place: title and kind (header,
// HTML <title>, a kind named in the title), date and place (header, then the text's dateline), and
// the updated date. Every fallback and every gap is flagged with the reason.
import { inYear, type FoundDate } from './dates.ts';
import { readDateline } from './dateline.ts';
import type { HeaderState } from './header-state.ts';
import { findCityIn } from './gazetteer.ts';
import { findKindIn } from './kinds.ts';

const PRESS_SERVICE = /^(?:press\s+(?:service|office)|service\s+de\s+presse|пресс-служба)$/iu;
import type { FieldFlag, Place } from './types.ts';

export interface ResolvedFields {
  kind: string | null;
  title: string | null;
  date: string | null;
  updated: string | null;
  place: Place | null;
  flags: FieldFlag[];
}

/** Settles title, kind, date, place and updated from the header, the first paragraph and the <title>. */
export function resolveFields(
  h: HeaderState,
  firstParagraph: string | undefined,
  pageTitle: string | null,
  language: string | null,
): ResolvedFields {
  const flags: FieldFlag[] = [];
  const { title, kind } = titleAndKind(h, pageTitle, flags);
  const dateline = firstParagraph === undefined ? null : readDateline(firstParagraph, language);
  const date = resolveDate(h, dateline?.date ?? null, dateline?.text ?? '', flags);
  const place = resolvePlace(h, dateline?.place ?? null, flags, language);
  if (h.updatedProblem !== null) flags.push({ field: 'updated', confidence: 0, reason: h.updatedProblem });
  else if (h.updated?.reason != null)
    flags.push({ field: 'updated', confidence: h.updated.confidence, reason: h.updated.reason });
  return { kind, title, date, updated: h.updated?.iso ?? null, place, flags };
}

function titleAndKind(
  h: HeaderState,
  pageTitle: string | null,
  flags: FieldFlag[],
): { title: string | null; kind: string | null } {
  let title = h.explicitTitle ?? (h.titleParts.length > 0 ? h.titleParts.join(' ') : null);
  if (title === null && pageTitle !== null) {
    title = pageTitle;
    flags.push({
      field: 'title',
      confidence: 0.7,
      reason: 'taken from the HTML <title>; the text has no heading or kind line',
    });
  }
  if (title === null) flags.push({ field: 'title', confidence: 0, reason: 'no title, heading or kind line found' });
  let kind = h.kind;
  if (kind === null && title !== null) {
    kind = findKindIn(title);
    if (kind !== null) flags.push({ field: 'kind', confidence: 0.7, reason: `inferred from the title "${title}"` });
  }
  // A page headed by a press service's banner and carrying its number is that service's press release.
  const service = h.skipped.find((line) => PRESS_SERVICE.test(line.trim()));
  if (kind === null && service !== undefined && h.reference !== null) {
    kind = 'Press Release';
    flags.push({
      field: 'kind',
      confidence: 0.7,
      reason: `inferred from the banner "${service.trim()}" and the reference ${h.reference}; the page names no kind`,
    });
  }
  if (kind === null)
    flags.push({
      field: 'kind',
      confidence: 0,
      reason: 'no document kind found (such as "Press Statement" or "Speech")',
    });
  return { title, kind };
}

// The "Updated:" date is when the page changed, not when the words were spoken: it is mentioned in
// the reason, never used as the date.
function resolveDate(
  h: HeaderState,
  datelineDate: FoundDate | null,
  datelineText: string,
  flags: FieldFlag[],
): string | null {
  if (h.date !== null) {
    if (h.date.reason !== null) flags.push({ field: 'date', confidence: h.date.confidence, reason: h.date.reason });
    return h.date.iso;
  }
  if (datelineDate !== null) {
    flags.push({
      field: 'date',
      confidence: 0.9,
      reason: `taken from the dateline at the start of the text ("${datelineText}")`,
    });
    return datelineDate.iso;
  }
  // "30 May – 1 June" with "Updated: 02-Jun-2003": the year of the page's own stamp, flagged.
  const year = h.updated?.iso == null ? null : Number(h.updated.iso.slice(0, 4));
  const dated = h.yearless === null || year === null ? null : inYear(h.yearless, year);
  if (
    dated !== null &&
    dated.iso !== null &&
    h.updated?.iso != null &&
    dated.iso.slice(0, 10) <= h.updated.iso.slice(0, 10).padEnd(10, '9')
  ) {
    flags.push({
      field: 'date',
      confidence: 0.6,
      reason: `"${h.yearless?.text ?? ''}" has no year; ${year} taken from the page's updated date (${h.updated.iso})`,
    });
    return dated.iso;
  }
  const updatedNote =
    h.updated === null ? '' : ` (the page was updated ${h.updated.iso}, which is not the date delivered)`;
  flags.push({
    field: 'date',
    confidence: 0,
    reason: `${h.dateProblem ?? 'no date found; not guessed'}${updatedNote}`,
  });
  return null;
}

function resolvePlace(
  h: HeaderState,
  dateline: HeaderState['place'],
  flags: FieldFlag[],
  language: string | null,
): Place | null {
  if (h.place !== null) {
    if (h.place.reason !== null) flags.push({ field: 'place', confidence: h.place.confidence, reason: h.place.reason });
    return h.place.place;
  }
  if (dateline !== null) {
    const why = dateline.reason === null ? '' : `; ${dateline.reason}`;
    flags.push({
      field: 'place',
      confidence: Math.min(0.9, dateline.confidence),
      reason: `taken from the dateline at the start of the text${why}`,
    });
    return dateline.place;
  }
  // "… held at NATO Headquarters, Brussels, on 4 December 2003": a known city named in the occasion.
  const named = h.occasion === null ? null : findCityIn(h.occasion, language);
  if (named !== null) {
    flags.push({
      field: 'place',
      confidence: 0.7,
      reason: `the city "${named.city}" is named in the occasion; country "${named.country}" inferred`,
    });
    return named;
  }
  flags.push({ field: 'place', confidence: 0, reason: 'no place found; not guessed' });
  return null;
}
