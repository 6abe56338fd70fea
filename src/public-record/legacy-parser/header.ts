// The header of a page: the lines above the text (updated date, collection, place, date, kind,
// speaker, occasion, reference, title), in whatever order and wrapping the archive used. A short
// line that is none of these but has a field line a few lines below (an organisation banner) is set
// aside and reading goes on; a headline alone under the header is the title; the first other line
// starts the body.
//
// Lines read by their shape alone (dates, references, places) are "strict". Lines read by their
// first words (kind, "by …", "following …", continuations, titles) are "soft": if the line that ends
// the header continues their block (in lower case, or a block that only soft lines opened), they
// were the start of a wrapped paragraph, and the reader rolls back to the start of that block so
// that no text is lost.
import { chromeStrength } from './chrome.ts';
import { findDates, parseDateLine, type FoundDate } from './dates.ts';
import {
  afterSpeakerPreposition,
  afterWith,
  findReference,
  isCollectionLine,
  isOccasionLine,
  parseReferenceLine,
  parseUpdatedLine,
  splitSpeakerOccasion,
} from './fields.ts';
import {
  endsMidPhrase,
  endsSentence,
  isContinuation,
  isCountryLine,
  isSalutation,
  looksLikeHeaderLine,
  readPlaceDateLine,
} from './header-lines.ts';
import { applyKindLine, cloneHeader, emptyHeader, setDate, setPlace, type HeaderState } from './header-state.ts';
import { findKindIn, isKindPrefix, matchKind } from './kinds.ts';
import { parsePlace } from './places.ts';
import type { SourceLine } from './types.ts';

// A header is a handful of short lines; past these limits, whatever follows is text.
const MAX_HEADER_LINES = 40;
const MAX_HEADER_LINE_LENGTH = 300;

interface Step {
  consumed: number;
  strict: boolean;
}

/** Reads the header fields from the top of the page; `bodyStart` is the index of the first body line. */
export function readHeader(lines: readonly SourceLine[], language: string | null): HeaderState & { bodyStart: number } {
  let h = emptyHeader();
  // Where the current block began, and whether a strict line has been read in it since.
  let block = { state: cloneHeader(h), index: 0 };
  let strictInBlock = false;
  let i = 0;
  let seen = 0;
  let previousBlank = true;
  while (i < lines.length && seen < MAX_HEADER_LINES) {
    const line = lines[i] ?? { text: '', link: false, heading: false };
    const text = line.text.trim();
    if (text === '') {
      previousBlank = true;
      i++;
      continue;
    }
    if (previousBlank) {
      block = { state: cloneHeader(h), index: i };
      strictInBlock = false;
    }
    previousBlank = false;
    if (chromeStrength(text) !== null || line.link) {
      h.dropped.push(line.text);
      h.last = null;
      i++;
      continue;
    }
    seen++;
    const step = readLine(h, lines, i, language);
    if (step.consumed === 0 && skippable(h, lines, i, language)) {
      // A banner or stray line inside the header ("COUNCIL OF THE EUROPEAN UNION", "Permanent
      // Council"): more header follows, so it is set aside (reported in `dropped`) and reading goes on.
      h.skipped.push(line.text);
      h.last = null;
      i++;
      continue;
    }
    if (step.consumed === 0 && standaloneTitle(h, lines, i)) {
      // A headline set apart under the header lines (State Department, Council of Europe, FCO news).
      h.explicitTitle = text;
      i++;
      break;
    }
    if (step.consumed === 0) {
      // The lines read above began this same paragraph when it goes on in lower case, or when only
      // soft lines opened the block and the body now continues it without a blank line.
      if (block.index < i && (/^\p{Ll}/u.test(text) || !strictInBlock)) {
        h = block.state;
        i = block.index;
      }
      break;
    }
    i += step.consumed;
    strictInBlock ||= step.strict;
  }
  h.dropped.push(...h.skipped);
  return { ...h, bodyStart: i };
}

