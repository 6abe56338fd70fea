// Words and URLs of the public record pages: dates of stated precision, places, languages, speakers
// and the stable paths of every page. Pure functions, shared by pages, feed and sitemap.
import type { Place, RecordSummary } from '../../public-record/model.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** 1 → 'January'; anything else → ''. */
export function monthName(month: number): string {
  return MONTHS[month - 1] ?? '';
}

interface DateParts {
  year: number;
  month: number | null;
  day: number | null;
}

function parts(iso: string): DateParts | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso.trim());
  if (!match) return null;
  const month = match[2] ? Number(match[2]) : null;
  if (month !== null && (month < 1 || month > 12)) return null;
  return { year: Number(match[1]), month, day: match[3] ? Number(match[3]) : null };
}

function single(p: DateParts): string {
  if (p.month === null) return String(p.year);
  if (p.day === null) return `${monthName(p.month)} ${p.year}`;
  return `${p.day} ${monthName(p.month)} ${p.year}`;
}

/**
 * A date of stated precision in English: '2002-09-25' → '25 September 2002', '2002-10' → 'October 2002',
 * '2003-10-02/2003-10-03' → '2–3 October 2003'. Unreadable input is shown as written, never dropped.
 */
export function formatRecordDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [from, to] = iso.split('/');
  const start = parts(from ?? '');
  if (!start) return iso;
  if (to === undefined) return single(start);
  const end = parts(to);
  if (!end) return iso;
  // A range shares as much as it can: '2–3 October 2003', '30 September – 2 October 2003'.
  if (
    start.year === end.year &&
    start.month !== null &&
    start.month === end.month &&
    start.day !== null &&
    end.day !== null
  ) {
    return start.day === end.day ? single(start) : `${start.day}–${end.day} ${monthName(start.month)} ${start.year}`;
  }
  if (start.year === end.year && start.month !== null && end.month !== null) {
    const head = start.day === null ? monthName(start.month) : `${start.day} ${monthName(start.month)}`;
    return `${head} – ${single(end)}`;
  }
  return `${single(start)} – ${single(end)}`;
}

/** An instant or a date ('2002-09-25T08:00:00Z') → '25 September 2002'. */
export function formatDay(instant: string | null | undefined): string {
  if (!instant) return '';
  return formatRecordDate(instant.slice(0, 10));
}

/** { city: 'Warsaw', country: 'Poland' } → 'Warsaw, Poland'. */
export function formatPlace(place: Place | null | undefined): string {
  if (!place) return '';
  return [place.city, place.country].filter(Boolean).join(', ');
}

const FUNCTION_WORDS =
  /\b(secretary|general|minister|chairman|chairwoman|chair|president|ambassador|spokesman|spokesperson|representative|commander|deputy|director|head|prime|foreign|council|committee|delegation)\b/i;

/**
 * 'NATO Secretary General' → 'by the NATO Secretary General'; 'Lord Robertson' → 'by Lord Robertson'.
 * A function takes the article, a person does not; English only (other languages show the field).
 */
export function bySpeaker(speaker: string): string {
  if (/^the\s/i.test(speaker) || !FUNCTION_WORDS.test(speaker)) return `by ${speaker}`;
  return `by the ${speaker}`;
}

const englishNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** 'fr' → 'French'. */
export function languageName(code: string): string {
  try {
    return englishNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** 'fr' → 'Français': the language's name in itself, for links to other language versions. */
export function nativeLanguageName(code: string): string {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  } catch {
    return code;
  }
}

/** The one-line description of an item in lists: date, place, kind, speaker. */
export function summaryLine(item: Pick<RecordSummary, 'date' | 'place' | 'kind' | 'speaker'>): string {
  return [formatRecordDate(item.date), formatPlace(item.place), item.kind].filter(Boolean).join(' · ');
}

// The site's paths. They are the public contract of the archive: never change one without a redirect.
export const paths = {
  home: '/',
  record: '/record',
  item: (slug: string) => `/record/${encodeURIComponent(slug)}`,
  year: (year: number) => `/record/${String(year).padStart(4, '0')}`,
  month: (year: number, month: number) => `/record/${String(year).padStart(4, '0')}/${String(month).padStart(2, '0')}`,
  kind: (slug: string) => `/record/kind/${encodeURIComponent(slug)}`,
  speaker: (slug: string) => `/record/speaker/${encodeURIComponent(slug)}`,
  language: (code: string) => `/record/language/${encodeURIComponent(code)}`,
  search: '/search',
  feed: '/feed.atom',
  sitemap: '/sitemap.xml',
  council: '/council',
};

/** Joins the configured public URL and a path into an absolute URL. */
export function absoluteUrl(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${path}`;
}
