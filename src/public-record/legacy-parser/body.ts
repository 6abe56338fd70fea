// The body: every line after the header, less the chrome at its end (navigation, contact footer)
// and the navigation lines inside it. What is removed goes to `dropped`, in source order.
import { chromeStrength, findContactFooter, findRelatedLinks, isStampLine } from './chrome.ts';
import { toParagraphs } from './paragraphs.ts';
import type { SourceLine } from './types.ts';

export interface Body {
  paragraphs: string[];
  dropped: string[];
}

/** Separates the body text from the chrome around and inside it, then rebuilds its paragraphs. */
export function extractBody(lines: readonly SourceLine[], start: number): Body {
  const kept = lines.slice(start).map((line) => ({ ...line, text: line.text.trimEnd() })); // trimEnd() removes exactly /\s+$/u
  const removed = new Array<boolean>(kept.length).fill(false);
  let end = kept.length;
  for (let changed = true; changed;) {
    changed = false;
    while (end > 0 && isTailChrome(kept[end - 1])) {
      end--;
      removed[end] = true;
      changed = true;
    }
    const texts = kept.slice(0, end).map((l) => l.text);
    const related = findRelatedLinks(texts);
    const footer = related >= 0 ? related : findContactFooter(texts);
    if (footer >= 0) {
      for (let j = footer; j < end; j++) removed[j] = true;
      end = footer;
      changed = true;
    }
  }
  kept.forEach((line, j) => {
    if (chromeStrength(line.text) === 'nav') removed[j] = true;
  });
  const dropped = kept.filter((l, j) => removed[j] === true && l.text.trim() !== '').map((l) => l.text);
  const text = kept.map((l, j) => (removed[j] === true ? '' : l.text));
  return { paragraphs: toParagraphs(text), dropped };
}

// At the very end of a page, blank lines, chrome and link-only lines are all furniture.
function isTailChrome(line: SourceLine | undefined): boolean {
  if (line === undefined) return false;
  return line.text.trim() === '' || line.link || chromeStrength(line.text) !== null || isStampLine(line.text);
}
