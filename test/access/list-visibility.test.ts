// Lists apply need-to-know in the query (issue 11, "visibility in SQL"), on each database with the demo
// loaded: the repositories' lists, given a reader, return exactly the rows `can` lets that reader read,
// so hidden rows are never loaded; and through the API, a delegate's pages and totals are those of the
// visible items alone, with hidden items interleaved among them in the full order.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../support/databases.ts';
import { auth } from '../support/app.ts';
import { createAccountsApp, DEMO, json, signIn, type AccountsApp, type Client } from '../accounts/helpers.ts';
import { can, type Actor } from '../../src/kernel/access/can.ts';
import { countMeetings, listMeetings } from '../../src/meetings/meetings.repository.ts';
import { listProjects } from '../../src/work-programme/projects.repository.ts';
import { listEvents } from '../../src/calendar/events.repository.ts';
import { countTexts, listDecisions, listTexts } from '../../src/texts/texts.repository.ts';

const user = (id: string, member: string | null, roles: ('delegate' | 'secretariat')[]): Actor => ({
  kind: 'user',
  id,
  roles,
  member,
  headOfDelegation: true,
  clearance: 'CONFIDENTIAL',
});
const READERS: [string, Actor][] = [
  ['head.ru', user('ru', 'RUS', ['delegate'])],
  ['head.pl', user('pl', 'POL', ['delegate'])],
  ['a delegate of no member', user('none', null, ['delegate'])],
  ['the secretariat', user('staff', null, ['secretariat'])],
  ['the public', { kind: 'public' }],
];

