// Shape tests for single header lines, shared by the header reader and its look-aheads.
import { findDates, parseDateLine, type FoundDate } from './dates.ts';
import {
  afterSpeakerPreposition,
  isCollectionLine,
  isOccasionLine,
  parseReferenceLine,
  parseUpdatedLine,
} from './fields.ts';
import { countryKey } from './gazetteer.ts';
import { matchKind } from './kinds.ts';
import { parsePlace, type PlaceReading } from './places.ts';

const SENTENCE_END = /[.!?…]["'”’»)]*$/u;
const CONTINUES =
  /(?:,|\(|-|–|:|(?<!\p{L})(?:the|of|and|with|to|for|in|on|at|a|an|by|de|du|des|la|le|les|et|à|au|aux|d['’]|l['’]|der|die|das|und|von|mit|del|di|и|в|на|по|с|о))$/iu;
const SALUTATION =
  /^(?:excellenc|your\s+excellenc|ladies|gentlemen|mr\.?\s|mr$|madam|dear|distinguished|colleagues|friends|good\s+(?:morning|afternoon|evening)|monsieur|madame|mesdames|messieurs|chers|дамы|господа|уважаем|meine\s+damen|sehr\s+geehrte)/iu;

// A full word, a full stop and a capital: one sentence ending inside the line ("Mr. X" is not one).
const SENTENCE_INSIDE = /[.!?](?<=\p{L}{4}[.!?])["'”’)]?\s+\p{Lu}/u;

/** True when the line ends a sentence or holds a sentence break: headers do not, prose does. */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text.trim()) || SENTENCE_INSIDE.test(text);
}

/** True when the line was cut mid-phrase ("… with the"), so the next line continues it. */
export function endsMidPhrase(text: string): boolean {
  return CONTINUES.test(text.trim());
}

/** True for salutations that open a speech ("Excellencies", "Mr Chairman"), which are never titles. */
export function isSalutation(text: string): boolean {
  return SALUTATION.test(text.trim());
}

/** Share of words that start with a capital: names and titles are high, prose is low. */
function capitalisedShare(text: string): number {
  const words = text.match(/\p{L}[\p{L}'’.-]*/gu) ?? [];
  if (words.length === 0) return 0;
  return words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length;
}

// Words that open the second half of a wrapped phrase ("… at the seminar" / "in the Euro-Atlantic area").
const STARTS_MID_PHRASE =
  /^(?:of|and|for|to|in|on|at|with|from|within|between|de|du|des|d['’]|et|en|dans|sur|avec|pour|à|au|aux|der|und|im|mit|für|zur|zum|del|della|и|в|на|с|по)\s/iu;

/** True when `line` continues a header phrase begun on the line before. */
export function isContinuation(previous: string, line: string): boolean {
  const text = line.trim();
  if (text.length > 120 || endsSentence(text) || isSalutation(text)) return false;
  return endsMidPhrase(previous) || STARTS_MID_PHRASE.test(text) || capitalisedShare(text) >= 0.5;
}

/** True for a country name on its own line ("Poland" under "Warsaw,"). */
export function isCountryLine(text: string): boolean {
  return countryKey(text.trim().replace(/[,;]$/, '')) !== null;
}

export interface PlaceDate {
  place: PlaceReading | null;
  date: FoundDate | null;
}

/** A line that is a place, or a place and a date ("Warsaw, Poland, 25 Sept. 2002"); else null. */
export function readPlaceDateLine(text: string, language: string | null): PlaceDate | null {
  const direct = parsePlace(text, language);
  if (direct !== null) return { place: direct, date: null };
  const dates = findDates(text);
  const date = dates[0];
  if (date === undefined || dates.length > 1) return null;
  // "Varsovie, le 25 septembre 2002", "Bonn, den 3. Mai 2002": the article belongs to the date.
  const strip = (s: string): string =>
    s.replace(/^[\s,;:–—-]+|[\s,;:–—(-]+$/gu, '').replace(/[\s,]+(?:le|on|the|den|am|el|il)$/iu, '');
  const before = strip(text.slice(0, date.index));
  const after = strip(text.slice(date.index + date.text.length).replace(/\)$/, ''));
  // "Point de presse du 4 novembre 2003" names a kind, not a place.
  if (before !== '' && after === '' && matchKind(text) === null) {
    const place = parsePlace(before, language, true);
    return place === null ? null : { place, date };
  }
  if (before === '' && after !== '') {
    const place = parsePlace(after, language, true);
    return place === null ? null : { place, date };
  }
  return null;
}

/** True when the line has the shape of any header field: used to look ahead past a title. */
export function looksLikeHeaderLine(text: string, language: string | null): boolean {
  const t = text.trim();
  if (t === '') return false;
  return (
    parseUpdatedLine(t) !== null ||
    parseDateLine(t) !== null ||
    parseReferenceLine(t) !== null ||
    isCollectionLine(t) ||
    readPlaceDateLine(t, language) !== null ||
    (matchKind(t) !== null && !endsSentence(t)) ||
    (/^(?:by|par|von)\s/iu.test(t) && afterSpeakerPreposition(t) !== null && !endsSentence(t)) ||
    (isOccasionLine(t) && !endsSentence(t))
  );
}
