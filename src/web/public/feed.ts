// The Atom 1.0 feed of the public record (RFC 4287): the latest items, each with its full text.
import type { RecordItem } from '../../public-record/model.ts';
import { html } from '../html.ts';
import { absoluteUrl, paths } from './format.ts';
import { excerpt, itemSentence, paragraphs } from './item-text.ts';
import { xmlEscape as x } from './xml.ts';

export interface FeedData {
  items: RecordItem[];
  councilName: string | null;
  publicUrl: string;
  /** Used as the feed's <updated> when there are no items yet. */
  now: Date;
}

/** An RFC 3339 instant: stored instants pass through; a date gets midnight UTC. */
export function rfc3339(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00Z`;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? value : parsed.toISOString().replace(/\.000Z$/, 'Z');
}

function entry(item: RecordItem, data: FeedData): string {
  const url = absoluteUrl(data.publicUrl, paths.item(item.slug));
  const author = item.speaker ?? data.councilName ?? 'Concord';
  // Published is when the words were delivered (when the day is known); otherwise when they entered the archive.
  const published =
    item.dateStart && item.date && !item.date.includes('/') && item.date.length === 10
      ? rfc3339(item.dateStart)
      : rfc3339(item.firstPublishedAt);
  const sentence = itemSentence(item);
  const content = html`<p><em>${sentence}</em></p>${paragraphs(item.body)}`.toString();
  return `  <entry xml:lang="${x(item.language)}">
    <id>${x(url)}</id>
    <title>${x(item.title)}</title>
    <link rel="alternate" type="text/html" href="${x(url)}"/>
    <published>${x(published)}</published>
    <updated>${x(rfc3339(item.lastUpdatedAt))}</updated>
    <author><name>${x(author)}</name></author>
    <category term="${x(item.kind)}"/>
    <summary type="text">${x(excerpt(`${sentence} ${item.body}`, 300))}</summary>
    <content type="html">${x(content)}</content>
  </entry>`;
}

/** Renders the Atom feed document. */
export function renderAtomFeed(data: FeedData): string {
  const council = data.councilName ?? 'Concord';
  const self = absoluteUrl(data.publicUrl, paths.feed);
  const home = absoluteUrl(data.publicUrl, paths.home);
  const newest =
    data.items
      .map((i) => rfc3339(i.lastUpdatedAt))
      .sort()
      .at(-1) ?? rfc3339(data.now.toISOString());
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>${x(self)}</id>
  <title>${x(`${council}: public record`)}</title>
  <subtitle>${x(`The latest statements, speeches and press releases of the ${council}.`)}</subtitle>
  <updated>${x(newest)}</updated>
  <link rel="self" type="application/atom+xml" href="${x(self)}"/>
  <link rel="alternate" type="text/html" href="${x(home)}"/>
  <author><name>${x(council)}</name></author>
  <generator>Concord</generator>
${data.items.map((item) => entry(item, data)).join('\n')}
</feed>
`;
}
