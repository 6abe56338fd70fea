// The demo accounts on both databases: present (and labelled demo) only when the demo is loaded, able
// to sign in with the published password, and a second load writes nothing.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestDatabase } from '../support/databases.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { DEMO_ACCOUNTS, describeDemoAccounts } from '../../src/accounts/demo-accounts.ts';
import { createAccountsApp, DEMO, signIn } from './helpers.ts';

for (const dialect of DIALECTS) {
  describe(`demo accounts on ${dialect}`, () => {
    test('the five demo accounts exist after the demo, labelled demo, and sign in with concord-demo-2002', async () => {
      const t = await createAccountsApp(dialect);
      try {
        const rows = await t.db.database.db
          .selectFrom('users')
          .select(['email', 'roles', 'member_code', 'head_of_delegation', 'demo'])
          .orderBy('email')
          .execute();
        assert.deepEqual(
          rows.map((r) => [r.email, JSON.parse(r.roles), r.member_code, r.head_of_delegation, r.demo]),
          [
            [DEMO.auditor, ['auditor'], null, 0, 1],
            [DEMO.chair, ['chair'], null, 0, 1],
            [DEMO.headPl, ['delegate'], 'POL', 1, 1],
            [DEMO.headRu, ['delegate'], 'RUS', 1, 1],
            [DEMO.secretariat, ['secretariat'], null, 0, 1],
          ],
        );
        for (const email of Object.values(DEMO)) await signIn(t.app, email);
        const chair = await signIn(t.app, DEMO.chair);
        assert.equal(
          (await t.app.inject({ url: '/api/v1/session', headers: { cookie: chair.cookie } })).json().user.name,
          'Lord Robertson of Port Ellen',
        );
      } finally {
        await t.close();
      }
    });

    test('a second load changes nothing and writes no audit event; without the demo there are no accounts', async () => {
      const t = await createTestDatabase(dialect);
      try {
        assert.equal((await t.database.db.selectFrom('users').select('id').execute()).length, 0);
        const first = await loadDemo(t.database, new Date('2026-01-01T00:00:00Z'));
        const count = async () =>
          Number(
            (
              await t.database.db
                .selectFrom('audit_events')
                .select((eb) => eb.fn.countAll().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          );
        const events = await count();
        const hashes = await t.database.db
          .selectFrom('users')
          .select(['email', 'password_hash', 'updated_at'])
          .orderBy('email')
          .execute();
        const second = await loadDemo(t.database, new Date('2026-01-02T00:00:00Z'));
        assert.deepEqual(second, { created: 0, updated: 0, unchanged: first.created });
        assert.equal(await count(), events);
        assert.deepEqual(
          await t.database.db
            .selectFrom('users')
            .select(['email', 'password_hash', 'updated_at'])
            .orderBy('email')
            .execute(),
          hashes,
          'no re-hash',
        );
        const created = await t.database.db
          .selectFrom('audit_events')
          .select(['actor', 'summary'])
          .where('action', '=', 'account.created')
          .execute();
        assert.equal(created.length, DEMO_ACCOUNTS.length);
        assert.ok(
          created.every(
            (e) =>
              e.actor === 'system:demo' && !e.summary.includes('argon2') && !e.summary.includes('concord-demo-2002'),
          ),
        );
      } finally {
        await t.dropAll();
      }
    });
  });
}

test('the log line of the demo lists every demo account with its role', () => {
  assert.equal(
    describeDemoAccounts(),
    'secretariat@demo.concord (secretariat officer), chair@demo.concord (chair: the Secretary General), head.ru@demo.concord (head of the Russian delegation), head.pl@demo.concord (head of the Polish delegation), auditor@demo.concord (auditor)',
  );
});
