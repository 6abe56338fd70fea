// The public record over HTTP on both real databases: JSON API, pages, Atom feed, sitemap, and a
// search that answers any string with results or a clear 400 — never a 500.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Validator } from '@seriousme/openapi-schema-validator';
import { DIALECTS } from '../support/databases.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeParsedPage } from '../../src/public-record/import/store-page.ts';
import type { LegacyItem } from '../../src/public-record/legacy-parser/index.ts';

const SEED = '2002-09-25-press-statement-nato-secretary-general';
const html = { accept: 'text/html' };

function page(overrides: Partial<LegacyItem>): LegacyItem {
  return {
    status: 'document',
    kind: 'Speech',
    title: 'A speech',
    date: '2003-05-01',
    updated: null,
    collection: null,
    place: { city: 'Brussels', country: 'Belgium' },
    speaker: 'NATO Deputy Secretary General',
    occasion: null,
    reference: null,
    language: 'en',
    body: 'Ladies and gentlemen.\n\nThank you.',
    flags: [],
    ...overrides,
  };
}

// Strings a search box meets in the wild; each must give 200 or a clear 400.
const HOSTILE = [
  '"',
  '""',
  '"unbalanced phrase',
  'peacekeeping"',
  '"joint NATO-Russia peacekeeping"',
  'AND',
  'OR NOT',
  'NEAR',
  'a AND b OR c NOT d',
  'NEAR(peacekeeping warsaw)',
  '*',
  'peace*',
  '^',
  '^peace',
  'title:peace',
  "'; DROP TABLE record_items; --",
  "' OR 1=1 --",
  '\\',
  '%',
  '_',
  '-',
  '--',
  '-peacekeeping',
  'x'.repeat(10_000),
  'peace '.repeat(400),
  '🕊️ peace 🇷🇺',
  '🕊️',
  '\u0001\u0002\u001f peace \u007f',
  '\t\n\r',
  '()',
  '(peace',
  '{}[]<>',
  '<script>alert(1)</script>',
  '&amp;',
  'Szmajdziński',
  'ПЕРЕГОВОРЫ',
  'ß',
  '\u202e',
  '\uFFFF',
  ':',
  'peace:',
  '"-"',
];

