// The search box's language, parsed once into a safe structure and rendered for each engine, so that
// no user string ever reaches FTS5 or tsquery syntax directly. Supported: words (all must match),
// "quoted phrases", and -exclusions (-word, -"phrase"). Everything else is treated as text.
import { AppError } from '../../kernel/errors.ts';

export const MAX_SEARCH_LENGTH = 500;
const MAX_TERMS = 20;

export interface ParsedSearch {
  /** Each term is a word or a phrase (several words); all must match. */
  include: string[][];
  /** Terms that must not occur. */
  exclude: string[][];
}

// Inner hyphens stay inside a word ("NATO-Russia"): PostgreSQL indexes a hyphenated compound as the
// compound plus its parts, so a phrase must reach it with the hyphen for positions to line up.
const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

function words(text: string): string[] {
  return (text.normalize('NFC').match(WORD) ?? []).map((w) => w.toLowerCase());
}

/** Parses search text; throws SEARCH_INVALID (400) when it is too long or has nothing to look for. */
export function parseSearch(text: string): ParsedSearch {
  if (text.length > MAX_SEARCH_LENGTH) {
    throw new AppError(
      'SEARCH_INVALID',
      `The search text is ${text.length} characters long; the limit is ${MAX_SEARCH_LENGTH}. Search for fewer words.`,
      [{ path: 'q', message: `must be at most ${MAX_SEARCH_LENGTH} characters` }],
    );
  }
  const include: string[][] = [];
  const exclude: string[][] = [];
  // A term is -?"phrase" (closing quote optional) or -?run-of-non-space.
  const TERM = /(-?)"([^"]*)"?|(-?)([^\s"]+)/g;
  for (const match of text.matchAll(TERM)) {
    const negated = (match[1] ?? match[3]) === '-';
    const list = words(match[2] ?? match[4] ?? '');
    if (list.length === 0) continue;
    const isPhrase = match[2] !== undefined;
    const terms = isPhrase ? [list] : list.map((w) => [w]);
    (negated ? exclude : include).push(...terms);
  }
  if (include.length === 0) {
    throw new AppError(
      'SEARCH_INVALID',
      'Search for at least one word or number (exclusions alone, symbols and emoji find nothing).',
      [{ path: 'q', message: 'has no word to search for' }],
    );
  }
  return { include: include.slice(0, MAX_TERMS), exclude: exclude.slice(0, MAX_TERMS) };
}

// Words contain only letters, digits and inner hyphens, so wrapping them in double quotes is always valid FTS5.
const fts5Term = (term: string[]) => `"${term.join(' ')}"`;

/** The FTS5 MATCH expression for a parsed search. */
export function toFts5Match(search: ParsedSearch): string {
  const include = search.include.map(fts5Term).join(' AND ');
  const exclude = search.exclude.map((t) => ` NOT ${fts5Term(t)}`).join('');
  return `(${include})${exclude}`;
}

/** Text for PostgreSQL's websearch_to_tsquery, rebuilt from the parsed terms (never raw input). */
export function toWebsearch(search: ParsedSearch): string {
  const term = (t: string[]) => (t.length > 1 ? `"${t.join(' ')}"` : t[0]!);
  return [...search.include.map(term), ...search.exclude.map((t) => `-${term(t)}`)].join(' ');
}