// At most this many lines are set aside in one header, and only with a field line this close below.
const MAX_SKIPPED = 4;
const SKIP_LOOKAHEAD = 4;

/** True when the line is no field, is not prose, and a field line follows within a few short lines. */
function skippable(h: HeaderState, lines: readonly SourceLine[], i: number, language: string | null): boolean {
  const text = lines[i]?.text.trim() ?? '';
  if (h.skipped.length >= MAX_SKIPPED || !headerish(text)) return false;
  let looked = 0;
  for (let j = i + 1; j < lines.length && looked < SKIP_LOOKAHEAD; j++) {
    const next = lines[j]?.text.trim() ?? '';
    if (next === '' || chromeStrength(next) !== null) continue;
    looked++;
    if (looksLikeHeaderLine(next, language)) return true;
    if (!headerish(next)) return false;
  }
  return false;
}

/** Short, not a sentence, not lower-case: a line that can sit in a header. */
function headerish(text: string): boolean {
  return (
    text !== '' &&
    text.length <= 120 &&
    !endsSentence(text) &&
    !isSalutation(text) &&
    !/^\p{Ll}/u.test(text) &&
    !/[,:]$/.test(text)
  );
}

// Organisation banners and section names: never a title, whatever follows them.
const BANNER_START =
  /^(?:the\s+)?(?:council|conseil|organi[sz]ation|ministry|minist[eè]re|department|office|bureau|united\s+nations|nations\s+unies|european\s+union|union\s+européenne|permanent\s+council|press\s+service|service\s+de\s+presse|parliamentary\s+assembly|newsroom|salle\s+de\s+presse|министерство|департамент|организация|пресс-служба|посольство|embassy|ambassade|délégation|delegation|mission)(?![\p{L}])/iu;

