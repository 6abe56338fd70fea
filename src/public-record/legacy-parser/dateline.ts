// A press-release dateline at the start of the text ("BRUSSELS, 9 Dec 2002 – The Secretary General …")
// is the last place to look for a date and a place that the header did not give. The dateline stays
// in the body: it is part of the text as published.
import { findDates, NO_YEAR, type FoundDate } from './dates.ts';
import { parsePlace, type PlaceReading } from './places.ts';

export interface Dateline {
  text: string;
  date: FoundDate;
  place: PlaceReading | null;
}

/** The dateline opening `paragraph`, or null when it does not open with "[Place,] Date –". */
export function readDateline(paragraph: string, language: string | null): Dateline | null {
  const date = findDates(paragraph.slice(0, 120)).find((d) => d.reason?.includes(NO_YEAR) !== true);
  if (date === undefined || date.iso === null) return null;
  const after = paragraph.slice(date.index + date.text.length);
  // "VIENNA, 12 October 2001 (OSCE) --": an agency tag may stand between the date and the dash.
  const separator = /^\s*\)?\s*(?:\(\s*\p{Lu}[\p{L}.]{1,12}\s*\)\s*)?(?:--|[-–—:])\s*/u.exec(after);
  if (separator === null) return null;
  const before = paragraph.slice(0, date.index).replace(/[\s,(]+$/u, '');
  const place = before === '' ? null : parsePlace(before, language, true);
  if (before !== '' && place === null) return null;
  return { text: paragraph.slice(0, date.index + date.text.length + separator[0].length).trim(), date, place };
}
