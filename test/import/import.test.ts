// The legacy importer on both real databases: idempotent, revisions kept, renderings linked, language
// versions grouped, bad files reported while the batch goes on, and nothing half-stored.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { ROOT, runConcord } from '../support/process.ts';
import { importPaths } from '../../src/public-record/import/import-pages.ts';
import { readPages } from '../../src/public-record/import/read-pages.ts';
import { verifyAuditChain } from '../../src/kernel/audit/audit.repository.ts';
import { publicRecordReader } from '../../src/public-record/public-record.read.ts';
import { generatePage } from '../../bench/generate-pages.ts';

const FIXTURES = join(ROOT, 'test/fixtures/legacy');
const SEED = readFileSync(join(FIXTURES, 'nrc-2002-09-25-press-statement.txt'), 'utf8');
const ctx = () => ({ actor: 'system:test', requestId: null, now: new Date('2026-01-01T00:00:00Z') });

for (const dialect of DIALECTS) {
  describe(`legacy import on ${dialect}`, () => {
    let t: TestDatabase;
    let dir: string;
    before(async () => {
      t = await createTestDatabase(dialect);
      dir = mkdtempSync(join(tmpdir(), 'concord-import-'));
    });
    after(async () => {
      await t?.dropAll();
      rmSync(dir, { recursive: true, force: true });
    });
    const count = async (table: 'record_items' | 'record_revisions' | 'audit_events') =>
      Number(
        (
          await t.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    test('a folder of many layouts: documents stored, index pages and bad files reported, the batch goes on', async () => {
      const summary = await importPaths(t.database, ctx, [FIXTURES], { dryRun: false });
      assert.equal(summary.pages, 29);
      assert.deepEqual(summary.files.failed.map((f) => f.split('/').pop()).sort(), [
        'binary-image.gif',
        'empty.txt',
        'whitespace-only.txt',
      ]);
      assert.deepEqual(summary.files.not_a_document.map((f) => f.split('/').pop()).sort(), [
        'index-listing-press-releases.txt',
        'index-listing-speeches-2002.html',
        'navigation-only.html',
      ]);
      assert.equal(summary.counts.imported, 22);
      assert.ok(summary.counts.needs_review >= 5, 'flagged pages are listed for review');
      assert.equal(await count('record_items'), 22);
      assert.equal((await verifyAuditChain(t.database)).ok, true);
    });

    test('the same page in two renderings (text and HTML) is linked to one item, not duplicated', async () => {
      const rows = await t.database.db
        .selectFrom('record_sources')
        .select(['source', 'item_id'])
        .where('source', 'like', '%chairmans-statement-2003-10-02%')
        .execute();
      assert.equal(rows.length, 2);
      assert.equal(rows[0]!.item_id, rows[1]!.item_id);
    });

    test('re-importing the same pages changes nothing: no row, no revision, no audit event', async () => {
      const [items, revisions, events] = [
        await count('record_items'),
        await count('record_revisions'),
        await count('audit_events'),
      ];
      const summary = await importPaths(t.database, ctx, [FIXTURES], { dryRun: false });
      assert.equal(summary.counts.unchanged, 23);
      assert.equal(summary.counts.imported + summary.counts.revised + summary.counts.linked, 0);
      assert.deepEqual(
        [await count('record_items'), await count('record_revisions'), await count('audit_events')],
        [items, revisions, events],
      );
    });

    test('a changed source becomes a new revision and the old revision is kept', async () => {
      const file = join(dir, 'seed.txt');
      writeFileSync(file, SEED);
      const first = await importPaths(t.database, ctx, [file], { dryRun: false });
      assert.equal(
        first.counts.linked,
        1,
        'the fixtures folder already holds this page: the new file is another rendering of it',
      );
      writeFileSync(file, SEED.replace('Thank you Warsaw.', 'Thank you, Warsaw.'));
      const second = await importPaths(t.database, ctx, [file], { dryRun: false });
      assert.equal(second.counts.revised, 1);
      const source = await t.database.db
        .selectFrom('record_sources')
        .select('item_id')
        .where('source', '=', file)
        .executeTakeFirstOrThrow();
      const revisions = await t.database.db
        .selectFrom('record_revisions')
        .select(['revision', 'content'])
        .where('item_id', '=', source.item_id)
        .orderBy('revision')
        .execute();
      assert.deepEqual(
        revisions.map((r) => r.revision),
        [1, 2],
      );
      assert.match(JSON.parse(revisions[0]!.content).body, /Thank you Warsaw\.$/);
      assert.match(JSON.parse(revisions[1]!.content).body, /Thank you, Warsaw\.$/);
      const event = await t.database.db
        .selectFrom('audit_events')
        .select('summary')
        .where('action', '=', 'record.revised')
        .where('object_id', '=', source.item_id)
        .executeTakeFirstOrThrow();
      const [oldBody, newBody] = revisions.map((r) => JSON.parse(r.content).body as string);
      assert.deepEqual(JSON.parse(event.summary).changes.body, {
        from: `${oldBody!.length} characters`,
        to: `${newBody!.length} characters`,
      });
      // The other rendering, unchanged on disk, does not take its turn at revising the item.
      const again = await importPaths(t.database, ctx, [FIXTURES, file], { dryRun: false });
      assert.equal(again.counts.revised, 0);
    });

    test('the same document in two languages is stored twice and linked as versions', async () => {
      const en = join(dir, 's021122a-e.txt');
      const fr = join(dir, 's021122a-f.txt');
      writeFileSync(
        en,
        "Updated: 22-Nov-2002 NATO Speeches\n\nPrague,\nCzech Republic\n\n22 Nov. 2002\n\nChairman's Statement\n\nby the NATO Secretary General\n\nMinisters of the NATO-Russia Council met today for the first time at the level of foreign ministers.\n\nThey reviewed the work of the Council since Rome.\n",
      );
      writeFileSync(
        fr,
        "Mise à jour: 22-Nov-2002 Discours de l'OTAN\n\nPrague,\nRépublique tchèque\n\n22 nov. 2002\n\nDéclaration du président\n\npar le Secrétaire général de l'OTAN\n\nLes ministres du Conseil OTAN-Russie se sont réunis aujourd'hui pour la première fois au niveau des ministres des affaires étrangères.\n\nIls ont examiné les travaux du Conseil depuis Rome.\n",
      );
      const summary = await importPaths(t.database, ctx, [en, fr], { dryRun: false });
      assert.equal(summary.counts.imported, 2);
      const reader = publicRecordReader(t.database, { kind: 'public' });
      const items = await t.database.db
        .selectFrom('record_sources')
        .innerJoin('record_items', 'record_items.id', 'record_sources.item_id')
        .select(['slug', 'language'])
        .where('source', 'in', [en, fr])
        .execute();
      const english = items.find((i) => i.language === 'en')!;
      const found = await reader.findBySlug(english.slug);
      assert.deepEqual(
        found?.versions.map((v) => v.language),
        ['fr'],
      );
    });

    test('a page whose storage fails midway leaves nothing half-stored, and the batch goes on', async () => {
      // Make the database refuse the revision row of one particular page, after its item row was written.
      if (dialect === 'sqlite') {
        await sql`create trigger refuse_boom before insert on record_revisions when new.content like '%BOOM-PAGE%' begin select raise(abort, 'disk says no'); end`.execute(
          t.database.db,
        );
      } else {
        await sql`create function refuse_boom() returns trigger language plpgsql as $$ begin if new.content like '%BOOM-PAGE%' then raise exception 'disk says no'; end if; return new; end $$`.execute(
          t.database.db,
        );
        await sql`create trigger refuse_boom before insert on record_revisions for each row execute function refuse_boom()`.execute(
          t.database.db,
        );
      }
      const boom = join(dir, 'boom.txt');
      const fine = join(dir, 'fine.txt');
      writeFileSync(boom, SEED.replace('Good morning.', 'Good morning. BOOM-PAGE'));
      writeFileSync(fine, SEED.replace('Good morning.', 'Good evening.').replace('25 Sept. 2002', '26 Sept. 2002'));
      const before = [await count('record_items'), await count('record_revisions'), await count('audit_events')];
      const summary = await importPaths(t.database, ctx, [boom, fine], { dryRun: false });
      assert.deepEqual(summary.files.failed, [boom]);
      assert.equal(summary.counts.imported, 1);
      assert.deepEqual(
        [await count('record_items'), await count('record_revisions'), await count('audit_events')],
        before.map((n) => n + 1),
      );
      const boomSource = await t.database.db
        .selectFrom('record_sources')
        .select('item_id')
        .where('source', '=', boom)
        .executeTakeFirst();
      assert.equal(boomSource, undefined);
      assert.equal((await verifyAuditChain(t.database)).ok, true);
    });

    test('several batches (checkpoints on their own thread): every page stored once, in order, audited and searchable; a revision re-indexes', async () => {
      const many = join(dir, 'many');
      for (let n = 0; n < 450; n++) {
        mkdirSync(join(many, String(Math.floor(n / 100))), { recursive: true });
        writeFileSync(join(many, String(Math.floor(n / 100)), `p${String(n).padStart(3, '0')}.txt`), generatePage(n));
      }
      const [items, events] = [await count('record_items'), await count('audit_events')];
      const seen: string[] = [];
      const summary = await importPaths(t.database, ctx, [many], { dryRun: false, onPage: (r) => seen.push(r.source) });
      assert.equal(summary.counts.imported, 450);
      assert.deepEqual(seen, [...seen].sort(), 'reports keep the walk order');
      assert.deepEqual([await count('record_items'), await count('audit_events')], [items + 450, events + 450]);
      assert.equal((await verifyAuditChain(t.database)).ok, true);
      const reader = publicRecordReader(t.database, { kind: 'public' });
      const search = (text: string) => reader.search({ text, page: 1, pageSize: 10 });
      assert.equal((await search('"Page 123 of the generated archive"')).total, 1);
      const again = await importPaths(t.database, ctx, [many], { dryRun: false });
      assert.equal(again.counts.unchanged, 450);
      // A changed page: the new words are found, the replaced ones no longer.
      const file = join(many, '1', 'p123.txt');
      writeFileSync(
        file,
        generatePage(123).replace('Page 123 of the generated archive.', 'Page 123 of the zanzibarian archive.'),
      );
      assert.equal((await importPaths(t.database, ctx, [file], { dryRun: false })).counts.revised, 1);
      assert.equal((await search('zanzibarian')).total, 1);
      assert.equal((await search('"Page 123 of the generated archive"')).total, 0);
    });

    test('a 50 MB file is refused with its size named, without being read', async () => {
      const big = join(dir, 'big.txt');
      writeFileSync(big, '');
      truncateSync(big, 50 * 1024 * 1024);
      const summary = await importPaths(t.database, ctx, [big, join(dir, 'does-not-exist.txt')], { dryRun: false });
      assert.equal(summary.counts.failed, 2);
      const reports: string[] = [];
      await importPaths(t.database, ctx, [big], { dryRun: false, onPage: (r) => reports.push(r.message ?? '') });
      assert.match(reports[0]!, /the file is 50\.0 MiB; pages over 5 MiB are refused/);
    });
  });
}

describe('the page reader thread', () => {
  test('reads in walk order; an import that stops early frees the reader for the next one', async () => {
    const first: string[] = [];
    for await (const report of readPages([FIXTURES], 5 * 1024 * 1024)) {
      first.push(report.source);
      if (first.length === 2) break;
    }
    const all: string[] = [];
    for await (const report of readPages([FIXTURES], 5 * 1024 * 1024)) all.push(report.source);
    assert.equal(all.length, 29);
    assert.deepEqual(all.slice(0, 2), first);
    assert.deepEqual(all, [...all].sort());
  });
});

describe('concord import --dry-run --json', () => {
  test('prints one JSON object per page with exactly the documented fields, and stores nothing', async () => {
    const t = await createTestDatabase('sqlite');
    try {
      const result = await runConcord(
        [
          'import',
          '--dry-run',
          '--json',
          'test/fixtures/legacy/nrc-2002-09-25-press-statement.txt',
          'test/fixtures/legacy/empty.txt',
          'test/fixtures/legacy/navigation-only.html',
        ],
        t.env,
      );
      const lines = result.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      assert.equal(lines.length, 3);
      const fields = [
        'source',
        'status',
        'kind',
        'title',
        'date',
        'updated',
        'collection',
        'place',
        'speaker',
        'occasion',
        'reference',
        'language',
        'body',
        'flags',
      ];
      assert.deepEqual(Object.keys(lines[0]), fields);
      assert.deepEqual(Object.keys(lines[1]), [...fields, 'error']);
      assert.deepEqual(
        lines.map((l) => l.status),
        ['document', 'error', 'not_a_document'],
      );
      const seed = lines[0];
      assert.equal(seed.source, 'test/fixtures/legacy/nrc-2002-09-25-press-statement.txt');
      assert.deepEqual(
        [seed.kind, seed.date, seed.updated, seed.collection, seed.speaker, seed.language],
        ['Press Statement', '2002-09-25', '2002-09-25', 'NATO Speeches', 'NATO Secretary General', 'en'],
      );
      assert.deepEqual(seed.place, { city: 'Warsaw', country: 'Poland' });
      assert.match(seed.body, /^Good morning\.\n\n/);
      assert.match(seed.body, /Thank you Warsaw\.$/);
      assert.equal(seed.body.includes('Go to Homepage'), false);
      assert.match(lines[1].error, /empty/);
      assert.equal(result.code, 1, 'a failed page makes the exit code 1');
      const db = await t.database.db
        .selectFrom('record_items')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(db.n), 0);
    } finally {
      await t.dropAll();
    }
  });
});
