// Language detection that a reviewer can follow: the script decides for Cyrillic and Greek, and
// counts of common function words decide between the Latin-script languages of the archive.
import type { FieldFlag } from './types.ts';

const STOP_WORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set(
    'the and of to in is that we for with this are have be our will it as by was has not at which from'.split(' '),
  ),
  fr: new Set(
    'le la les des et est dans que pour une du nous sur avec qui pas au aux ce sont par ont cette être'.split(' '),
  ),
  de: new Set('der die das und ist nicht ein eine mit zu den dem für auf wir sich auch es im von werden'.split(' ')),
  es: new Set('el los las y que en es una por con para del se su al como más lo hemos nuestra'.split(' ')),
  it: new Set('il gli e che di è per una con non della del sono nel alla come anche più abbiamo'.split(' ')),
};

export interface LanguageReading {
  language: string | null;
  flag: FieldFlag | null;
}

/** The ISO 639-1 language of `text`; `declared` is the page's own claim (HTML lang), used as a hint. */
export function detectLanguage(text: string, declared: string | null): LanguageReading {
  const hint = declared === null ? null : (declared.toLowerCase().split(/[-_]/)[0] ?? null);
  // A sample is enough to tell a language, and keeps the cost flat on long pages; one regex pass per
  // script (rather than a test per letter) keeps detection to a few microseconds a page.
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const { letters: letterCount, cyrillic, greek, ascii } = countScripts(sample);
  if (letterCount < 20) {
    if (hint !== null && /^[a-z]{2}$/.test(hint)) {
      return { language: hint, flag: unsure(0.8, `too little text to detect; the page declares "${declared}"`) };
    }
    return { language: null, flag: unsure(0, 'too little text to detect a language') };
  }
  if (greek > letterCount / 2) return { language: 'el', flag: null };
  if (cyrillic > letterCount / 2) return cyrillicLanguage(sample);
  return latinLanguage(sample, hint, declared, ascii);
}

// One pass over the code units: Latin, Cyrillic and Greek are told by their blocks, and only the rare
// character of another script pays for a Unicode regex test. (Regex passes per script cost more than
// the rest of the parser together in the import benchmark.)
const OTHER_LETTER = /\p{L}/u;
function countScripts(text: string): { letters: number; cyrillic: number; greek: number; ascii: boolean } {
  let latin = 0;
  let cyrillic = 0;
  let greek = 0;
  let other = 0;
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) ascii = false;
    if (c < 0x80) {
      const lower = c | 0x20;
      if (lower >= 0x61 && lower <= 0x7a) latin += 1;
    } else if (c >= 0x400 && c <= 0x52f) cyrillic += 1;
    else if ((c >= 0x370 && c <= 0x3ff) || (c >= 0x1f00 && c <= 0x1fff)) greek += 1;
    else if (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) latin += 1;
    else if (c >= 0xaa && !(c >= 0xd800 && c <= 0xdfff) && OTHER_LETTER.test(text[i]!)) other += 1;
  }
  return { letters: latin + cyrillic + greek + other, cyrillic, greek, ascii };
}

// Ukrainian has letters Russian lacks; Bulgarian lacks "ы" and "э", which any Russian page has.
function cyrillicLanguage(text: string): LanguageReading {
  if (/[іїєґІЇЄҐ]/u.test(text))
    return { language: 'uk', flag: unsure(0.8, 'Cyrillic with Ukrainian letters (і, ї, є, ґ)') };
  if (!/[ыэЫЭ]/u.test(text)) {
    return {
      language: 'ru',
      flag: unsure(0.6, 'Cyrillic script without "ы" or "э"; Russian assumed, could be Bulgarian or Serbian'),
    };
  }
  return { language: 'ru', flag: null };
}

// Each common word, with the languages it counts for (a word such as "que" counts for several).
const STOP_WORD_LANGUAGES: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [lang, set] of Object.entries(STOP_WORDS))
    for (const word of set) map.set(word, [...(map.get(word) ?? []), lang]);
  return map;
})();
const LANGUAGES = Object.keys(STOP_WORDS);
const LONGEST_STOP_WORD = Math.max(...[...STOP_WORD_LANGUAGES.keys()].map((w) => w.length));