for (const dialect of DIALECTS) {
  describe(`public record on ${dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
      const ctx = { actor: 'system:test', requestId: null, now: new Date('2026-01-01T00:00:00Z') };
      // 24 speeches (two pages), and a statement in English and French sharing a reference.
      for (let i = 1; i <= 24; i += 1) {
        const day = String(i).padStart(2, '0');
        await storeParsedPage(
          t.db.database,
          ctx,
          `test:speech-${day}`,
          page({ title: `Speech number ${i} on defence reform`, date: `2003-05-${day}` }),
        );
      }
      await storeParsedPage(
        t.db.database,
        ctx,
        'test:statement-en',
        page({
          kind: 'Statement',
          title: 'Statement on the Prague meeting',
          date: '2002-11-22',
          reference: 'NRC(2002)0099',
          speaker: 'NATO Secretary General',
        }),
      );
      await storeParsedPage(
        t.db.database,
        ctx,
        'test:statement-fr',
        page({
          kind: 'Statement',
          title: 'Déclaration sur la réunion de Prague',
          date: '2002-11-22',
          reference: 'NRC(2002)0099',
          speaker: 'Secrétaire général',
          language: 'fr',
          body: 'Mesdames et Messieurs.',
        }),
      );
    });
    after(async () => t?.close());

    const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

    test('GET /api/v1/record lists items newest first, in pages, with filters', async () => {
      const all = (await get('/api/v1/record')).json();
      assert.equal(all.total, 27);
      assert.equal(all.pageSize, 20);
      assert.equal(all.items.length, 20);
      assert.equal(all.items[0].title, 'Speech number 24 on defence reform');
      const second = (await get('/api/v1/record?page=2')).json();
      assert.equal(second.items.length, 7);
      assert.equal(second.items.at(-1).slug, SEED, 'the oldest item last');
      const seed = (
        await get('/api/v1/record?year=2002&month=9&kind=press-statement&speaker=nato-secretary-general&language=en')
      ).json();
      assert.deepEqual(
        seed.items.map((i: { slug: string }) => i.slug),
        [SEED],
      );
      assert.deepEqual(seed.items[0].place, { city: 'Warsaw', country: 'Poland' });
      assert.equal(seed.items[0].url, `${t.config.publicUrl.replace(/\/$/, '')}/record/${SEED}`);
      assert.equal((await get('/api/v1/record?language=fr')).json().total, 1);
      assert.equal((await get('/api/v1/record?year=1999')).json().total, 0);
      assert.equal((await get('/api/v1/record?kind=&year=')).json().total, 27, 'empty form fields mean "any"');
    });

    test('bad filters are a catalogued 400 naming the field', async () => {
      for (const query of [
        'year=abc',
        'year=20021',
        'month=13',
        'page=0',
        'page=-1',
        'page=1.5',
        'kind=Press%20Statement',
        'language=english',
        'speaker=%00',
      ]) {
        const res = await get(`/api/v1/record?${query}`);
        assert.equal(res.statusCode, 400, query);
        assert.equal(res.json().error.code, 'VALIDATION_FAILED', query);
        assert.equal(res.json().error.details[0].path, query.split('=')[0], query);
      }
    });

    test('GET /api/v1/record/:slug returns every field and the other language versions; unknown slugs are 404', async () => {
      const res = await get(`/api/v1/record/${SEED}`);
      assert.equal(res.statusCode, 200);
      const item = res.json();
      assert.equal(item.kind, 'Press Statement');
      assert.equal(item.date, '2002-09-25');
      assert.equal(item.updated, '2002-09-25');
      assert.equal(item.collection, 'NATO Speeches');
      assert.equal(item.speaker, 'NATO Secretary General');
      assert.equal(
        item.occasion,
        'following the meeting of NATO Defence Ministers with the Russian Minister Sergei Ivanov',
      );
      assert.match(item.body, /^Good morning\.\n\n[\s\S]*Thank you Warsaw\.$/);
      assert.equal(item.body.includes('Go to Homepage'), false);
      assert.deepEqual(item.versions, []);
      const list = (await get('/api/v1/record?language=en&year=2002&kind=statement')).json();
      const english = (await get(`/api/v1/record/${list.items[0].slug}`)).json();
      assert.deepEqual(
        english.versions.map((v: { language: string; title: string }) => [v.language, v.title]),
        [['fr', 'Déclaration sur la réunion de Prague']],
      );
      for (const slug of ['no-such-item', 'UPPER', '%00', 'x'.repeat(300)]) {
        const missing = await get(`/api/v1/record/${slug}`);
        assert.ok([400, 404].includes(missing.statusCode), `${slug}: ${missing.statusCode}`);
        if (missing.statusCode === 404) assert.equal(missing.json().error.code, 'NOT_FOUND');
      }
    });

    test('GET /api/v1/search finds words, phrases and exclusions, highlighted, with filters and pages', async () => {
      const res = await get('/api/v1/search?q=peacekeeping');
      assert.equal(res.statusCode, 200);
      const found = res.json();
      assert.equal(found.total, 1);
      assert.equal(found.hits[0].slug, SEED);
      assert.match(found.hits[0].snippet, /<mark>peacekeeping<\/mark>/i);
      assert.equal((await get('/api/v1/search?q=%22generic%20concept%22')).json().total, 1);
      assert.equal((await get('/api/v1/search?q=%22concept%20generic%22')).json().total, 0, 'a phrase keeps its order');
      assert.equal((await get('/api/v1/search?q=peacekeeping%20-Warsaw')).json().total, 0);
      assert.equal((await get('/api/v1/search?q=peacekeeping&year=2003')).json().total, 0);
      const reform = (await get('/api/v1/search?q=defence%20reform&kind=speech')).json();
      assert.equal(reform.total, 24);
      assert.equal(reform.hits.length, 20);
      assert.equal((await get('/api/v1/search?q=defence%20reform&kind=speech&page=2')).json().hits.length, 4);
      const empty = await get('/api/v1/search?q=%20%20');
      assert.equal(empty.statusCode, 400);
      assert.equal(empty.json().error.code, 'SEARCH_INVALID');
      assert.equal((await get('/api/v1/search')).json().error.code, 'VALIDATION_FAILED');
    });

    test('the search API and the search page answer any string with results or a clear 400, never a 500', async () => {
      for (const q of HOSTILE) {
        const encoded = encodeURIComponent(q);
        const api = await get(`/api/v1/search?q=${encoded}`);
        assert.ok(
          [200, 400].includes(api.statusCode),
          `API ${JSON.stringify(q.slice(0, 40))}: ${api.statusCode} ${api.body.slice(0, 200)}`,
        );
        if (api.statusCode === 400)
          assert.ok(
            ['SEARCH_INVALID', 'VALIDATION_FAILED'].includes(api.json().error.code) &&
              api.json().error.message.length > 20,
          );
        const pageRes = await get(`/search?q=${encoded}`, html);
        assert.ok(
          [200, 400].includes(pageRes.statusCode),
          `page ${JSON.stringify(q.slice(0, 40))}: ${pageRes.statusCode}`,
        );
        assert.match(pageRes.headers['content-type'] as string, /text\/html/);
        if (pageRes.statusCode === 400) assert.match(pageRes.body, /role="alert"/);
        assert.equal(pageRes.body.includes('<script>alert'), false);
      }
      const count = await t.db.database.db
        .selectFrom('record_items')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 27, 'the table is still there');
    });

    test('the public pages answer with the right status: items, indexes, unknown facets, bad pages', async () => {
      const expectations: [string, number][] = [
        ['/', 200],
        ['/council', 200],
        ['/record', 200],
        ['/record?page=2', 200],
        ['/record?page=3', 404],
        ['/record?page=abc', 400],
        ['/record/2002', 200],
        ['/record/2002/09', 200],
        ['/record/2002/13', 404],
        ['/record/1999', 404],
        ['/record/2002/9', 404],
        ['/record/kind/press-statement', 200],
        ['/record/kind/no-such-kind', 404],
        ['/record/speaker/nato-secretary-general', 200],
        ['/record/speaker/nobody', 404],
        ['/record/language/fr', 200],
        ['/record/language/xx', 404],
        [`/record/${SEED}`, 200],
        ['/record/no-such-item', 404],
        // A NUL anywhere in a request is refused before any lookup (issue 11): 400, as an HTML page here.
        ['/record/%00', 400],
        ['/search', 200],
        ['/search?q=peacekeeping&year=abc', 400],
      ];
      for (const [url, status] of expectations) {
        const res = await get(url, html);
        assert.equal(res.statusCode, status, url);
        assert.match(res.headers['content-type'] as string, /text\/html/, url);
      }
      const home = (await get('/', html)).body;
      assert.match(home, /NATO-Russia Council/);
      for (const name of ['Belgium', 'Czech Republic', 'Russia', 'United States', 'Poland', 'Iceland'])
        assert.match(home, new RegExp(`>${name}<`));
      const french = (await get('/record/language/fr', html)).body;
      const frSlug = /href="\/record\/([a-z0-9-]+)" lang="fr"/.exec(french)?.[1];
      const frPage = (await get(`/record/${frSlug}`, html)).body;
      assert.match(frPage, /<html lang="fr">/);
      assert.match(frPage, /hreflang="en" lang="en">English<\/a>/);
    });

    test('/feed.atom is Atom that a feed reader parses: title, entries, links, dates', async () => {
      const res = await get('/feed.atom');
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /^application\/atom\+xml/);
      assert.equal(XMLValidator.validate(res.body), true);
      const feed = parseFeed(res.body);
      const base = t.config.publicUrl.replace(/\/$/, '');
      assert.equal(feed.title, 'NATO-Russia Council: public record');
      assert.equal(feed.self, `${base}/feed.atom`);
      assert.equal(feed.items.length, 20, 'the latest twenty');
      const seed = feed.items.find((i) => i.url === `${base}/record/${SEED}`);
      assert.ok(!seed, 'the seed is older than the twenty newest');
      const first = feed.items[0]!;
      assert.equal(first.title, 'Speech number 24 on defence reform');
      assert.equal(first.published?.toISOString(), '2003-05-24T00:00:00.000Z');
      assert.ok(first.updated instanceof Date);
      assert.deepEqual(
        first.authors.map((a) => a.name),
        ['NATO Deputy Secretary General'],
      );
      assert.match(first.content ?? '', /<p>Ladies and gentlemen\.<\/p>/);
    });

    test('/sitemap.xml lists every item URL; /robots.txt points to it', async () => {
      const res = await get('/sitemap.xml');
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /xml/);
      assert.equal(XMLValidator.validate(res.body), true);
      const locs = (new XMLParser().parse(res.body).urlset.url as { loc: string }[]).map((u) => u.loc);
      const base = t.config.publicUrl.replace(/\/$/, '');
      assert.ok(locs.includes(`${base}/record/${SEED}`));
      assert.equal(locs.filter((l) => /\/record\/[^/]+-/.test(l)).length, 27);
      const robots = await get('/robots.txt');
      assert.match(robots.body, new RegExp(`Sitemap: ${base}/sitemap.xml`));
    });

    test('the OpenAPI document describes the public record endpoints and stays valid', async () => {
      const doc = (await get('/api/openapi.json')).json();
      const result = await new Validator().validate(doc);
      assert.equal(result.valid, true, JSON.stringify(result.errors));
      for (const path of ['/api/v1/record', '/api/v1/record/{slug}', '/api/v1/search'])
        assert.ok(doc.paths[path], path);
      const params = doc.paths['/api/v1/search'].get.parameters.map((p: { name: string }) => p.name).sort();
      assert.deepEqual(params, ['kind', 'language', 'page', 'q', 'speaker', 'year']);
    });
  });
}
