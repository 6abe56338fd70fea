import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { renderAtomFeed, rfc3339 } from './feed.ts';
import { renderRobots, renderSitemap } from './sitemap.ts';
import { xmlEscape } from './xml.ts';
import { sampleItem } from './fixtures.test-support.ts';

const PUBLIC_URL = 'https://record.example.org/';
const NOW = new Date('2026-01-01T00:00:00Z');

test('the Atom feed is well-formed and a real feed reader reads title, entries, links, dates and authors', () => {
  const items = [
    sampleItem(),
    sampleItem({
      id: 'i2',
      slug: '2003-10-02-chairmans-statement',
      title: 'Chairman’s Statement & <b>notes</b>',
      speaker: null,
      date: '2003-10-02/2003-10-03',
      dateStart: '2003-10-02',
      lastUpdatedAt: '2026-01-01T10:00:00.000Z',
      language: 'fr',
    }),
  ];
  const xml = renderAtomFeed({ items, councilName: 'NATO-Russia Council', publicUrl: PUBLIC_URL, now: NOW });
  assert.equal(XMLValidator.validate(xml), true);
  const feed = parseFeed(xml);
  assert.equal(feed.title, 'NATO-Russia Council: public record');
  assert.equal(feed.self, 'https://record.example.org/feed.atom');
  assert.equal(feed.url, 'https://record.example.org/');
  assert.equal(feed.updated?.toISOString(), '2026-01-01T10:00:00.000Z', 'the newest change');
  assert.equal(feed.items.length, 2);
  const [first, second] = feed.items;
  assert.equal(first!.title, sampleItem().title);
  assert.equal(first!.url, 'https://record.example.org/record/2002-09-25-press-statement-nato-secretary-general');
  assert.equal(first!.id, first!.url);
  assert.equal(first!.published?.toISOString(), '2002-09-25T00:00:00.000Z');
  assert.equal(first!.updated?.toISOString(), '2002-09-25T08:00:00.000Z');
  assert.deepEqual(
    first!.authors.map((a) => a.name),
    ['NATO Secretary General'],
  );
  assert.match(first!.content ?? '', /<p>Good morning\.<\/p>/);
  assert.match(first!.description ?? '', /^Press Statement by the NATO Secretary General/);
  assert.equal(second!.title, 'Chairman’s Statement & <b>notes</b>', 'text, not markup');
  assert.deepEqual(
    second!.authors.map((a) => a.name),
    ['NATO-Russia Council'],
    'the council speaks when no speaker is named',
  );
  assert.equal(
    second!.published?.toISOString(),
    '2002-09-25T08:00:00.000Z',
    'a range has no single day: the archive date is used',
  );
  const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
  assert.equal(parsed.feed.entry[1]['@_xml:lang'], 'fr');
});

test('an empty feed is still valid; characters XML cannot carry are dropped', () => {
  const xml = renderAtomFeed({ items: [], councilName: null, publicUrl: PUBLIC_URL, now: NOW });
  assert.equal(XMLValidator.validate(xml), true);
  assert.equal(parseFeed(xml).updated?.toISOString(), NOW.toISOString());
  assert.equal(xmlEscape('a\u0000b\u0007c\uFFFEd "e" \'f\' <g> &'), 'abcd &quot;e&quot; &apos;f&apos; &lt;g&gt; &amp;');
  const control = renderAtomFeed({
    items: [sampleItem({ title: 'bell\u0007 and lone \uD800 surrogate' })],
    councilName: null,
    publicUrl: PUBLIC_URL,
    now: NOW,
  });
  assert.equal(XMLValidator.validate(control), true);
  assert.equal(rfc3339('2002-09-25'), '2002-09-25T00:00:00Z');
  assert.equal(rfc3339('2002-09-25T08:00:00.000Z'), '2002-09-25T08:00:00Z');
});

test('the sitemap lists the main pages and every item; robots.txt points to it', async () => {
  async function* entries() {
    yield { slug: 'a-1', lastUpdatedAt: '2002-09-25T08:00:00.000Z' };
    yield { slug: 'b&2', lastUpdatedAt: '2003-01-01T00:00:00.000Z' };
  }
  let xml = '';
  for await (const chunk of renderSitemap(PUBLIC_URL, entries())) xml += chunk;
  assert.equal(XMLValidator.validate(xml), true);
  const urls = new XMLParser().parse(xml).urlset.url as { loc: string; lastmod?: string }[];
  assert.deepEqual(
    urls.map((u) => u.loc),
    [
      'https://record.example.org/',
      'https://record.example.org/record',
      'https://record.example.org/council',
      'https://record.example.org/record/a-1',
      'https://record.example.org/record/b%262',
    ],
  );
  assert.equal(urls[3]!.lastmod, '2002-09-25');
  assert.match(renderRobots(PUBLIC_URL), /^Sitemap: https:\/\/record\.example\.org\/sitemap\.xml$/m);
  assert.match(renderRobots(PUBLIC_URL), /^Disallow: \/api\/$/m);
});
