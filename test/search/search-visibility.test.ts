// Workspace search with hidden matches interleaved, on each database: every snippet belongs to its own
// hit whatever the page size (issue 11, finding 1: on SQLite a page of one hit took its snippet from the
// newest match of the whole index), and hidden matches shift neither pages, totals nor per-kind counts.
// Entries are written straight into the index (it is derived data) so that the hidden matches can be
// made newer and more numerous than the visible ones.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.ts';
import type { Actor } from '../../src/kernel/access/can.ts';
import { searchWorkspace, type WorkspaceHit } from '../../src/search/workspace-index.ts';

const AT = '2002-05-28T00:00:00.000Z';
const RU: Actor = {
  kind: 'user',
  id: 'u-ru',
  roles: ['delegate'],
  member: 'RUS',
  headOfDelegation: true,
  clearance: 'CONFIDENTIAL',
};
const PL: Actor = { ...RU, id: 'u-pl', member: 'POL' };
const STAFF: Actor = { ...RU, id: 'u-staff', roles: ['secretariat'], member: null };
const PUBLIC: Actor = { kind: 'public' };

type Kind = 'meeting' | 'event' | 'project' | 'text';
interface Entry {
  kind: Kind;
  id: string;
  format: 'nrc' | 'nato';
  isPublic: boolean;
}

/** Reads the snippet back as text: it must hold the hit's own marker word. */
const snippetText = (h: WorkspaceHit) => h.snippet.map((p) => p.text).join('');

for (const dialect of DIALECTS) {
  describe(`workspace search with hidden matches on ${dialect}`, () => {
    let t: TestDatabase;
    const entries: Entry[] = [];
    before(async () => {
      t = await createTestDatabase(dialect);
      const db = t.database.db;
      await db
        .insertInto('members')
        .values(
          ['RUS', 'POL', 'USA'].map((code) => ({
            code,
            name: code,
            sort_name: code,
            kind: 'state',
            created_at: AT,
            updated_at: AT,
          })),
        )
        .execute();
      await db
        .insertInto('formats')
        .values([
          { code: 'nrc', name: 'NRC at 3', description: '', created_at: AT, updated_at: AT },
          { code: 'nato', name: 'NATO at 2', description: '', created_at: AT, updated_at: AT },
        ])
        .execute();
      await db
        .insertInto('format_members')
        .values([
          { format_code: 'nrc', member_code: 'RUS' },
          { format_code: 'nrc', member_code: 'POL' },
          { format_code: 'nrc', member_code: 'USA' },
          { format_code: 'nato', member_code: 'POL' },
          { format_code: 'nato', member_code: 'USA' },
        ])
        .execute();
      // 30 visible entries (public ones among them), then 60 hidden ones written later and dated later,
      // interleaved with a few more visible ones: the newest matches of the index are hidden.
      const kinds: Kind[] = ['meeting', 'event', 'project', 'text'];
      for (let i = 0; i < 100; i += 1) {
        const hidden = i >= 30 && i % 5 !== 0;
        const kind = kinds[i % 4]!;
        entries.push({
          kind,
          id: `item${i}`,
          format: hidden ? 'nato' : 'nrc',
          isPublic: kind !== 'text' && i % 3 === 0,
        });
      }
      for (const [i, e] of entries.entries()) {
        await db
          .insertInto('search_entries')
          .values({
            kind: e.kind,
            item_id: e.id,
            format_code: e.format,
            format_members:
              e.kind === 'text' ? JSON.stringify(e.format === 'nrc' ? ['RUS', 'POL', 'USA'] : ['POL', 'USA']) : null,
            is_public: e.isPublic ? 1 : 0,
            title: 'Consultations',
            subtitle: '',
            // Same length and same words for all, so that the rank is a tie and the date decides.
            body: `Consultations on airspace marker${String(i).padStart(3, '0')} and nothing else.`,
            date: `2002-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
            updated_at: AT,
          })
          .execute();
      }
    });
    after(async () => t?.dropAll());

    // Public means public to everyone, signed in or not (finding 7): Russia also reads the public entries at 19.
    const visibleTo = (actor: Actor) =>
      entries.filter((e) =>
        actor === STAFF ? true : actor === PUBLIC ? e.isPublic : actor === RU ? e.format === 'nrc' || e.isPublic : true,
      );

    for (const [name, actor] of [
      ['head.ru', RU],
      ['the public', PUBLIC],
      ['the secretariat', STAFF],
      ['head.pl', PL],
    ] as const) {
      test(`for ${name}, every snippet belongs to its hit on pages of 1, 2 and 20; pages and totals skip hidden matches`, async () => {
        const expected = visibleTo(actor)
          .map((e) => ({ e, i: entries.indexOf(e) }))
          .reverse(); // newest first: equal rank, later date
        for (const pageSize of [1, 2, 20]) {
          const seen: string[] = [];
          for (let page = 1; page <= Math.ceil(expected.length / pageSize) + 1; page += 1) {
            const r = await searchWorkspace(t.database, actor, { text: 'airspace', page, pageSize });
            assert.equal(r.total, expected.length, `total, page size ${pageSize}`);
            for (const kind of ['meeting', 'event', 'project', 'text'] as const)
              assert.equal(r.kinds[kind], expected.filter((x) => x.e.kind === kind).length, `count of ${kind}`);
            for (const hit of r.hits) {
              const i = Number(hit.id.slice('item'.length));
              assert.match(
                snippetText(hit),
                new RegExp(`marker${String(i).padStart(3, '0')}\\b`),
                `page size ${pageSize}, page ${page}: the snippet of ${hit.id} is its own: ${snippetText(hit)}`,
              );
              seen.push(hit.id);
            }
          }
          assert.deepEqual(
            seen,
            expected.map((x) => x.e.id),
            `page size ${pageSize}: every visible hit once, in order`,
          );
        }
      });
    }

    test('a kind filter pages within the kind; totals count only what the reader may see', async () => {
      const texts = visibleTo(RU)
        .filter((e) => e.kind === 'text')
        .reverse()
        .map((e) => e.id);
      const r = await searchWorkspace(t.database, RU, { text: 'airspace', kind: 'text', page: 2, pageSize: 3 });
      assert.equal(r.total, texts.length);
      assert.deepEqual(
        r.hits.map((h) => h.id),
        texts.slice(3, 6),
      );
      const pub = await searchWorkspace(t.database, PUBLIC, { text: 'airspace', kind: 'text', page: 1, pageSize: 20 });
      assert.deepEqual([pub.total, pub.hits.length, pub.kinds.text], [0, 0, 0], 'texts are never public');
    });
  });
}
