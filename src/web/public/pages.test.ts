import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Council, Member } from '../../council/model.ts';
import { renderHomePage } from './home-page.ts';
import { renderItemPage } from './item-page.ts';
import { renderListingPage } from './listing-page.ts';
import { renderRecordIndex } from './record-index-page.ts';
import { renderSearchPage, safeSnippet, searchHref } from './search-page.ts';
import { sampleItem, seedFacets } from './fixtures.test-support.ts';

const PUBLIC_URL = 'https://record.example.org';
const EVIL = '<script>alert("x")</script>';
const noFacets = { years: [], kinds: [], speakers: [], languages: [] };
const itemPage = (
  overrides: Parameters<typeof sampleItem>[0] = {},
  versions: { slug: string; language: string; title: string }[] = [],
) =>
  renderItemPage({
    item: sampleItem(overrides),
    versions,
    kindSlug: 'press-statement',
    speakerSlug: 'nato-secretary-general',
    councilName: 'NATO-Russia Council',
    publicUrl: PUBLIC_URL,
  });

test('the item page shows every field, the body as paragraphs, and a meaningful title and description', () => {
  const page = itemPage({ reference: 'NRC(2002)0045' });
  assert.match(page, /<html lang="en">/);
  assert.match(
    page,
    /<title>Press Statement by NATO Secretary General .* \(25 September 2002, Warsaw, Poland\) · NATO-Russia Council<\/title>/,
  );
  assert.match(
    page,
    /<meta name="description" content="Press Statement by the NATO Secretary General following the meeting .*, Warsaw, Poland, 25 September 2002\. Good morning\./,
  );
  for (const [label, value] of [
    ['Date', '<time datetime="2002-09-25">25 September 2002</time>'],
    ['Place', 'Warsaw, Poland'],
    ['Reference', 'NRC(2002)0045'],
    ['Collection', 'NATO Speeches'],
    ['Language', 'English'],
    ['Updated', '<time datetime="2002-09-25">25 September 2002</time>'],
  ]) {
    assert.ok(page.includes(`<dt>${label}</dt><dd>${value}</dd>`), label);
  }
  assert.match(page, /<dt>Kind<\/dt><dd><a href="\/record\/kind\/press-statement">Press Statement<\/a><\/dd>/);
  assert.match(
    page,
    /<dt>Speaker<\/dt><dd><a href="\/record\/speaker\/nato-secretary-general">NATO Secretary General<\/a><\/dd>/,
  );
  assert.match(page, /<p class="byline">by the NATO Secretary General<\/p>/, 'the occasion is already in the title');
  assert.match(
    page,
    /<p>Good morning\.<\/p><p>The twenty ministers discussed two broad subject areas\.<\/p><p>Thank you Warsaw\.<\/p>/,
  );
  assert.match(
    page,
    /<link rel="canonical" href="https:\/\/record\.example\.org\/record\/2002-09-25-press-statement-nato-secretary-general">/,
  );
});

test('a title containing <script> is escaped everywhere it appears', () => {
  const page = itemPage({ title: EVIL, body: `Body ${EVIL}`, occasion: EVIL, speaker: `"${EVIL}"` });
  assert.equal(page.includes('<script>'), false);
  assert.match(page, /<h1>&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;<\/h1>/);
  const home = renderHomePage({ council: null, members: [], latest: [sampleItem({ title: EVIL })], facets: noFacets });
  assert.equal(home.includes('<script>'), false);
});

test('an item in French: <html lang="fr">, the site frame marked English, links to other versions with hreflang', () => {
  const page = itemPage(
    {
      language: 'fr',
      title: 'Déclaration du Secrétaire général',
      place: { city: 'Prague', country: 'République tchèque' },
      speaker: 'Secrétaire général',
      occasion: 'à l’issue de la réunion',
    },
    [
      { slug: '2002-11-22-statement-secretary-general', language: 'en', title: 'Statement by the Secretary General' },
      { slug: '2002-11-22-statement-secretary-general-ru', language: 'ru', title: 'Заявление' },
    ],
  );
  assert.match(page, /<html lang="fr">/);
  assert.match(page, /<header class="masthead" lang="en">/);
  assert.match(page, /<section class="item-facts" aria-labelledby="facts-h" lang="en">/);
  assert.match(page, /<dt>Place<\/dt><dd lang="fr">Prague, République tchèque<\/dd>/);
  assert.match(page, /<p class="eyebrow" lang="en">Press Statement<\/p>/, 'kinds are English in every language');
  assert.match(page, /<p class="byline">Secrétaire général à l’issue de la réunion<\/p>/);
  assert.match(page, /<a href="\/record\/2002-11-22-statement-secretary-general" hreflang="en" lang="en">English<\/a>/);
  assert.match(
    page,
    /<a href="\/record\/2002-11-22-statement-secretary-general-ru" hreflang="ru" lang="ru">Русский<\/a>: <span lang="ru">Заявление<\/span>/,
  );
  assert.match(
    page,
    /<link rel="alternate" hreflang="ru" href="https:\/\/record\.example\.org\/record\/2002-11-22-statement-secretary-general-ru">/,
  );
  assert.match(
    page,
    /<link rel="alternate" hreflang="fr" href="https:\/\/record\.example\.org\/record\/2002-09-25-press-statement-nato-secretary-general">/,
  );
});