for (const dialect of DIALECTS) {
  describe(`lists under need-to-know on ${dialect}`, () => {
    let t: AccountsApp;
    let secretariat: Client;
    let headRu: Client;
    before(async () => {
      t = await createAccountsApp(dialect);
      [secretariat, headRu] = await Promise.all([signIn(t.app, DEMO.secretariat), signIn(t.app, DEMO.headRu)]);
      // Meetings and events alternately at 20 (nrc-prepcom) and at 19 (nac), so that in the full order
      // hidden items sit between visible ones.
      for (let i = 0; i < 8; i += 1) {
        const body = i % 2 === 0 ? 'nrc-prepcom' : 'nac';
        const day = `2002-11-${String(10 + i).padStart(2, '0')}`;
        for (const [url, payload] of [
          [
            '/api/v1/meetings',
            {
              body,
              level: 'Ambassadors',
              startsAt: `${day}T10:00`,
              endsAt: `${day}T12:00`,
              timeZone: 'Europe/Brussels',
              title: `Consultations ${i} (demo)`,
            },
          ],
          ['/api/v1/events', { kind: 'visit', title: `Visit ${i} (demo)`, date: day, body }],
        ] as const) {
          const res = await t.app.inject({ method: 'POST', url, headers: { ...json, ...auth }, payload });
          assert.equal(res.statusCode, 201, res.body);
        }
      }
    });
    after(async () => t?.close());

    test("each list's query returns exactly the rows `can` allows, in the same order", async () => {
      const db = t.db.database.db;
      const members = new Map<string, string[]>();
      for (const r of await db.selectFrom('format_members').selectAll().execute())
        members.set(r.format_code, [...(members.get(r.format_code) ?? []), r.member_code]);
      const ofFormat = (code: string) => members.get(code) ?? [];
      for (const [name, actor] of READERS) {
        const check = async <T extends { id: string }>(
          what: string,
          all: T[],
          readable: T[],
          allowed: (item: T) => boolean,
        ) => {
          assert.ok(all.length > 0, `the demo has ${what}`);
          assert.deepEqual(
            readable.map((i) => i.id),
            all.filter(allowed).map((i) => i.id),
            `${what} for ${name}`,
          );
        };
        await check('meetings', await listMeetings(db), await listMeetings(db, { readableBy: actor }), (m) =>
          can(actor, 'read', { type: 'meeting', formatMembers: ofFormat(m.formatCode), isPublic: m.isPublic }),
        );
        await check('projects', await listProjects(db), await listProjects(db, { readableBy: actor }), (p) =>
          can(actor, 'read', { type: 'project', formatMembers: ofFormat(p.formatCode), isPublic: p.isPublic }),
        );
        await check('events', await listEvents(db), await listEvents(db, { readableBy: actor }), (e) =>
          can(actor, 'read', { type: 'event', formatMembers: ofFormat(e.formatCode), isPublic: e.isPublic }),
        );
        await check('texts', await listTexts(db), await listTexts(db, { readableBy: actor }), (x) =>
          can(actor, 'read', { type: 'text', formatMembers: x.state.formatMembers, part: 'draft' }),
        );
      }
      const textsById = new Map((await listTexts(db)).map((x) => [x.id, x]));
      for (const [name, actor] of READERS)
        assert.deepEqual(
          (await listDecisions(db, actor)).map((d) => d.reference),
          (await listDecisions(db))
            .filter((d) =>
              can(actor, 'read', {
                type: 'decision',
                formatMembers: textsById.get(d.textId)?.state.formatMembers ?? [],
                part: 'register',
              }),
            )
            .map((d) => d.reference),
          `decisions for ${name}`,
        );
      // The rule is not vacuous here: head.ru is refused some meetings and events.
      const ru = READERS[0]![1];
      assert.ok((await listMeetings(db, { readableBy: ru })).length < (await listMeetings(db)).length);
      assert.ok((await listEvents(db, { readableBy: ru })).length < (await listEvents(db)).length);
    });

    test('the database pages and counts meetings and texts over the readable rows alone', async () => {
      const db = t.db.database.db;
      for (const [name, actor] of READERS) {
        const readable = { readableBy: actor };
        const meetings = (await listMeetings(db, readable)).map((m) => m.id);
        const texts = (await listTexts(db, readable)).map((x) => x.id);
        assert.equal(await countMeetings(db, readable), meetings.length, `meetings counted for ${name}`);
        assert.equal(await countTexts(db, readable), texts.length, `texts counted for ${name}`);
        for (const offset of [0, 1, 2, 3, 5, 8]) {
          const page = { limit: 2, offset };
          assert.deepEqual(
            (await listMeetings(db, readable, page)).map((m) => m.id),
            meetings.slice(offset, offset + 2),
            `meetings page at ${offset} for ${name}`,
          );
          assert.deepEqual(
            (await listTexts(db, readable, page)).map((x) => x.id),
            texts.slice(offset, offset + 2),
            `texts page at ${offset} for ${name}`,
          );
        }
      }
    });

    for (const path of ['meetings', 'projects', 'events', 'texts']) {
      test(`/${path}: head.ru's pages and total skip the hidden items interleaved among the visible ones`, async () => {
        const list = async (c: Client, query: string) => {
          const res = await t.app.inject({ url: `/api/v1/${path}?${query}`, headers: { cookie: c.cookie } });
          assert.equal(res.statusCode, 200, res.body);
          return res.json<{ total: number; items: { id: string }[] }>();
        };
        const everything = (await list(secretariat, 'limit=500')).items.map((i) => i.id);
        const mine = await list(headRu, 'limit=500');
        const visible = new Set(mine.items.map((i) => i.id));
        assert.equal(mine.total, visible.size);
        assert.deepEqual(
          mine.items.map((i) => i.id),
          everything.filter((id) => visible.has(id)),
          'the same order as the full list',
        );
        const firstHidden = everything.findIndex((id) => !visible.has(id));
        const lastVisible = everything.findLastIndex((id) => visible.has(id));
        if (path === 'meetings' || path === 'events')
          assert.ok(firstHidden >= 0 && firstHidden < lastVisible, 'some hidden item sits before a visible one');
        const paged: string[] = [];
        for (let offset = 0; offset < mine.total + 3; offset += 3) {
          const page = await list(headRu, `limit=3&offset=${offset}`);
          assert.equal(page.total, mine.total, `total at offset ${offset}`);
          paged.push(...page.items.map((i) => i.id));
        }
        assert.deepEqual(paged, [...visible]);
      });
    }
  });
}
