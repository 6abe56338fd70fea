// Mis-encoded characters are kept exactly as found (repairing them would be a guess) but reported,
// so that a reviewer can fix the page at the source or accept it.
import type { FieldFlag } from './types.ts';

// Windows-1252 renderings of UTF-8 continuation bytes (0x80-0xBF).
const CP1252_CONTINUATION =
  '\\u0080-\\u00BF\\u20AC\\u201A\\u0192\\u201E\\u2026\\u2020\\u2021\\u02C6\\u2030\\u0160\\u2039\\u0152\\u017D' +
  '\\u2018\\u2019\\u201C\\u201D\\u2022\\u2013\\u2014\\u02DC\\u2122\\u0161\\u203A\\u0153\\u017E\\u0178';
// UTF-8 read as Windows-1252: "é" → "Ã©", "’" → "â€™", "ł" → "Å‚", Cyrillic "м" → "Ð¼".
const MOJIBAKE = new RegExp(`[ÂÃÄÅÐÑ][${CP1252_CONTINUATION}]|â€[${CP1252_CONTINUATION}\\u009D]?`, 'gu');

export interface EncodingDamage {
  samples: string[];
  mojibake: number;
  replacement: number;
}

/** Counts mis-encoded sequences ("Ã©") and U+FFFD replacement characters in `text`. */
export function findEncodingDamage(text: string): EncodingDamage {
  const samples: string[] = [];
  let mojibake = 0;
  for (const m of text.matchAll(MOJIBAKE)) {
    mojibake++;
    if (samples.length < 3 && !samples.includes(m[0])) samples.push(m[0]);
  }
  // U+FFFD is a single code unit, so counting code units counts the characters (and indexOf is far
  // quicker than iterating the string by code point).
  let replacement = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) replacement++;
  return { samples, mojibake, replacement };
}

/** A flag for `field` when its text carries mis-encoded characters; null when it is clean. */
export function encodingFlag(field: string, text: string | null): FieldFlag | null {
  if (text === null || text === '') return null;
  const damage = findEncodingDamage(text);
  const parts: string[] = [];
  if (damage.mojibake > 0) {
    const shown = damage.samples.map((s) => `"${s}"`).join(', ');
    parts.push(
      `mis-encoded characters kept as found: ${shown} (${damage.mojibake} in all); the text was probably UTF-8 read as Windows-1252`,
    );
  }
  if (damage.replacement > 0) {
    parts.push(
      `${damage.replacement} replacement character(s) "\uFFFD" kept as found: the original characters were lost before archiving`,
    );
  }
  if (parts.length === 0) return null;
  return { field, confidence: 0.5, reason: parts.join('; ') };
}