/** True for an organisation banner ("COUNCIL OF THE EUROPEAN UNION", "Organization for Security and Co-operation in Europe"). */
export function isBanner(text: string): boolean {
  const t = text.trim();
  if (!BANNER_START.test(t) || endsSentence(t)) return false;
  const words = t.match(/\p{L}[\p{L}'’.-]*/gu) ?? [];
  if (words.length > 10 || findKindIn(t) !== null) return false;
  // Russian names of bodies are capitalised only on their first word ("Организация по безопасности …").
  if (/^\p{Script=Cyrillic}/u.test(t) && words.length <= 8) return true;
  // A name: capitals but for linking words ("Organization for Security and Co-operation in Europe",
  // "Conseil de l'Europe"), or a press section ("Service de presse").
  const name = words.every((w) => /^(?:[ld][’'])?\p{Lu}/u.test(w) || LINKING_WORDS.has(w.toLowerCase()));
  return t === t.toUpperCase() || name || PRESS_SECTION.test(t) || (/\s:\s/u.test(t) && findDates(t).length > 0);
}

const PRESS_SECTION = /^(?:press\s+(?:service|office|section)|service\s+de\s+presse|пресс-служба)$/iu;
const LINKING_WORDS = new Set([
  'of',
  'for',
  'and',
  'the',
  'in',
  'on',
  'to',
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  "l'",
  'et',
  'pour',
  'и',
  'по',
  'в',
  'при',
]);

function capitalShare(text: string): number {
  const words = text.match(/\p{L}[\p{L}'’.-]*/gu) ?? [];
  return words.length === 0 ? 0 : words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length;
}

// A headline alone in its block, under the header lines and above the text: "Humanitarian Assistance
// to the Region" under "Press Statement / name, Spokesman / Washington, DC / date".
function standaloneTitle(h: HeaderState, lines: readonly SourceLine[], i: number): boolean {
  const text = lines[i]?.text.trim() ?? '';
  if (
    h.explicitTitle !== null ||
    h.titleParts.length > 1 ||
    (h.speaker !== null && h.titleParts.some((p) => /^(?:by|par)\s/iu.test(p)))
  )
    return false;
  if (h.kind === null && h.reference === null && h.date === null) return false;
  if ((lines[i - 1]?.text.trim() ?? '') !== '' || (lines[i + 1]?.text.trim() ?? '') !== '') return false;
  if (!headerish(text) || endsMidPhrase(text) || /\d{1,2}[:.]\d{2}\s*(?:a\.?m|p\.?m|h)/iu.test(text) || isBanner(text))
    return false;
  const words = text.match(/\p{L}+/gu) ?? [];
  if (words.length < 2 || words.length > 20 || !/^[\p{Lu}"“«]/u.test(text) || h.titleDated) return false;
  const following = nextNonBlank(lines, i + 1);
  if (following === null || (following.length < 60 && !endsSentence(following))) return false;
  return capitalShare(text) >= 0.5 || h.kind !== null || h.reference !== null;
}

function readLine(h: HeaderState, lines: readonly SourceLine[], i: number, language: string | null): Step {
  const line = lines[i] ?? { text: '', link: false, heading: false };
  const text = line.text.trim();
  if (text.length > MAX_HEADER_LINE_LENGTH) return { consumed: 0, strict: false };
  const next = adjacentText(lines, i + 1);
  const strict = readStrict(h, text, next, language);
  if (strict > 0) return { consumed: strict, strict: true };
  if (next !== null) {
    // A symbol broken across lines ("M-NAC-2" / "(2003)152") or a venue above its town ("NATO HQ" / "Brussels").
    const pieces = text.length <= 30 && next.length <= 30 && /\d/.test(next);
    const reference = pieces ? (parseReferenceLine(`${text}${next}`) ?? parseReferenceLine(`${text} ${next}`)) : null;
    if (reference !== null && parseReferenceLine(next) !== reference) {
      h.reference ??= reference;
      return { consumed: 2, strict: true };
    }
    const short = text.length <= 40 && next.length <= 40 && !/[,\d]/.test(text);
    // Only "venue" / "town": with "Town, Country" below, the line above is something else (a speaker).
    const venue =
      !short || next.includes(',') || parsePlace(text, language) !== null
        ? null
        : parsePlace(`${text}, ${next}`, language);
    if (venue !== null && venue.place.city !== null && readPlaceDateLine(next, language) !== null) {
      setPlace(h, venue);
      return { consumed: 2, strict: true };
    }
  }
  const adjacent = (lines[i - 1]?.text.trim() ?? '') !== '';
  if (readSoft(h, text, adjacent, language)) return { consumed: 1, strict: false };
  if (next !== null) {
    // A field broken across two lines: "Press" / "Release", "(2002)" / "128", "25 Sept." / "2002".
    const joined = `${text} ${next}`;
    if (isKindPrefix(text) && readSoft(h, joined, adjacent, language)) return { consumed: 2, strict: false };
    if (readStrict(h, joined, null, language) > 0 || readStrict(h, `${text}${next}`, null, language) > 0) {
      return { consumed: 2, strict: true };
    }
  }
  if (isTitle(h, lines, i, language)) {
    h.explicitTitle = text;
    h.last = 'title';
    // UN headlines are set in capitals and broken into two blocks: the second block continues the first.
    const gap = (lines[i + 1]?.text.trim() ?? '') === '' ? i + 2 : -1;
    const second = gap > 0 ? (lines[gap]?.text.trim() ?? '') : '';
    if (
      isCapitalsLine(text) &&
      isCapitalsLine(second) &&
      !endsSentence(second) &&
      (lines[gap + 1]?.text.trim() ?? '') === '' &&
      !looksLikeHeaderLine(second, language)
    ) {
      h.explicitTitle = `${text} ${second}`;
      return { consumed: gap - i + 1, strict: false };
    }
    return { consumed: 1, strict: false };
  }
  return { consumed: 0, strict: false };
}

// Fields recognised by their shape; returns how many lines were read (0 when none).
function readStrict(h: HeaderState, text: string, next: string | null, language: string | null): number {
  const updated = parseUpdatedLine(text);
  if (updated !== null) {
    readUpdated(h, text, updated.date);
    h.collection ??= updated.collection;
    return 1;
  }
  const date = parseDateLine(text);
  if (date !== null) {
    setDate(h, date);
    return 1;
  }
  const reference = parseReferenceLine(text);
  if (reference !== null) {
    h.reference ??= reference;
    return 1;
  }
  if (isCollectionLine(text)) {
    h.collection ??= text;
    return 1;
  }
  if (/,$/.test(text) && next !== null) {
    const joined = readPlaceDateLine(`${text} ${next}`, language);
    if (joined?.place != null && joined.place.place.country !== null) {
      setPlace(h, joined.place);
      if (joined.date !== null) setDate(h, joined.date);
      return 2;
    }
  }
  const placeDate = readPlaceDateLine(text, language);
  if (placeDate === null) return 0;
  if (
    placeDate.place !== null &&
    next !== null &&
    placeDate.place.confidence < 1 &&
    placeDate.place.place.city !== null &&
    isCountryLine(next)
  ) {
    const country = next.trim().replace(/[,;]$/, '');
    setPlace(h, { place: { city: placeDate.place.place.city, country }, confidence: 1, reason: null });
    if (placeDate.date !== null) setDate(h, placeDate.date);
    return 2;
  }
  if (placeDate.place !== null) setPlace(h, placeDate.place);
  if (placeDate.date !== null) setDate(h, placeDate.date);
  return 1;
}

function readUpdated(h: HeaderState, text: string, date: FoundDate | null): void {
  if (h.updated !== null) return;
  if (date === null || date.iso === null) {
    h.updatedProblem = date?.reason ?? `"${text}" gives no readable date`;
    return;
  }
  h.updated = date;
}

// Fields recognised by their first words. Headers never end a sentence, prose does. `adjacent` says
// the line sits right under the previous one, which a continuation needs and an occasion does not.
function readSoft(h: HeaderState, text: string, adjacent: boolean, language: string | null): boolean {
  if (endsSentence(text) || text.length > 200) return false;
  const kind = matchKind(text);
  // A second kind line ("Statement by …" under "Press Release (2002)128") describes the document better.
  if (kind !== null && (h.kind === null || (h.speaker === null && h.occasion === null && h.explicitTitle === null))) {
    applyKindLine(h, text, kind, language);
    return true;
  }
  // Russian names the speaker in the genitive on the line under a bare kind ("Выступление" / "Генерального секретаря НАТО").
  if (
    h.kindCyrillic &&
    h.last === 'kind' &&
    h.speaker === null &&
    h.occasion === null &&
    GENITIVE_START.test(text) &&
    !isOccasionLine(text)
  ) {
    h.titleParts.push(text);
    setSpeakerOccasion(h, text);
    h.flags.push({
      field: 'speaker',
      confidence: 0.8,
      reason: 'read from the line under the kind (Russian genitive) and kept as written',
    });
    return true;
  }
  // "Richard Boucher, Spokesman", "Secretary Colin L. Powell", "Office of the Spokesman" under a kind.
  const cut = h.last !== null && endsMidPhrase(h.titleParts[h.titleParts.length - 1] ?? '');
  if (h.kind !== null && h.speaker === null && !cut && isOfficeLine(text)) {
    h.speaker = text.replace(/[,;]$/, '');
    h.last = 'speaker';
    return true;
  }
  // "Meeting of the North Atlantic Council" / "Ministerial Meeting …" under the kind or the speaker.
  if (
    h.occasion === null &&
    (h.last === 'speaker' || (h.last === 'kind' && !/^\d/.test(text))) &&
    EVENT_LINE.test(text)
  ) {
    h.occasion = text;
    h.titleParts.push(text);
    h.last = 'occasion';
    return true;
  }
  const afterBy = afterSpeakerPreposition(text);
  // "by …" anywhere in the header; "du …", "de la …" right under the kind line, or under a bare kind
  // line after a blank one ("Conférence de presse conjointe" / "du ministre …").
  const underBareKind = h.last === 'kind' && h.speaker === null && h.occasion === null && h.titleParts.length === 1;
  const byLine =
    afterBy !== null &&
    (/^(?:by|par|von|por)\s/iu.test(text) ||
      (h.last === 'kind' && adjacent) ||
      (underBareKind && /^\p{Ll}/u.test(text)));
  const speakerText = byLine ? afterBy : afterWith(text, h.kind);
  if (speakerText !== null && h.speaker === null && h.occasion === null) {
    h.titleParts.push(text);
    setSpeakerOccasion(h, speakerText);
    return true;
  }
  if (isOccasionLine(text) && h.occasion === null && (h.last === 'kind' || h.last === 'speaker')) {
    h.occasion = text;
    h.titleParts.push(text);
    h.last = 'occasion';
    return true;
  }
  const previous = h.last === 'title' ? (h.explicitTitle ?? '') : (h.titleParts[h.titleParts.length - 1] ?? '');
  if (adjacent && h.last !== null && isContinuation(previous, text)) {
    continueField(h, text);
    return true;
  }
  return false;
}

// Titles of office that make a short capitalised line a speaker line.
const OFFICE =
  /(?:^|[\s,])(?:spokes(?:man|woman|person)|press\s+secretary|secretary|minister|ambassador|president|chairman|chairperson|representative|director|commissioner|envoy|prime\s+minister|porte-parole|ministre|ambassadeur|président|secrétaire|представитель|министр|посол|председатель|секретарь)(?![\p{L}])/iu;

function isOfficeLine(text: string): boolean {
  if (!OFFICE.test(text) || text.length > 120 || endsSentence(text) || isOccasionLine(text) || matchKind(text) !== null)
    return false;
  if (!/^\p{Lu}/u.test(text) || /^(?:by|par|von|the|le|la|les)\s/iu.test(text)) return false;
  const words = text.match(/\p{L}[\p{L}'’.-]*/gu) ?? [];
  if (words.length < 2 || words.length > 16) return false;
  // A person and an office ("Richard Boucher, Spokesman"), an office and a person ("Secretary Colin
  // L. Powell", "Ambassador Stephan M. Minikes, U.S. Representative …"), or an office ("Office of the Spokesman").
  return /^office\s+of\s+the\s/iu.test(text) || NAME_THEN_OFFICE.test(text) || OFFICE_THEN_NAME.test(text);
}

const PERSON = "\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}\\.)*(?:\\s+(?:de\\s+|van\\s+|von\\s+)?\\p{Lu}[\\p{L}'’-]+){1,3}";
const NAME_THEN_OFFICE = new RegExp(`^${PERSON}\\s*,\\s*[^,]{0,60}$`, 'u');
const OFFICE_THEN_NAME = new RegExp(
  `^(?:(?:deputy|under|assistant|acting)\\s+)?(?:secretary|ambassador|minister|president|chairman|commissioner|envoy|ministre|ambassadeur|président|посол|министр)\\s+${PERSON}(?:\\s*,.*)?$`,
  'iu',
);

// A speaker in the genitive opens with a genitive ending ("Генерального", "Министра", "Департамента",
// "официального") or an acronym ("МИД"); a headline in the nominative or after a preposition ("О
// встрече …", "Действующий председатель …") is not one.
const GENITIVE_START = /^(?:\p{Script=Cyrillic}+(?:ого|его|а|я|ей|ов|ев|ии|ы)|\p{Lu}{2,5})(?![\p{L}])/u;

const EVENT_LINE =
  /^(?:(?:informal|formal|ministerial|extraordinary|special|annual|joint|plenary|high-level|summit|(?:\d+(?:st|nd|rd|th)))\s+)*(?:meeting|session|summit|conference|seminar|forum|symposium|ceremony|réunion|sommet|conférence|séminaire|заседание|встреча|сессия|саммит|конференция)(?![\p{L}])/iu;

function setSpeakerOccasion(h: HeaderState, text: string): void {
  const { speaker, occasion } = splitSpeakerOccasion(text);
  h.speaker = speaker;
  h.occasion = occasion;
  h.last = occasion === null ? 'speaker' : 'occasion';
}

// A wrapped speaker line may carry the start of the occasion ("of the Council on the"), so the
// speaker and occasion are split again over the joined text.
function continueField(h: HeaderState, text: string): void {
  if (h.last === 'title') {
    h.explicitTitle = `${h.explicitTitle ?? ''} ${text}`.trim();
    return;
  }
  h.titleParts.push(text);
  if (h.last === 'occasion' && h.occasion !== null) {
    // The occasion goes on; the speaker is settled (and may hold words that open an occasion).
    h.occasion = `${h.occasion} ${text}`.replace(/\s+/g, ' ').trim();
    return;
  }
  if (h.last === 'speaker' || h.last === 'occasion') {
    setSpeakerOccasion(h, [h.speaker, h.occasion, text].filter((t) => t !== null).join(' '));
  }
}

// A heading-like line is a title when markup says so, when more header follows it, or when it sits
// under a bare kind ("Press Release (2002)128" then the headline), where a headline is expected.
function isTitle(h: HeaderState, lines: readonly SourceLine[], i: number, language: string | null): boolean {
  const line = lines[i];
  const text = line?.text.trim() ?? '';
  if (h.explicitTitle !== null || text.length > 160 || endsSentence(text) || endsMidPhrase(text) || isSalutation(text))
    return false;
  if (!/^[\p{Lu}\p{N}"“«'‘]/u.test(text) || findReference(text)?.index === 0) return false;
  if (isBanner(text)) return false;
  if (line?.heading === true) return true;
  if (/\s:\s/u.test(text) && findDates(text).length > 0) return false;
  // Right under the title (no blank line), only an unmistakable date or reference line will do: a
  // wrapped paragraph can continue with a word that looks like a place ("Poland."). A heading of two
  // or three short capitalised lines ("2577th Council meeting" / "External Relations") will do when
  // more header follows the block.
  const attached = adjacentText(lines, i + 1);
  if (attached !== null) {
    if (
      parseDateLine(attached) !== null ||
      parseUpdatedLine(attached) !== null ||
      parseReferenceLine(attached) !== null
    )
      return true;
    let end = i + 1;
    while (end < lines.length && (lines[end]?.text.trim() ?? '') !== '' && end - i <= 3) {
      const t = lines[end]?.text.trim() ?? '';
      if (endsSentence(t) || t.length > 80 || capitalShare(t) < 0.5) return false;
      end++;
    }
    if ((lines[end]?.text.trim() ?? '') !== '') return false;
    const after = nextNonBlank(lines, end);
    return after !== null && looksLikeHeaderLine(after, language);
  }
  const following = nextNonBlank(lines, i + 1);
  if (following !== null && looksLikeHeaderLine(following, language)) return true;
  return h.kind !== null && h.speaker === null && h.occasion === null && h.titleParts.length <= 1;
}

function isCapitalsLine(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  return letters.length >= 10 && text === text.toUpperCase() && text !== text.toLowerCase();
}

function adjacentText(lines: readonly SourceLine[], i: number): string | null {
  const text = lines[i]?.text.trim() ?? '';
  return text === '' || lines[i]?.link === true ? null : text;
}

function nextNonBlank(lines: readonly SourceLine[], from: number): string | null {
  for (let j = from; j < lines.length; j++) {
    const text = lines[j]?.text.trim() ?? '';
    if (text !== '') return text;
  }
  return null;
}