// Whether a UTF-16 code unit is a letter (\p{L}), remembered per code unit: the word scanner below
// asks once per character, and Latin text asks about the same few accented letters again and again.
const LETTER = /^\p{L}$/u;
const letterCache = new Uint8Array(0x10000); // 0 not yet asked, 1 letter, 2 not a letter
function isLetterUnit(c: number): boolean {
  if (c < 0x80) return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
  let known = letterCache[c]!;
  if (known === 0) {
    known = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
    letterCache[c] = known;
  }
  return known === 1;
}

/** The length in code units of the letter at `i` (2 for a letter outside the BMP), or 0 when it is none. */
function letterAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return LETTER.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  return c >= 0xd800 && c <= 0xdfff ? 0 : isLetterUnit(c) ? 1 : 0;
}

/** Counts common words of plain ASCII text: the same words as below, without lower-casing the whole text first. */
function countAsciiWords(text: string, hits: Record<string, number>): void {
  let words = 0;
  for (let i = 0; i < text.length && words < 5000;) {
    if (((text.charCodeAt(i) | 0x20) - 0x61) >>> 0 > 25) {
      i += 1;
      continue;
    }
    const start = i;
    while (i < text.length && ((text.charCodeAt(i) | 0x20) - 0x61) >>> 0 <= 25) i += 1;
    words += 1;
    if (i - start > LONGEST_STOP_WORD) continue;
    const langs = STOP_WORD_LANGUAGES.get(text.slice(start, i).toLowerCase());
    if (langs !== undefined) for (const lang of langs) hits[lang]! += 1;
  }
}

function latinLanguage(text: string, hint: string | null, declared: string | null, ascii: boolean): LanguageReading {
  // One pass over the first 5,000 words (runs of letters, as /\p{L}+/gu finds them), counting every
  // language at once; only words short enough to be common words are cut out of the text. (A filter
  // per language over an array of all the words cost more than the rest of language detection.)
  const hits: Record<string, number> = Object.fromEntries(LANGUAGES.map((lang) => [lang, 0]));
  if (ascii) countAsciiWords(text, hits);
  const lower = ascii ? '' : text.toLowerCase();
  let words = 0;
  for (let i = 0; i < lower.length && words < 5000;) {
    let size = letterAt(lower, i);
    if (size === 0) {
      i += 1;
      continue;
    }
    const start = i;
    while (size > 0) {
      i += size;
      size = i < lower.length ? letterAt(lower, i) : 0;
    }
    words += 1;
    if (i - start > LONGEST_STOP_WORD) continue;
    const langs = STOP_WORD_LANGUAGES.get(lower.slice(start, i));
    if (langs !== undefined) for (const lang of langs) hits[lang]! += 1;
  }
  const scores = LANGUAGES.map((lang) => ({ lang, hits: hits[lang]! })).sort(
    (a, b) => b.hits - a.hits || a.lang.localeCompare(b.lang),
  );
  const best = scores[0];
  const second = scores[1];
  if (best === undefined || best.hits < 3) {
    return { language: hint, flag: unsure(hint === null ? 0 : 0.5, 'too few common words to tell the language') };
  }
  const runnerUp = second?.hits ?? 0;
  const clear =
    (best.hits >= 4 && runnerUp === 0) ||
    (best.hits >= 5 && best.hits >= 3 * runnerUp) ||
    (best.hits >= 8 && best.hits >= 2 * runnerUp);
  if (hint !== null && hint !== best.lang && /^[a-z]{2}$/.test(hint)) {
    return {
      language: best.lang,
      flag: unsure(0.6, `the text reads as "${best.lang}" but the page declares "${declared}"`),
    };
  }
  if (clear || hint === best.lang) return { language: best.lang, flag: null };
  return {
    language: best.lang,
    flag: unsure(
      0.6,
      `"${best.lang}" by a narrow margin (${best.hits} common words against ${runnerUp} for "${second?.lang}")`,
    ),
  };
}

function unsure(confidence: number, reason: string): FieldFlag {
  return { field: 'language', confidence, reason };
}
