// Accounts on both databases: an admin creates them with a one-time set-password link; every input is
// validated with a coded 4xx naming the field, a failed write changes nothing, every write is audited.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../support/databases.ts';
import { verifyAuditChain } from '../../src/kernel/audit/audit.repository.ts';
import { admin, auditCount, auditEvents, createAccountsApp, DEMO, json, signIn, type AccountsApp } from './helpers.ts';

const NEW_PASSWORD = 'a long and unrelated phrase';

for (const dialect of DIALECTS) {
  describe(`accounts API on ${dialect}`, () => {
    let t: AccountsApp;
    before(async () => {
      t = await createAccountsApp(dialect);
    });
    after(async () => t?.close());

    const create = (payload: Record<string, unknown>, headers: Record<string, string> = admin) =>
      t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { ...json, ...headers }, payload });
    const tokenOf = (setupUrl: string) => new URL(setupUrl).searchParams.get('token')!;
    const setup = (token: string, password: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/password-setup', headers: json, payload: { token, password } });

    test('an admin creates an account and gets a one-time link valid 72 hours; no hash is ever shown', async () => {
      const before = await auditCount(t, 'account.created');
      const res = await create({
        email: 'Delegate.DE@Example.org',
        name: 'Delegate of Germany',
        roles: ['delegate'],
        member: 'DEU',
      });
      assert.equal(res.statusCode, 201, res.body);
      const { user, setupUrl, setupExpiresAt } = res.json();
      assert.deepEqual(Object.keys(user).sort(), [
        'abilities',
        'clearance',
        'createdAt',
        'demo',
        'disabled',
        'email',
        'headOfDelegation',
        'id',
        'lockedUntil',
        'member',
        'name',
        'passwordSet',
        'roles',
        'updatedAt',
      ]);
      assert.deepEqual(user.abilities, { update: true, disable: true });
      assert.equal(user.email, 'delegate.de@example.org');
      assert.equal(user.passwordSet, false);
      assert.equal(user.clearance, 'RESTRICTED');
      assert.match(setupUrl, /^http:\/\/127\.0\.0\.1:3000\/set-password\?token=[A-Za-z0-9_-]{43}$/);
      assert.equal(setupExpiresAt, '2026-01-04T09:00:00.000Z');
      const stored = await t.db.database.db.selectFrom('password_setup_tokens').selectAll().execute();
      assert.equal(JSON.stringify(stored).includes(tokenOf(setupUrl)), false, 'only the hash of the token is stored');
      assert.equal(await auditCount(t, 'account.created'), before + 1);
      const [event] = (await auditEvents(t, 'account.created')).slice(-1);
      assert.equal(JSON.stringify(event!.summary).includes(tokenOf(setupUrl)), false);

      // A password shorter than 12 characters names the field; the link still works afterwards.
      const short = await setup(tokenOf(setupUrl), 'too-short');
      assert.equal(short.statusCode, 400);
      assert.deepEqual(short.json().error.details, [
        {
          path: 'password',
          message: 'must be at least 12 characters long (it has 9); a few unrelated words make a strong one',
        },
      ]);
      assert.equal((await setup(tokenOf(setupUrl), NEW_PASSWORD)).statusCode, 204);
      const again = await setup(tokenOf(setupUrl), 'another long phrase here');
      assert.equal(again.statusCode, 400);
      assert.equal(again.json().error.code, 'SETUP_LINK_INVALID');
      assert.deepEqual(again.json().error.details, [{ path: 'token', message: 'is used, expired or replaced' }]);
      const client = await signIn(t.app, 'delegate.de@example.org', NEW_PASSWORD);
      assert.equal(
        (await t.app.inject({ url: '/api/v1/session', headers: { cookie: client.cookie } })).json().user.member,
        'DEU',
      );
      const [set] = (await auditEvents(t, 'password.set')).slice(-1);
      assert.equal(set!.actor, `user:${user.id}`);
      assert.deepEqual(set!.summary, { via: 'setup-link' });
      const list = (await t.app.inject({ url: '/api/v1/users', headers: admin })).body;
      assert.equal(/argon2|password_hash|passwordHash/.test(list), false);
    });

    test('a link expires after 72 hours, and a new link replaces the old one', async () => {
      const res = await create({ email: 'expiring@example.org', name: 'Expiring', roles: ['auditor'] });
      const { user, setupUrl } = res.json();
      t.clock.advanceMinutes(72 * 60 + 1);
      assert.equal((await setup(tokenOf(setupUrl), NEW_PASSWORD)).json().error.code, 'SETUP_LINK_INVALID');
      const first = (
        await t.app.inject({ method: 'POST', url: `/api/v1/users/${user.id}/setup-link`, headers: admin })
      ).json();
      const second = (
        await t.app.inject({ method: 'POST', url: `/api/v1/users/${user.id}/setup-link`, headers: admin })
      ).json();
      assert.equal((await setup(tokenOf(first.setupUrl), NEW_PASSWORD)).json().error.code, 'SETUP_LINK_INVALID');
      assert.equal((await setup(tokenOf(second.setupUrl), NEW_PASSWORD)).statusCode, 204);
      assert.equal(await auditCount(t, 'account.setup_link_issued'), 2);
      t.clock.set('2026-01-01T09:00:00Z');
    });

    test('bad input gets a coded 4xx naming the field, and nothing is written', async () => {
      const before = await auditCount(t);
      const cases: [Record<string, unknown>, number, string, { path: string; message: string }[]][] = [
        [
          { name: 'No email', roles: ['auditor'] },
          400,
          'VALIDATION_FAILED',
          [{ path: 'email', message: 'is required' }],
        ],
        [
          { email: 'not-an-email', name: 'X', roles: ['auditor'] },
          400,
          'VALIDATION_FAILED',
          [{ path: 'email', message: 'must be an email address such as name@example.org' }],
        ],
        [
          { email: 'x@example.org', name: 'X', roles: ['king'] },
          400,
          'VALIDATION_FAILED',
          [{ path: 'roles[0]', message: 'must be one of "admin", "secretariat", "chair", "delegate", "auditor"' }],
        ],
        [
          { email: 'x@example.org', name: 'X', roles: ['delegate'] },
          400,
          'VALIDATION_FAILED',
          [{ path: 'member', message: 'is required for a delegate: the member the delegate acts for' }],
        ],
        [
          { email: 'x@example.org', name: 'X', roles: ['delegate', 'secretariat'], member: 'POL' },
          400,
          'VALIDATION_FAILED',
          [
            {
              path: 'roles',
              message: 'cannot combine delegate with another role: a delegate sees only what their member may see',
            },
          ],
        ],
        [
          { email: 'x@example.org', name: 'X', roles: ['auditor'], headOfDelegation: true },
          400,
          'VALIDATION_FAILED',
          [{ path: 'headOfDelegation', message: 'is only for delegates' }],
        ],
        [
          { email: 'x@example.org', name: 'X', roles: ['delegate'], member: 'ATL' },
          422,
          'UNKNOWN_REFERENCE',
          [{ path: 'member', message: 'no member "ATL"' }],
        ],
        [
          { email: DEMO.chair, name: 'X', roles: ['chair'] },
          409,
          'ALREADY_EXISTS',
          [{ path: 'email', message: 'is already used by another account' }],
        ],
        [
          { email: 'x@example.org', name: 'X', roles: ['auditor'], password: 'set-it-now-please' },
          400,
          'VALIDATION_FAILED',
          [{ path: 'password', message: 'is not a known field; remove it' }],
        ],
      ];
      for (const [payload, status, code, details] of cases) {
        const res = await create(payload);
        assert.equal(res.statusCode, status, JSON.stringify(payload));
        assert.equal(res.json().error.code, code);
        assert.deepEqual(res.json().error.details, details);
      }
      assert.equal(await auditCount(t), before);
      assert.equal(
        (await t.db.database.db.selectFrom('users').select('id').where('email', '=', 'x@example.org').execute()).length,
        0,
      );
    });

    test('only admins create accounts; admins and the secretariat list them; a delegate sees only their own', async () => {
      const secretariat = await signIn(t.app, DEMO.secretariat);
      const delegate = await signIn(t.app, DEMO.headRu);
      const forbidden = await create({ email: 'y@example.org', name: 'Y', roles: ['auditor'] }, secretariat.headers);
      assert.equal(forbidden.statusCode, 403);
      assert.equal(forbidden.json().error.code, 'FORBIDDEN');
      assert.equal(
        (await create({ email: 'y@example.org', name: 'Y', roles: ['auditor'] }, {})).json().error.code,
        'AUTHENTICATION_REQUIRED',
      );
      const list = await t.app.inject({ url: '/api/v1/users', headers: { cookie: secretariat.cookie } });
      assert.equal(list.statusCode, 200);
      assert.ok(list.json().items.some((u: { email: string }) => u.email === DEMO.headPl));
      assert.equal(
        (await t.app.inject({ url: '/api/v1/users', headers: { cookie: delegate.cookie } })).statusCode,
        403,
      );
      assert.equal((await t.app.inject({ url: '/api/v1/users' })).statusCode, 401);
      assert.equal(
        (await t.app.inject({ url: `/api/v1/users/${delegate.userId}`, headers: { cookie: delegate.cookie } })).json()
          .email,
        DEMO.headRu,
      );
      const other = await t.app.inject({
        url: `/api/v1/users/${secretariat.userId}`,
        headers: { cookie: delegate.cookie },
      });
      const missing = await t.app.inject({
        url: '/api/v1/users/00000000-0000-4000-8000-000000000000',
        headers: { cookie: delegate.cookie },
      });
      assert.equal(other.statusCode, 404, 'another account reads like a missing one');
      assert.equal(
        other.json().error.message.replace(secretariat.userId, 'X'),
        missing.json().error.message.replace('00000000-0000-4000-8000-000000000000', 'X'),
      );
    });

    test('disabling an account ends its sessions and its sign-in fails like a wrong password; the change is audited', async () => {
      const created = (await create({ email: 'leaving@example.org', name: 'Leaving', roles: ['secretariat'] })).json();
      await setup(tokenOf(created.setupUrl), NEW_PASSWORD);
      const client = await signIn(t.app, 'leaving@example.org', NEW_PASSWORD);
      const res = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${created.user.id}`,
        headers: { ...json, ...admin },
        payload: { disabled: true },
      });
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().disabled, true);
      assert.equal(
        (await t.app.inject({ url: '/api/v1/session', headers: { cookie: client.cookie } })).json().actor,
        'public',
      );
      const again = await t.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        headers: json,
        payload: { email: 'leaving@example.org', password: NEW_PASSWORD },
      });
      assert.equal(again.json().error.code, 'INVALID_CREDENTIALS');
      const [event] = (await auditEvents(t, 'account.updated')).slice(-1);
      assert.deepEqual(event!.summary, { changes: { disabled: { from: false, to: true } }, sessionsEnded: 1 });
      const before = await auditCount(t);
      await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${created.user.id}`,
        headers: { ...json, ...admin },
        payload: { disabled: true },
      });
      assert.equal(await auditCount(t), before, 'a change that changes nothing writes nothing');
    });

    test("changing one's password needs the current one, ends the other sessions and keeps this one", async () => {
      const created = (await create({ email: 'changer@example.org', name: 'Changer', roles: ['chair'] })).json();
      await setup(tokenOf(created.setupUrl), NEW_PASSWORD);
      const here = await signIn(t.app, 'changer@example.org', NEW_PASSWORD);
      const elsewhere = await signIn(t.app, 'changer@example.org', NEW_PASSWORD);
      const change = (body: Record<string, string>, headers = here.headers) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/session/password',
          headers: { ...json, ...headers },
          payload: body,
        });
      const wrong = await change({ currentPassword: 'not my password at all', newPassword: 'a brand new long phrase' });
      assert.equal(wrong.statusCode, 400);
      assert.deepEqual(wrong.json().error.details, [
        { path: 'currentPassword', message: 'is not your current password' },
      ]);
      const short = await change({ currentPassword: NEW_PASSWORD, newPassword: 'short' });
      assert.equal(short.json().error.details[0].path, 'newPassword');
      assert.equal(
        (await change({ currentPassword: NEW_PASSWORD, newPassword: 'a brand new long phrase' })).statusCode,
        204,
      );
      assert.equal(
        (await t.app.inject({ url: '/api/v1/session', headers: { cookie: elsewhere.cookie } })).json().actor,
        'public',
      );
      assert.equal(
        (await t.app.inject({ url: '/api/v1/session', headers: { cookie: here.cookie } })).json().actor,
        'user',
      );
      assert.equal(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/v1/session',
            headers: json,
            payload: { email: 'changer@example.org', password: NEW_PASSWORD },
          })
        ).statusCode,
        401,
      );
      await signIn(t.app, 'changer@example.org', 'a brand new long phrase');
      const [event] = (await auditEvents(t, 'password.changed')).slice(-1);
      assert.deepEqual(event!.summary, { sessionsEnded: 1 });
      assert.equal(
        (await change({ currentPassword: 'whatever it was', newPassword: 'a long enough phrase' }, admin as never))
          .statusCode,
        403,
        'the bearer token has no password to change',
      );
    });

    test('each account says what the reader may do with it: admins change any, the secretariat only reads, an admin never disables their own', async () => {
      const created = (
        await create({ email: 'second.admin@example.org', name: 'Second Admin', roles: ['admin'] })
      ).json();
      await setup(tokenOf(created.setupUrl), NEW_PASSWORD);
      const adminUser = await signIn(t.app, 'second.admin@example.org', NEW_PASSWORD);
      const secretariat = await signIn(t.app, DEMO.secretariat);
      const abilitiesIn = async (headers: Record<string, string>) =>
        Object.fromEntries(
          (
            (await t.app.inject({ url: '/api/v1/users', headers })).json().items as {
              email: string;
              abilities: unknown;
            }[]
          ).map((u) => [u.email, u.abilities]),
        );
      const byAdmin = await abilitiesIn({ cookie: adminUser.cookie });
      assert.deepEqual(byAdmin[DEMO.headRu], { update: true, disable: true });
      assert.deepEqual(byAdmin['second.admin@example.org'], { update: true, disable: false }, 'not their own account');
      const bySecretariat = await abilitiesIn({ cookie: secretariat.cookie });
      assert.deepEqual(bySecretariat[DEMO.headRu], { update: false, disable: false });
      assert.deepEqual(
        bySecretariat[DEMO.secretariat],
        { update: false, disable: false },
        "reading one's own account is not changing it",
      );
      const one = await t.app.inject({
        url: `/api/v1/users/${created.user.id}`,
        headers: { cookie: adminUser.cookie },
      });
      assert.deepEqual(one.json().abilities, { update: true, disable: false });
      const patch = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${secretariat.userId}`,
        headers: { ...json, ...secretariat.headers },
        payload: { name: 'Renamed' },
      });
      assert.equal(patch.statusCode, 403, 'the secretariat does not change accounts');
    });

    test('an administrator may not disable their own account or drop their own admin role; another administrator may, and other changes to oneself pass', async () => {
      const me = await signIn(t.app, 'second.admin@example.org', NEW_PASSWORD);
      const self = (await t.app.inject({ url: '/api/v1/session', headers: { cookie: me.cookie } })).json().user
        .id as string;
      const patchAs = (headers: Record<string, string>, payload: Record<string, unknown>) =>
        t.app.inject({ method: 'PATCH', url: `/api/v1/users/${self}`, headers: { ...json, ...headers }, payload });
      const before = await auditCount(t);
      const disable = await patchAs(me.headers, { disabled: true });
      assert.equal(disable.statusCode, 400);
      assert.deepEqual(disable.json().error.details, [
        { path: 'disabled', message: 'cannot be set on your own account: another administrator must disable it' },
      ]);
      const demote = await patchAs(me.headers, { roles: ['secretariat'] });
      assert.deepEqual(demote.json().error.details, [
        { path: 'roles', message: 'must keep admin on your own account: another administrator must remove it' },
      ]);
      assert.equal(await auditCount(t), before, 'nothing written');
      assert.equal(
        (await t.app.inject({ url: '/api/v1/session', headers: { cookie: me.cookie } })).json().actor,
        'user',
        'still signed in',
      );
      const renamed = await patchAs(me.headers, { name: 'Second Administrator', roles: ['admin', 'secretariat'] });
      assert.equal(renamed.statusCode, 200, renamed.body);
      assert.deepEqual(renamed.json().roles, ['admin', 'secretariat']);
      const byOther = await patchAs(admin, { disabled: true });
      assert.equal(byOther.statusCode, 200);
      assert.equal(
        (await t.app.inject({ url: '/api/v1/session', headers: { cookie: me.cookie } })).json().actor,
        'public',
        'disabled by another administrator: signed out',
      );
    });

    test('the audit chain verifies after all of this', async () => {
      assert.equal((await verifyAuditChain(t.db.database)).ok, true);
    });
  });
}
