// The demo's meetings, work programme and calendar load through the audited services, and a second
// load writes nothing, on both databases.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestDatabase } from '../support/databases.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';

const TABLES = [
  'meetings',
  'meeting_agenda_items',
  'meeting_participants',
  'projects',
  'project_deliverables',
  'project_progress_reports',
  'event_series',
  'events',
] as const;

for (const dialect of DIALECTS) {
  describe(`demo meetings and calendar on ${dialect}`, () => {
    test('two Warsaw meetings, four projects, four events in one series; a second load changes nothing', async () => {
      const t = await createTestDatabase(dialect);
      try {
        const db = t.database.db;
        const counts = async () =>
          Object.fromEntries(
            await Promise.all(
              TABLES.map(async (table) => [
                table,
                Number(
                  (
                    await db
                      .selectFrom(table)
                      .select((eb) => eb.fn.countAll().as('n'))
                      .executeTakeFirstOrThrow()
                  ).n,
                ),
              ]),
            ),
          );
        const events = async () =>
          Number(
            (
              await db
                .selectFrom('audit_events')
                .select((eb) => eb.fn.countAll().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          );
        await loadDemo(t.database, new Date('2002-09-25T08:00:00Z'));
        const first = await counts();
        assert.deepEqual(first, {
          meetings: 2,
          meeting_agenda_items: 7,
          meeting_participants: 5,
          projects: 4,
          project_deliverables: 4,
          project_progress_reports: 1,
          event_series: 1,
          events: 4,
        });
        const trail = await events();
        const kinds = await db
          .selectFrom('audit_events')
          .select('object_type')
          .where('object_type', 'in', ['meeting', 'project', 'event', 'event_series'])
          .execute();
        assert.equal(kinds.length, 2 + 4 + 4 + 1 + 4 + 1, 'one audit event per item, deliverable and report');
        await loadDemo(t.database, new Date('2026-01-01T00:00:00Z'));
        assert.deepEqual(await counts(), first);
        assert.equal(await events(), trail);
      } finally {
        await t.dropAll();
      }
    });
  });
}
