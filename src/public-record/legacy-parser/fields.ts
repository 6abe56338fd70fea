// Small readers for the header fields that are recognised by their shape alone: the reference,
// the "Updated:" line with its collection, a collection line, and the split of a "by …" phrase
// into speaker and occasion.
import { findDates, type FoundDate } from './dates.ts';

// "(2002)128", "M-NAC-2(2003)112", "PR/CP(2002)128", "SG/SM/8454", "GA/10092".
const REFERENCE_SOURCE =
  '(?:[A-Z][A-Z0-9]*(?:[-/][A-Z0-9]+)*\\s?)?\\(\\s?\\d{4}\\s?\\)\\s?\\d{1,4}(?:-[A-Z0-9]+)?' +
  '|[A-Z][A-Z0-9]{0,5}(?:[./][A-Z0-9]{1,8}){0,3}/\\s?\\d{1,6}(?:[-/][A-Z0-9]+)*' +
  // Council of Europe: "187(2000)".
  '|\\d{1,4}\\(\\d{4}\\)';
// Numbers that are references only on a line of their own: EU Council "15342/04 (Presse 329)",
// "P 141/04", State Department "2003/212", Russian MFA "1412-11-07-2002".
const REFERENCE_LINE_ONLY = /^(?:\d{3,6}\/\d{2,4}|[A-Z]\s\d{1,4}\/\d{2}|\d{2,5}-\d{2}-\d{2}-\d{4})$/u;
const PRESS_NUMBER = /\s*\((?:presse?|press)\s*\d+\)$/iu;
const REFERENCE_ANYWHERE = new RegExp(`(?<![\\p{L}\\p{N}/])(?:${REFERENCE_SOURCE})(?![\\p{L}\\p{N}])`, 'u');
const REFERENCE_LABEL = /^(?:ref(?:erence)?\.?|réf(?:érence)?\.?|no\.?|n°|№|document|doc\.?|symbol|cote)\s*:?\s*/iu;

/** A reference number written in `text`, normalised by removing the spaces a wrap put inside it. */
export function findReference(text: string): { reference: string; index: number; length: number } | null {
  const m = REFERENCE_ANYWHERE.exec(text);
  if (m === null) return null;
  // "SG/SM/8971-OBV/371" is two symbols joined: the first is the document's.
  const reference = m[0].replace(/\s+/g, '').replace(/-[A-Z]+\/.*$/u, '');
  return { reference, index: m.index, length: m[0].length };
}

/** The reference when `line` is nothing but a (labelled) reference, e.g. "Ref: SG/SM/8454". */
export function parseReferenceLine(line: string): string | null {
  const text = line
    .trim()
    .replace(REFERENCE_LABEL, '')
    .replace(/[.;,]$/, '')
    .replace(PRESS_NUMBER, '');
  if (REFERENCE_LINE_ONLY.test(text)) return text;
  const found = findReference(text);
  if (found === null || found.index !== 0 || found.length !== text.length) return null;
  return found.reference;
}

const UPDATED_LABEL =
  /^(?:last\s+updated|updated(?:\s+on)?|last\s+modified|page\s+updated|(?:dernière\s+)?mise\s+(?:à|a|Ã\s?|Ã\u00a0)\s*jour(?:\s+le)?|aktualisiert(?:\s+am)?|actualizado|aggiornato|обновлено|дата\s+обновления)\s*:?\s*/iu;

export interface UpdatedLine {
  date: FoundDate | null;
  collection: string | null;
}

/** Reads "Updated: 25-Sep-2002 NATO Speeches" (and its French, German, Russian forms); else null. */
export function parseUpdatedLine(line: string): UpdatedLine | null {
  const label = UPDATED_LABEL.exec(line.trim());
  if (label === null) return null;
  const rest = line.trim().slice(label[0].length);
  // A label alone is half of a line the archive wrapped: the header reader joins it with the next.
  if (rest.trim() === '') return null;
  const date = findDates(rest)[0];
  const dateFirst = date !== undefined && rest.slice(0, date.index).trim() === '';
  // Without a colon, only a date straight after the word makes it a label ("Updated 25-Sep-2002").
  if (!dateFirst && !label[0].includes(':')) return null;
  if (date === undefined || !dateFirst) return { date: null, collection: null };
  const tail = rest
    .slice(date.index + date.text.length)
    .replace(/^[\s,;:|–—-]+/, '')
    .trim();
  return { date, collection: tail === '' ? null : tail };
}

