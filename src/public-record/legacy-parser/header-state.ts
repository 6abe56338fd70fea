// What the header reader has found so far, and the rules for recording a field once: the first
// reading of a field wins, and a later conflicting one is reported rather than silently kept or lost.
import { findDates, NO_YEAR, type FoundDate } from './dates.ts';
import { afterSpeakerPreposition, afterWith, findReference, isOccasionLine, splitSpeakerOccasion } from './fields.ts';
import type { KindMatch } from './kinds.ts';
import { parsePlace, type PlaceReading } from './places.ts';
import type { FieldFlag } from './types.ts';

export type SoftField = 'kind' | 'speaker' | 'occasion' | 'title';

export interface HeaderState {
  kind: string | null;
  /** The kind, speaker and occasion lines as written: together they make the title. */
  titleParts: string[];
  /** A headline of its own (an HTML heading, or a line set apart above more header). */
  explicitTitle: string | null;
  date: FoundDate | null;
  dateProblem: string | null;
  /** A date written without its year ("30 May – 1 June"), kept for a year found elsewhere on the page. */
  yearless: FoundDate | null;
  updated: FoundDate | null;
  updatedProblem: string | null;
  collection: string | null;
  place: PlaceReading | null;
  speaker: string | null;
  occasion: string | null;
  reference: string | null;
  flags: FieldFlag[];
  dropped: string[];
  /** The soft field the previous (adjacent) line belonged to, which the next line may continue. */
  last: SoftField | null;
  /** The kind was named in Cyrillic: the speaker may follow in the genitive on the next line. */
  kindCyrillic: boolean;
  /** The kind line carried the date ("Point de presse du 4 novembre 2003"): it is the title as written. */
  titleDated: boolean;
  /** Lines inside the header that are no field (banners such as "COUNCIL OF THE EUROPEAN UNION"). */
  skipped: string[];
}

/** A header with nothing found yet. */
export function emptyHeader(): HeaderState {
  return {
    kind: null,
    titleParts: [],
    explicitTitle: null,
    date: null,
    dateProblem: null,
    yearless: null,
    updated: null,
    updatedProblem: null,
    collection: null,
    place: null,
    speaker: null,
    occasion: null,
    reference: null,
    flags: [],
    dropped: [],
    last: null,
    kindCyrillic: false,
    titleDated: false,
    skipped: [],
  };
}

/**
 * A copy of `h` to roll back to. Only its arrays are ever changed in place, so they are copied and the
 * readings (dates, places: never changed once made) are shared — the same as structuredClone for
 * everything the reader does, at a tenth of the parser's time less in the import benchmark.
 */
export function cloneHeader(h: HeaderState): HeaderState {
  return { ...h, titleParts: [...h.titleParts], flags: [...h.flags], dropped: [...h.dropped], skipped: [...h.skipped] };
}

/** Records the date delivered; an impossible date is remembered as the reason there is none. */
export function setDate(h: HeaderState, date: FoundDate): void {
  if (date.iso === null) {
    h.dateProblem ??= date.reason;
    if (date.reason?.includes(NO_YEAR) === true) h.yearless ??= date;
    return;
  }
  if (h.date === null) {
    h.date = date;
    return;
  }
  if (h.date.iso !== date.iso) {
    h.flags.push({
      field: 'date',
      confidence: 0.6,
      reason: `the header gives two dates, "${h.date.text}" and "${date.text}"; the first is kept`,
    });
  }
}

/** Records the place; a second, different place is reported. */
export function setPlace(h: HeaderState, reading: PlaceReading): void {
  if (h.place === null) {
    h.place = reading;
    return;
  }
  const same = h.place.place.city === reading.place.city && h.place.place.country === reading.place.country;
  if (!same) {
    h.flags.push({
      field: 'place',
      confidence: 0.6,
      reason: `the header names two places, "${[reading.place.city, reading.place.country].filter(Boolean).join(', ')}" besides the one kept`,
    });
  }
}

