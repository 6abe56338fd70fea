// Loading the demo twice changes nothing: no row and no audit event is added by the second load.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestDatabase } from '../support/databases.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { DEMO_BODIES, DEMO_MEMBERS } from '../../src/demo/nrc-2002.ts';

for (const dialect of DIALECTS) {
  describe(`demo data on ${dialect}`, () => {
    test('a second load reports everything unchanged and writes nothing', async () => {
      const t = await createTestDatabase(dialect);
      try {
        const first = await loadDemo(t.database, new Date('2026-01-01T00:00:00Z'));
        assert.equal(first.updated, 0);
        assert.ok(first.created >= DEMO_MEMBERS.length + DEMO_BODIES.length);
        const count = async () =>
          Number(
            (
              await t.database.db
                .selectFrom('audit_events')
                .select((eb) => eb.fn.countAll().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          );
        const eventsAfterFirst = await count();
        assert.equal(eventsAfterFirst, first.created);
        const second = await loadDemo(t.database, new Date('2026-01-02T00:00:00Z'));
        assert.deepEqual(second, { created: 0, updated: 0, unchanged: first.created });
        assert.equal(await count(), eventsAfterFirst);
      } finally {
        await t.dropAll();
      }
    });
  });
}