const COLLECTION_LINE =
  /^(?:(?:NATO|OTAN|НАТО|Council|Conseil)\s+)?(?:speeches|press\s+releases|press\s+statements|statements|communiqu[eé]s|transcripts|discours|communiqu[eé]s\s+de\s+presse|déclarations|выступления|пресс-релизы|заявления|reden|pressemitteilungen)$/iu;

/** True for a line that names an archive collection ("NATO Speeches", "Communiqués de presse"). */
export function isCollectionLine(line: string): boolean {
  return COLLECTION_LINE.test(line.trim());
}

// The outlet an interview was given to, in Russian the dative: "газете «Известия»", "агентству ИТАР-ТАСС".
const MEDIA_START =
  '(?:газете|агентству|информационному\\s+агентству|телеканалу|телекомпании|радиостанции|журналу|еженедельнику)';

const OCCASION_START =
  '(?:following|after|at|on\\s+the\\s+occasion\\s+of|during|before|upon|on|to\\s+mark|in\\s+connection\\s+with|' +
  "lors\\s+d[eu]|lors\\s+de\\s+la|à\\s+l['’]occasion\\s+d[eu']|à\\s+l['’]issue\\s+d[eu']|à\\s+la\\s+suite\\s+d[eu']|" +
  "après|devant|au\\s+cours\\s+d[eu']|avec|sur|au\\s+nom\\s+d[eu']|на|по\\s+случаю|после|в\\s+ходе|во\\s+время|по\\s+итогам|в\\s+связи\\s+с|" +
  'anlässlich|nach|während|zum|zur|bei)';
const OCCASION_SPLIT = new RegExp(`,?\\s+(?=(?:${OCCASION_START}|${MEDIA_START})(?![\\p{L}]))`, 'u');
// On a line of its own, "to the …" and "before the …" open an occasion too ("Address by X" / "to the
// Permanent Council"); inside a line they are part of a title ("Representative to the OSCE").
const OCCASION_LINE = new RegExp(
  `^(?:${OCCASION_START}|to\\s+(?:the|a|an)|before\\s+the|held\\s+(?:at|in))(?![\\p{L}])`,
  'iu',
);

/** True when a line opens an occasion phrase ("following the meeting …", "lors de la réunion …"). */
export function isOccasionLine(line: string): boolean {
  return OCCASION_LINE.test(line.trim());
}

/** Splits "NATO Secretary General following the meeting of …" into speaker and occasion. */
export function splitSpeakerOccasion(text: string): { speaker: string | null; occasion: string | null } {
  const clean = text.trim();
  if (isOccasionLine(clean)) return { speaker: null, occasion: tidy(clean) };
  const m = OCCASION_SPLIT.exec(clean);
  if (m === null) return { speaker: tidy(clean), occasion: null };
  return { speaker: tidy(clean.slice(0, m.index)), occasion: tidy(clean.slice(m.index + m[0].length)) };
}

const SPEAKER_PREPOSITION =
  /^(?:attributable\s+to|by|par|von|por|da|del|della|di|des|du|de\s+la|de\s+l['’]|de(?=\s+(?:M\.|Mme|Lord|Sir|S\.E\.|\p{Lu})))\s+/iu;

/** The words after a speaker preposition ("by …", "du …", "von …"), or null when there is none. */
export function afterSpeakerPreposition(text: string): string | null {
  const m = SPEAKER_PREPOSITION.exec(text.trim());
  return m === null ? null : text.trim().slice(m[0].length);
}

// Interviews and press conferences name their speaker with "with": "Interview with the Secretary General".
const WITH_KINDS = new Set(['Interview', 'Press Conference', 'Joint Press Conference', 'Press Briefing']);

/** The words after "with …" when the kind is one that names its speaker that way; else null. */
export function afterWith(text: string, kind: string | null): string | null {
  if (kind === null || !WITH_KINDS.has(kind)) return null;
  const m = /^(?:with|avec|mit|с)\s+/iu.exec(text.trim());
  return m === null ? null : text.trim().slice(m[0].length);
}

function tidy(text: string): string | null {
  const t = text.replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/g, '').replace(/\s+/g, ' ');
  return t === '' ? null : t;
}
