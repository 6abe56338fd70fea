// The words of an item as pages and the feed show them: paragraphs, byline, one-sentence summary.
import type { RecordItem } from '../../public-record/model.ts';
import { html, type SafeHtml } from '../html.ts';
import { bySpeaker, formatPlace, formatRecordDate } from './format.ts';

/** The body's paragraphs (separated by blank lines), each as a <p>. */
export function paragraphs(body: string): SafeHtml[] {
  return body
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => html`<p>${p}</p>`);
}

/** Cuts text at a word boundary near `max` characters, for descriptions. */
export function excerpt(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[\s,;:.]+$/, '')}…`;
}

const flat = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The byline: 'by the NATO Secretary General' in English (the speaker as written otherwise), then the
 * occasion unless the title already says it — legacy titles often repeat the whole header.
 */
export function byline(item: Pick<RecordItem, 'title' | 'speaker' | 'occasion' | 'language'>): string {
  const speaker = item.speaker ? (item.language === 'en' ? bySpeaker(item.speaker) : item.speaker) : '';
  const occasion = item.occasion && !flat(item.title).includes(flat(item.occasion)) ? item.occasion : '';
  return [speaker, occasion].filter(Boolean).join(' ');
}

/** One sentence saying what the item is: 'Press Statement by the …, Warsaw, Poland, 25 September 2002.' */
export function itemSentence(
  item: Pick<RecordItem, 'kind' | 'speaker' | 'occasion' | 'language' | 'place' | 'date'>,
): string {
  const speaker = item.speaker ? (item.language === 'en' ? bySpeaker(item.speaker) : item.speaker) : '';
  const what = [item.kind, speaker, item.occasion ?? ''].filter(Boolean).join(' ');
  return `${[what, formatPlace(item.place), formatRecordDate(item.date)].filter(Boolean).join(', ')}.`;
}
