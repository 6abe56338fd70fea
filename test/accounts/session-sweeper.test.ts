// Expired sessions are removed by the sweeper on both databases; live ones stay and keep working.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../support/databases.ts';
import { sweepExpiredSessions } from '../../src/accounts/sessions.repository.ts';
import { createAccountsApp, DEMO, signIn } from './helpers.ts';

for (const dialect of DIALECTS) {
  describe(`session sweeper (${dialect})`, () => {
    test('removes expired sessions in batches and keeps live ones', async (t) => {
      const a = await createAccountsApp(dialect);
      t.after(() => a.close());
      const early = await signIn(a.app, DEMO.headRu);
      await signIn(a.app, DEMO.headPl);
      await signIn(a.app, DEMO.auditor);
      a.clock.advanceMinutes(60 * 24 * 30); // past every session's lifetime
      const live = await signIn(a.app, DEMO.chair);
      const db = a.db.database.db;
      assert.equal((await db.selectFrom('sessions').select('id').execute()).length, 4);

      const removed = await sweepExpiredSessions(db, a.clock.now().toISOString(), 2);
      assert.equal(removed, 3);
      const left = await db.selectFrom('sessions').select('id').execute();
      assert.equal(left.length, 1);
      assert.equal(await sweepExpiredSessions(db, a.clock.now().toISOString()), 0);

      const me = await a.app.inject({ url: '/api/v1/session', headers: { cookie: live.cookie } });
      assert.equal(me.json().user.email, DEMO.chair);
      const gone = await a.app.inject({ url: '/api/v1/session', headers: { cookie: early.cookie } });
      assert.equal(gone.json().user, null);
    });
  });
}
