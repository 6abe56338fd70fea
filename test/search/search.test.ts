// Full-text search on both databases: one results contract, phrases (with hyphenated words),
// exclusions, filters, escaped snippets with <mark>, and paging.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { importPage } from '../../src/public-record/import/import-pages.ts';
import { publicRecordReader, type PublicRecordReader } from '../../src/public-record/public-record.read.ts';

const ctx = { actor: 'system:test', requestId: null, now: new Date('2026-01-01T00:00:00Z') };
const page = (place: string, date: string, kind: string, speaker: string, body: string) =>
  Buffer.from(
    `Updated: ${date} Test Speeches\n\n${place},\nBelgium\n\n${date}\n\n${kind}\n\nby ${speaker}\n\n${body}\n`,
  );

for (const dialect of DIALECTS) {
  describe(`search on ${dialect}`, () => {
    let t: TestDatabase;
    let reader: PublicRecordReader;
    before(async () => {
      t = await createTestDatabase(dialect);
      const pages = [
        [
          'a.txt',
          page(
            'Brussels',
            '12 Dec 2002',
            'Speech',
            'NATO Secretary General',
            'We agreed on a generic concept of joint NATO-Russia peacekeeping operations. Peacekeeping matters to all of us <b>here</b>.',
          ),
        ],
        [
          'b.txt',
          page(
            'Brussels',
            '13 Dec 2002',
            'Press Release',
            'NATO Press Service',
            'Peacekeeping exercises in the Balkans continue. The council met on civil emergencies.',
          ),
        ],
        [
          'c.txt',
          page(
            'Brussels',
            '14 Jan 2003',
            'Speech',
            'Deputy Secretary General',
            'Civil emergency planning and terrorism were discussed at length by the experts.',
          ),
        ],
      ] as const;
      for (const [name, content] of pages) {
        const report = await importPage(t.database, ctx, { given: name, identity: `/search-test/${name}` }, content);
        assert.equal(report.status, 'imported', `${name}: ${report.message}`);
      }
      reader = publicRecordReader(t.database, { kind: 'public' });
    });
    after(async () => t?.dropAll());
    const search = (text: string, extra: Partial<Parameters<PublicRecordReader['search']>[0]> = {}) =>
      reader.search({ text, page: 1, pageSize: 10, ...extra });

    test('a word finds every item that has it, with the word highlighted and the text escaped', async () => {
      const results = await search('peacekeeping');
      assert.equal(results.total, 2);
      assert.deepEqual(Object.keys(results).sort(), ['hits', 'page', 'pageSize', 'total']);
      for (const hit of results.hits) {
        assert.match(hit.snippet, /<mark>[Pp]eacekeeping<\/mark>/);
        // The only markup in a snippet is <mark>: text from the archive is escaped (SQLite keeps
        // "&lt;b&gt;", PostgreSQL's ts_headline drops tag-like text from its excerpt).
        assert.equal(hit.snippet.replace(/<\/?mark>/g, '').includes('<'), false, hit.snippet);
      }
    });

    test('a quoted phrase with a hyphenated word matches on both databases', async () => {
      const results = await search('"joint NATO-Russia peacekeeping"');
      assert.equal(results.total, 1);
      assert.equal(results.hits[0]!.kind, 'Speech');
    });

    test('exclusions remove items, and filters narrow by kind, year and speaker', async () => {
      assert.equal((await search('peacekeeping -balkans')).total, 1);
      assert.equal((await search('peacekeeping', { kind: 'press-release' })).total, 1);
      assert.equal((await search('civil', { year: 2003 })).total, 1);
      assert.equal(
        (await search('civil', { speaker: 'deputy-secretary-general' })).hits[0]?.speaker,
        'Deputy Secretary General',
      );
      assert.equal((await search('peacekeeping', { language: 'fr' })).total, 0);
    });

    test('paging returns the rest of the results and keeps the total', async () => {
      const all = await search('civil');
      assert.equal(all.total, 2);
      const p1 = await search('civil', { pageSize: 1, page: 1 });
      const p2 = await search('civil', { pageSize: 1, page: 2 });
      assert.equal(p1.total, 2);
      assert.notEqual(p1.hits[0]!.id, p2.hits[0]!.id);
    });
  });
}