const CYRILLIC_START = /^\p{Script=Cyrillic}/u;
const DANGLING = /(?:^|\s)(?:du|de|des|le|of|the|on|from|dated|от)$/iu;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Records a kind line and what follows the kind on it: reference, date, speaker, occasion. */
export function applyKindLine(h: HeaderState, text: string, match: KindMatch, language: string | null = null): void {
  // The first kind named is the document's; a later kind line only describes it more fully, except
  // under a dated kind line ("Point de presse du 4 novembre 2003"), which stays the title.
  const secondKind = h.kind !== null;
  const keepTitle = secondKind && h.titleDated;
  if (!secondKind) h.kindCyrillic = CYRILLIC_START.test(match.phrase);
  h.kind ??= match.kind;
  if (secondKind && !keepTitle) h.titleParts = [];
  let rest = match.rest;
  let title = text;
  const reference = findReference(rest);
  if (reference !== null) {
    h.reference ??= reference.reference;
    const written = rest.slice(reference.index, reference.index + reference.length);
    rest = rest.replace(written, ' ');
    title = title.replace(written, ' ');
  }
  const date = findDates(rest).at(-1);
  let dated = false;
  if (
    date !== undefined &&
    rest
      .slice(date.index + date.text.length)
      .trim()
      .replace(/[.,;)]/g, '') === ''
  ) {
    setDate(h, date);
    dated = true;
    rest = rest.slice(0, date.index);
    title = title.replace(date.text, ' ');
    // "Выступление … форума, Бандар-Сери-Бегаван, 31 июля 2002 года": the place before the date.
    const m = /,\s*([^,]+?)[\s,]*$/u.exec(rest);
    const place =
      m?.[1] === undefined ? null : parsePlace(m[1], language ?? (CYRILLIC_START.test(text) ? 'ru' : null), true);
    if (m !== null && place !== null) {
      setPlace(h, place);
      rest = rest.slice(0, m.index);
      title = title.replace(new RegExp(`,\\s*${escapeRegExp(m[1] ?? '')}[\\s,]*$`, 'u'), ' ');
    }
  }
  rest = rest.replace(/^[\s:–—-]+|[\s,;:(–—-]+$/g, '');
  let written = title
    .replace(/\s+/g, ' ')
    .replace(/[\s,;:(–—-]+$/, '')
    .trim();
  // A date cut from "… du 4 novembre 2003" leaves a dangling word: the line is a dated title.
  if (dated && DANGLING.test(written)) {
    written = text.replace(/\s+/g, ' ').trim();
    if (!secondKind) h.titleDated = true;
  }
  if (!keepTitle) h.titleParts.push(written);
  h.last = 'kind';
  if (rest === '') return;
  const givenBy = /^(?:of\s+(?:an?|the)\s+\p{L}+\s+)?(?:given|delivered|made)\s+by\s+/iu.exec(rest);
  const afterBy =
    givenBy !== null ? rest.slice(givenBy[0].length) : (afterSpeakerPreposition(rest) ?? afterWith(rest, h.kind));
  // Russian puts the speaker straight after the kind, in the genitive: "Заявление Генерального секретаря".
  const speakerText =
    afterBy ?? (CYRILLIC_START.test(match.phrase) && CYRILLIC_START.test(rest) && !isOccasionLine(rest) ? rest : null);
  if (speakerText !== null) {
    if (afterBy === null) {
      h.flags.push({
        field: 'speaker',
        confidence: 0.8,
        reason: `read from the words after "${match.phrase}" (Russian genitive) and kept as written`,
      });
    }
    // "given by the Foreign Secretary to BBC Radio 4": the outlet it was given to is the occasion.
    const outlet = givenBy === null ? null : /\s+(?=to\s+\p{Lu})/u.exec(speakerText);
    const { speaker, occasion } =
      outlet === null
        ? splitSpeakerOccasion(speakerText)
        : { speaker: speakerText.slice(0, outlet.index).trim(), occasion: speakerText.slice(outlet.index).trim() };
    h.speaker = speaker;
    h.occasion = occasion;
    h.last = occasion === null ? 'speaker' : 'occasion';
  } else if (isOccasionLine(rest)) {
    h.occasion = rest;
    h.last = 'occasion';
  }
}
