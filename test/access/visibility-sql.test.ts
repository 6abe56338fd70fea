// The need-to-know rule in SQL against `can`, on each database: for random formats, items and readers,
// the predicate of kernel/access/visibility-sql.ts selects exactly the rows `can` lets the reader read —
// items of a format (bodies, meetings, projects, events) and texts (members fixed in a JSON array, or
// under a key of a JSON object as in texts.state).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.ts';
import { can, type Actor, type Role } from '../../src/kernel/access/can.ts';
import { formatItemVisibleTo, readerScope, textVisibleTo } from '../../src/kernel/access/visibility-sql.ts';

const AT = '2002-05-28T00:00:00.000Z';
const MEMBERS = ['BEL', 'POL', 'RUS', 'USA'];
const FORMATS = ['f1', 'f2', 'f3'];
const ROLES: Role[] = ['admin', 'secretariat', 'chair', 'delegate', 'auditor'];

const actorArb: fc.Arbitrary<Actor> = fc.oneof(
  fc.constant<Actor>({ kind: 'public' }),
  fc.constant<Actor>({ kind: 'system', name: 'test' }),
  fc.constant<Actor>({ kind: 'admin-token' }),
  fc
    .record({
      roles: fc.subarray(ROLES),
      member: fc.option(fc.constantFrom(...MEMBERS, 'XXX'), { nil: null }),
      headOfDelegation: fc.boolean(),
    })
    .map((u): Actor => ({
      kind: 'user',
      id: 'u',
      roles: u.roles,
      member: u.member,
      headOfDelegation: u.headOfDelegation,
      clearance: 'SECRET',
    })),
);

const worldArb = fc.record({
  // A format's members as they are now; 'gone' is a format code with no row (an item must then be hidden
  // from delegates, as `can` sees no members).
  formats: fc.tuple(...FORMATS.map(() => fc.subarray(MEMBERS))),
  items: fc.array(
    fc.record({
      formatCode: fc.constantFrom(...FORMATS, 'gone'),
      isPublic: fc.boolean(),
      textMembers: fc.subarray(MEMBERS),
    }),
    { maxLength: 12 },
  ),
  actors: fc.array(actorArb, { minLength: 1, maxLength: 6 }),
});

for (const dialect of DIALECTS) {
  describe(`the visibility predicate on ${dialect}`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await createTestDatabase(dialect);
      await t.database.db
        .insertInto('members')
        .values(
          MEMBERS.map((code) => ({ code, name: code, sort_name: code, kind: 'state', created_at: AT, updated_at: AT })),
        )
        .execute();
    });
    after(async () => t?.dropAll());

    test('selects exactly the items `can` lets the reader read', async () => {
      const db = t.database.db;
      await fc.assert(
        fc.asyncProperty(worldArb, async (world) => {
          await db.deleteFrom('search_entries').execute();
          await db.deleteFrom('format_members').execute();
          await db.deleteFrom('formats').execute();
          await db
            .insertInto('formats')
            .values(FORMATS.map((code) => ({ code, name: code, description: '', created_at: AT, updated_at: AT })))
            .execute();
          const members = new Map(FORMATS.map((code, i) => [code, world.formats[i]!]));
          const rows = [...members].flatMap(([format_code, ms]) =>
            ms.map((member_code) => ({ format_code, member_code })),
          );
          if (rows.length) await db.insertInto('format_members').values(rows).execute();
          if (world.items.length)
            await db
              .insertInto('search_entries')
              .values(
                world.items.map((item, i) => ({
                  kind: 'meeting',
                  item_id: `i${i}`,
                  format_code: item.formatCode,
                  format_members: JSON.stringify(item.textMembers),
                  is_public: item.isPublic ? 1 : 0,
                  // The same members under a key of a JSON object, as texts.state holds them.
                  title: JSON.stringify({ status: 'drafting', formatMembers: item.textMembers }),
                  subtitle: '',
                  body: '',
                  date: null,
                  updated_at: AT,
                })),
              )
              .execute();
          for (const actor of world.actors) {
            const select = async (predicate: ReturnType<typeof formatItemVisibleTo>) =>
              (await db.selectFrom('search_entries').select('item_id').where(predicate).execute())
                .map((r) => r.item_id)
                .sort();
            const byCan = (allowed: (item: (typeof world.items)[number]) => boolean) =>
              world.items.flatMap((item, i) => (allowed(item) ? [`i${i}`] : [])).sort();
            const who = JSON.stringify(actor);
            for (const type of ['meeting', 'project', 'event', 'body'] as const)
              assert.deepEqual(
                await select(
                  formatItemVisibleTo(actor, {
                    formatCode: 'search_entries.format_code',
                    isPublic: 'search_entries.is_public',
                  }),
                ),
                byCan((item) =>
                  can(actor, 'read', {
                    type,
                    formatMembers: members.get(item.formatCode) ?? [],
                    isPublic: item.isPublic,
                  }),
                ),
                `${type} for ${who} (${readerScope(actor).sees})`,
              );
            for (const type of ['text', 'decision'] as const) {
              const allowed = byCan((item) =>
                can(actor, 'read', {
                  type,
                  formatMembers: item.textMembers,
                  part: type === 'text' ? 'draft' : 'register',
                } as Parameters<typeof can>[2]),
              );
              assert.deepEqual(
                await select(textVisibleTo(actor, dialect, { column: 'format_members' })),
                allowed,
                `${type} (array) for ${who}`,
              );
              assert.deepEqual(
                await select(textVisibleTo(actor, dialect, { column: 'title', key: 'formatMembers' })),
                allowed,
                `${type} (under a key) for ${who}`,
              );
            }
          }
        }),
        { numRuns: 60 },
      );
    });
  });
}