test('dates of lesser precision and missing fields read well', () => {
  const page = itemPage({
    date: '2003-10-02/2003-10-03',
    dateStart: '2003-10-02',
    place: null,
    speaker: null,
    collection: null,
    updated: null,
  });
  assert.match(page, /<dt>Date<\/dt><dd>2–3 October 2003<\/dd>/, 'a range has no <time> form');
  assert.equal(page.includes('<dt>Place</dt>'), false);
  assert.equal(page.includes('<dt>Updated</dt>'), false);
  const undated = itemPage({ date: null, dateStart: null });
  assert.match(undated, /<dt>Date<\/dt><dd>Undated<\/dd>/);
});

const council: Council = {
  name: 'NATO-Russia Council',
  shortName: 'NRC',
  description: '',
  establishedOn: '2002-05-28',
  foundingText: null,
};
const members: Member[] = ['Belgium', 'Russia'].map((name, i) => ({
  code: `M${i}`,
  name,
  sortName: name,
  kind: 'state',
  joinedOn: null,
  groups: [],
}));

test('the homepage names the council, lists its members and the latest items', () => {
  const page = renderHomePage({ council, members, latest: [sampleItem()], facets: seedFacets });
  assert.match(page, /<h1>NATO-Russia Council<\/h1>/);
  assert.match(page, />Belgium</);
  assert.match(page, />Russia</);
  assert.match(page, /href="\/record\/2002-09-25-press-statement-nato-secretary-general"/);
  assert.match(page, /<a href="\/record\/2002">2002<\/a>/);
  assert.match(page, /<a href="\/" aria-current="page">Home<\/a>/);
  const empty = renderHomePage({ council: null, members: [], latest: [], facets: noFacets });
  assert.match(empty, /concord demo/);
  assert.match(empty, /Nothing has been published in the record yet/);
});

test('index pages: the whole record with every facet; a month with its neighbours; pagination', () => {
  const index = renderRecordIndex({
    facets: seedFacets,
    list: { total: 1, items: [sampleItem()] },
    page: 1,
    councilName: 'NATO-Russia Council',
  });
  for (const href of [
    '/record/2002',
    '/record/2002/09',
    '/record/kind/press-statement',
    '/record/speaker/nato-secretary-general',
    '/record/language/en',
  ])
    assert.ok(index.includes(`href="${href}"`), href);
  const month = renderListingPage({
    listing: { by: 'month', year: 2002, month: 9 },
    list: { total: 45, items: [sampleItem()] },
    page: 2,
    facets: seedFacets,
    councilName: 'NATO-Russia Council',
  });
  assert.match(month, /<title>September 2002: the record by month, page 2 · NATO-Russia Council<\/title>/);
  assert.match(month, /21–40 of 45 items delivered in September 2002, newest first/);
  assert.match(month, /<a rel="prev" href="\/record\/2002\/09">/);
  assert.match(month, /<a rel="next" href="\/record\/2002\/09\?page=3">/);
  assert.match(month, /<a href="\/record\/2002\/09\?page=2" aria-current="page">/);
});

test('search page: a hint when empty, results with marks, the error beside the form, filters kept', () => {
  const base = { facets: seedFacets, councilName: 'NATO-Russia Council' };
  const empty = renderSearchPage({ ...base, query: { q: '', page: 1 }, results: null, error: null });
  assert.match(empty, /Type one or more words/);
  assert.match(empty, /<label for="q">/);
  assert.match(empty, /<label for="f-kind">Kind<\/label>/);
  const hit = { ...sampleItem(), snippet: 'joint <mark>peacekeeping</mark> &amp; more' };
  const found = renderSearchPage({
    ...base,
    query: { q: 'peacekeeping', year: 2002, page: 1 },
    results: { total: 1, page: 1, pageSize: 20, hits: [hit] },
    error: null,
  });
  assert.match(found, /1 result for “peacekeeping”/);
  assert.match(found, /<p class="snippet">joint <mark>peacekeeping<\/mark> &amp; more<\/p>/);
  assert.match(found, /<option value="2002" selected>2002 \(1\)<\/option>/);
  const refused = renderSearchPage({
    ...base,
    query: { q: '"', page: 1 },
    results: null,
    error: 'Search for at least one word.',
  });
  assert.match(refused, /role="alert"><h2>The search cannot be run<\/h2><p>Search for at least one word\.<\/p>/);
  assert.match(refused, /value="&quot;"/);
  assert.match(refused, /aria-invalid="true"/);
});

test('snippets keep <mark> and nothing else; search links keep the filters', () => {
  assert.equal(
    safeSnippet('a <mark>b</mark> <img src=x onerror=alert(1)> &lt;c&gt;').value,
    'a <mark>b</mark> &lt;img src=x onerror=alert(1)> &lt;c&gt;',
  );
  assert.equal(
    searchHref({ q: '"joint peacekeeping" -Balkans', kind: 'speech', year: 2002, page: 1 }, 3),
    '/search?q=%22joint+peacekeeping%22+-Balkans&kind=speech&year=2002&page=3',
  );
});
