// The end of a page can carry header fields too: the Russian MFA closes its statements with the date
// ("11 июля 2002 года"), the State Department puts its release number last ("2003/212"), and some
// press services sign off with "Issued on 3 February 2004 in Strasbourg". These are read here; the
// date and reference lines are taken out of the body (a field, not text), the "Issued on" stamp is
// left for the body's end-trimming to drop as chrome.
import { chromeStrength, isStampLine } from './chrome.ts';
import { findDates, parseDateLine, type FoundDate } from './dates.ts';
import { parseReferenceLine } from './fields.ts';
import { parsePlace, type PlaceReading } from './places.ts';
import type { SourceLine } from './types.ts';

export interface Trailer {
  date: FoundDate | null;
  dateText: string | null;
  /** The date stood on a line of its own (taken out of the body); false for an "Issued on" stamp. */
  dateLine: boolean;
  place: PlaceReading | null;
  reference: string | null;
  /** Indexes of the lines read into fields: they are not body text. */
  consumed: number[];
}

const MAX_TRAILER_LINES = 3;
const CONTACT = /\b(?:tel|tél|phone|fax|e-?mail)\b\.?\s*:|@|тел\.|факс/iu;
const ISSUED = /^(?:issued|released|published|publié|diffusé)\s+(?:on\s+|le\s+)?/iu;

/** Reads the date, reference and place that a page gives after its text (from `start` on). */
export function readTrailer(lines: readonly SourceLine[], start: number, language: string | null): Trailer {
  const trailer: Trailer = { date: null, dateText: null, dateLine: false, place: null, reference: null, consumed: [] };
  let fieldLines = 0;
  let textLines = 0;
  for (let i = lines.length - 1; i >= start && fieldLines < MAX_TRAILER_LINES; i--) {
    const text = lines[i]?.text.trim() ?? '';
    if (text === '' || lines[i]?.link === true) continue;
    const issued = ISSUED.exec(text);
    if (issued !== null) {
      readIssued(trailer, text.slice(issued[0].length), language);
      continue;
    }
    if (chromeStrength(text) !== null || isStampLine(text) || (text.length <= 120 && CONTACT.test(text))) continue;
    const date = text.length <= 40 ? parseDateLine(text) : null;
    if (date !== null && date.iso !== null && /\p{L}|\d{2}[./-]\d{2}/u.test(text) && trailer.date === null) {
      trailer.date = date;
      trailer.dateText = text;
      trailer.dateLine = true;
      trailer.consumed.push(i);
      fieldLines++;
      continue;
    }
    const reference = parseReferenceLine(text);
    if (reference !== null && trailer.reference === null) {
      trailer.reference = reference;
      trailer.consumed.push(i);
      fieldLines++;
      continue;
    }
    textLines++;
    break;
  }
  // A page that is nothing but such lines has no text to close.
  if (textLines === 0)
    return { date: null, dateText: null, dateLine: false, place: null, reference: null, consumed: [] };
  return trailer;
}

function readIssued(trailer: Trailer, rest: string, language: string | null): void {
  const date = findDates(rest)[0];
  if (date === undefined || date.iso === null || rest.slice(0, date.index).trim() !== '') return;
  trailer.date ??= date;
  trailer.dateText ??= rest;
  const where = /^\s*(?:in|à|at)\s+(.+?)\.?$/u.exec(rest.slice(date.index + date.text.length));
  if (where?.[1] !== undefined) trailer.place ??= parsePlace(where[1], language, true);
}
