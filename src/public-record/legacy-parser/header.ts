// The header of a page: the lines above the text (updated date, collection, place, date, kind,
// speaker, occasion, reference, title), in whatever order and wrapping the archive used. Reading
// stops at the first line that is none of these: that line starts the body.
//
// Lines read by their shape alone (dates, references, places) are "strict". Lines read by their
// first words (kind, "by …", "following …", continuations, titles) are "soft": if the line that ends
// the header continues their block (in lower case, or a block that only soft lines opened), they
// were the start of a wrapped paragraph, and the reader rolls back to the start of that block so
// that no text is lost.
import { chromeStrength } from './chrome.ts';
import { parseDateLine, type FoundDate } from './dates.ts';
import { afterSpeakerPreposition, afterWith, findReference, isCollectionLine, isOccasionLine, parseReferenceLine, parseUpdatedLine, splitSpeakerOccasion } from './fields.ts';
import { endsMidPhrase, endsSentence, isContinuation, isCountryLine, isSalutation, looksLikeHeaderLine, readPlaceDateLine } from './header-lines.ts';
import { applyKindLine, cloneHeader, emptyHeader, setDate, setPlace, type HeaderState } from './header-state.ts';
import { isKindPrefix, matchKind } from './kinds.ts';
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
  return { ...h, bodyStart: i };
}

function readLine(h: HeaderState, lines: readonly SourceLine[], i: number, language: string | null): Step {
  const line = lines[i] ?? { text: '', link: false, heading: false };
  const text = line.text.trim();
  if (text.length > MAX_HEADER_LINE_LENGTH) return { consumed: 0, strict: false };
  const next = adjacentText(lines, i + 1);
  const strict = readStrict(h, text, next, language);
  if (strict > 0) return { consumed: strict, strict: true };
  const adjacent = (lines[i - 1]?.text.trim() ?? '') !== '';
  if (readSoft(h, text, adjacent)) return { consumed: 1, strict: false };
  if (next !== null) {
    // A field broken across two lines: "Press" / "Release", "(2002)" / "128", "25 Sept." / "2002".
    const joined = `${text} ${next}`;
    if (isKindPrefix(text) && readSoft(h, joined, adjacent)) return { consumed: 2, strict: false };
    if (readStrict(h, joined, null, language) > 0 || readStrict(h, `${text}${next}`, null, language) > 0) {
      return { consumed: 2, strict: true };
    }
  }
  if (isTitle(h, lines, i, language)) {
    h.explicitTitle = text;
    h.last = 'title';
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
  if (placeDate.place !== null && next !== null && placeDate.place.confidence < 1 && placeDate.place.place.city !== null && isCountryLine(next)) {
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
function readSoft(h: HeaderState, text: string, adjacent: boolean): boolean {
  if (endsSentence(text) || text.length > 200) return false;
  const kind = matchKind(text);
  // A second kind line ("Statement by …" under "Press Release (2002)128") describes the document better.
  if (kind !== null && (h.kind === null || (h.speaker === null && h.occasion === null && h.explicitTitle === null))) {
    applyKindLine(h, text, kind);
    return true;
  }
  const afterBy = afterSpeakerPreposition(text);
  const byLine = afterBy !== null && (/^(?:by|par|von|por)\s/iu.test(text) || (h.last === 'kind' && adjacent));
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
  if (h.last === 'speaker' || h.last === 'occasion') {
    setSpeakerOccasion(h, [h.speaker, h.occasion, text].filter((t) => t !== null).join(' '));
  }
}

// A heading-like line is a title when markup says so, when more header follows it, or when it sits
// under a bare kind ("Press Release (2002)128" then the headline), where a headline is expected.
function isTitle(h: HeaderState, lines: readonly SourceLine[], i: number, language: string | null): boolean {
  const line = lines[i];
  const text = line?.text.trim() ?? '';
  if (h.explicitTitle !== null || text.length > 160 || endsSentence(text) || endsMidPhrase(text) || isSalutation(text)) return false;
  if (!/^[\p{Lu}\p{N}"“«'‘]/u.test(text) || findReference(text)?.index === 0) return false;
  if (line?.heading === true) return true;
  // Right under the title (no blank line), only an unmistakable date or reference line will do: a
  // wrapped paragraph can continue with a word that looks like a place ("Poland.").
  const attached = adjacentText(lines, i + 1);
  if (attached !== null) {
    return parseDateLine(attached) !== null || parseUpdatedLine(attached) !== null || parseReferenceLine(attached) !== null;
  }
  const following = nextNonBlank(lines, i + 1);
  if (following !== null && looksLikeHeaderLine(following, language)) return true;
  return h.kind !== null && h.speaker === null && h.occasion === null && h.titleParts.length <= 1;
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
