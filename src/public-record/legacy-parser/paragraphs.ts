// Rebuilding paragraphs from lines. Hard-wrapped text is re-joined; no character of a line is ever
// dropped (only the whitespace at line ends), so the body stays verbatim apart from its line breaks.
import { isSalutation } from './header-lines.ts';

const SENTENCE_END = /[.!?:;…]["'”’»)\]]*$/u;
const LIST_ITEM =
  /^(?:[-*•–—]\s|\d{1,3}[.)]\s|\(?[a-z]\)\s|\(?[ivx]{1,4}\)\s|Q\s*[:.]|A\s*[:.]|Question\s*:|Answer\s*:|Вопрос\s*:|Ответ\s*:)/u;

/** Groups body lines into paragraphs: split at blank lines, and inside a block at short sentence ends. */
export function toParagraphs(lines: readonly string[]): string[] {
  const trimmed = lines.map((l) => l.trim());
  const width = wrapWidth(trimmed);
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length > 0) paragraphs.push(joinLines(current));
    current = [];
  };
  for (let i = 0; i < trimmed.length; i++) {
    const line = trimmed[i] ?? '';
    if (line === '') {
      flush();
      continue;
    }
    const previous = current[current.length - 1];
    if (previous !== undefined && startsNewParagraph(previous, line, width)) flush();
    current.push(line);
  }
  flush();
  return paragraphs;
}

// A line ending a sentence well short of the wrap width ends its paragraph; a list item starts one.
function startsNewParagraph(previous: string, line: string, width: number): boolean {
  if (LIST_ITEM.test(line)) return true;
  if (SENTENCE_END.test(previous) && previous.length < 0.8 * width) return true;
  // A salutation ("Ladies and Gentlemen,") is a short line of its own before a capitalised sentence;
  // so is each line of a salutation block ("Heads of State and Government," / "Excellencies,").
  if (
    previous.endsWith(',') &&
    previous.length <= 50 &&
    line.endsWith(',') &&
    line.length <= 60 &&
    /^\p{Lu}/u.test(line)
  )
    return true;
  return previous.endsWith(',') && /^\p{Lu}/u.test(line) && (previous.length < 0.5 * width || isSalutation(previous));
}

// The width the text was wrapped at: the longest of the lines that have a neighbour in their block.
// Lines alone in their block (a paragraph per line, as in the seed page) say nothing about wrapping.
function wrapWidth(lines: readonly string[]): number {
  let width = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const inBlock = (lines[i - 1] ?? '') !== '' || (lines[i + 1] ?? '') !== '';
    if (line !== '' && inBlock && line.length <= 200) width = Math.max(width, line.length);
  }
  return width === 0 ? Number.POSITIVE_INFINITY : width;
}

/** Joins the lines of one paragraph: a space between lines, none after a hyphen that splits a word. */
export function joinLines(lines: readonly string[]): string {
  // Pieces are collected and joined once: growing a string and reading its end would flatten it
  // on every line, which is quadratic on a page that is one long block.
  const pieces: string[] = [];
  let previous = '';
  for (const line of lines) {
    if (pieces.length > 0) pieces.push(/\p{L}-$/u.test(previous) && /^\p{Ll}/u.test(line) ? '' : ' ');
    pieces.push(line);
    previous = line;
  }
  return pieces.join('');
}
