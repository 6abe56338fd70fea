// `concord accounts` as an operator runs it on the server: the real command in a child process, against
// a real SQLite file and a real PostgreSQL schema. The account it creates is checked through the real
// API of an app over the same database: the printed link sets the password once, and the password
// signs in. Every refusal is one line on stderr, exit code 1, and nothing written.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeInstant } from '../../src/accounts/login-policy.ts';
import { verifyAuditChain } from '../../src/kernel/audit/audit.repository.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { loadConfig } from '../../src/kernel/config.ts';
import { buildApp } from '../../src/app.ts';
import { createLogger } from '../../src/kernel/logger.ts';
import { DEMO_NOW } from '../support/app.ts';
import { createTestDatabase, DIALECTS, freshDatabaseConfig, type TestDatabase } from '../support/databases.ts';
import { runConcord, type CommandResult } from '../support/process.ts';

const PASSWORD = 'a long phrase chosen at the console';
const PUBLIC_URL = 'https://concord.example.org';
const json = { 'content-type': 'application/json' };

/** The one-time link printed by the command: its URL and the expiry as printed. */
function printedLink(result: CommandResult): { url: URL; token: string; expires: string } {
  const url = /^ {2}(https?:\/\/\S+)$/m.exec(result.stdout)?.[1];
  const expires = /It works once, until (.+?)\. /.exec(result.stdout)?.[1];
  assert.ok(url && expires, `a link and its expiry in:\n${result.stdout}`);
  const parsed = new URL(url);
  return { url: parsed, token: parsed.searchParams.get('token')!, expires };
}

/** A refusal: exit code 1, nothing on stdout, exactly one line on stderr (returned). */
function refusedWithOneLine(result: CommandResult): string {
  assert.equal(result.code, 1, `exit code 1; stderr: ${result.stderr}`);
  assert.equal(result.stdout, '');
  const lines = result.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line on stderr:\n${result.stderr}`);
  assert.match(lines[0]!, /^concord: /);
  return lines[0]!;
}

for (const dialect of DIALECTS) {
  describe(`concord accounts on ${dialect}`, () => {
    let t: TestDatabase;
    let app: FastifyInstance;
    let env: Record<string, string>;
    const accounts = (...args: string[]) => runConcord(['accounts', ...args], env, 60_000);
    const count = async (table: 'users' | 'audit_events' | 'password_setup_tokens') =>
      Number(
        (
          await t.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const setPassword = (token: string, password = PASSWORD) =>
      app.inject({ method: 'POST', url: '/api/v1/password-setup', headers: json, payload: { token, password } });
    const signIn = (email: string, password = PASSWORD) =>
      app.inject({ method: 'POST', url: '/api/v1/session', headers: json, payload: { email, password } });

    before(async () => {
      // The demo gives the members a delegate needs; its accounts show in the list beside the new ones.
      t = await createTestDatabase(dialect);
      await loadDemo(t.database, DEMO_NOW);
      env = { ...t.env, PUBLIC_URL };
      const config = { ...loadConfig({ LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT: '10000' }), database: t.config };
      app = await buildApp({ config, database: t.database, logger: createLogger(config), now: () => new Date() });
      await app.ready();
    });
    after(async () => {
      await app?.close();
      await t?.dropAll();
    });

    test('create makes an administrator and prints a one-time link valid 72 hours that sets the password once; the password then signs in', async () => {
      const started = Date.now();
      const result = await accounts(
        'create',
        '--email',
        'Ann.Admin@Example.org',
        '--name',
        'Ann Admin',
        '--role',
        'admin',
      );
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stderr, '', 'PUBLIC_URL is set: no note');
      assert.match(
        result.stdout,
        /^Created the account of Ann Admin <ann\.admin@example\.org>: admin; clearance RESTRICTED\.$/m,
      );
      const link = printedLink(result);
      assert.equal(link.url.origin + link.url.pathname, `${PUBLIC_URL}/set-password`);

      const user = await t.database.db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', 'ann.admin@example.org')
        .executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(user.roles), ['admin']);
      assert.equal(user.password_hash, null, 'no password until the link is used');
      const stored = await t.database.db
        .selectFrom('password_setup_tokens')
        .selectAll()
        .where('user_id', '=', user.id)
        .executeTakeFirstOrThrow();
      assert.equal(link.expires, describeInstant(new Date(stored.expires_at)), 'the printed expiry is the stored one');
      const hours = (Date.parse(stored.expires_at) - started) / 3_600_000;
      assert.ok(hours > 71.9 && hours <= 72.1, `valid 72 hours (${hours})`);
      assert.equal(JSON.stringify(stored).includes(link.token), false, 'only the hash of the token is stored');

      // The audit trail names the command line as the actor, and holds no token.
      const event = await t.database.db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'account.created')
        .where('object_id', '=', user.id)
        .executeTakeFirstOrThrow();
      assert.equal(event.actor, 'system:cli');
      assert.equal(event.summary.includes(link.token), false);

      assert.equal((await signIn('ann.admin@example.org')).statusCode, 401, 'no password yet');
      assert.equal((await setPassword(link.token)).statusCode, 204);
      assert.equal(
        (await setPassword(link.token, 'another long phrase here')).json().error.code,
        'SETUP_LINK_INVALID',
        'the link works once',
      );
      const session = await signIn('ann.admin@example.org');
      assert.equal(session.statusCode, 200, session.body);
      assert.deepEqual(session.json().user.roles, ['admin']);
      assert.equal(session.json().abilities.manageAccounts, true, 'the new administrator may manage accounts');
    });

    test('create makes a head of delegation for a member (member code in any case), with the clearance given', async () => {
      const result = await accounts(
        'create',
        '--email',
        'delegate.ru@example.org',
        '--name',
        'Delegate of Russia',
        '--role',
        'delegate',
        '--member',
        'rus',
        '--head-of-delegation',
        '--clearance',
        'confidential',
      );
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /: delegate for RUS \(head of delegation\); clearance CONFIDENTIAL\.$/m);
      assert.equal((await setPassword(printedLink(result).token)).statusCode, 204);
      const session = (await signIn('delegate.ru@example.org')).json();
      assert.deepEqual(
        {
          roles: session.user.roles,
          member: session.user.member,
          head: session.user.headOfDelegation,
          clearance: session.user.clearance,
        },
        { roles: ['delegate'], member: 'RUS', head: true, clearance: 'CONFIDENTIAL' },
      );
      assert.equal(session.abilities.viewAccounts, false, 'a delegate does not see the accounts');
    });

    test('a duplicate email, an unknown member, a bad role, mixed roles and missing options are refused with one line each, and nothing is written', async () => {
      const before = {
        users: await count('users'),
        events: await count('audit_events'),
        links: await count('password_setup_tokens'),
      };
      // [flags, the line expected, run on both databases]: the refusals of the schema alone need no second database.
      const cases: [string[], RegExp, boolean][] = [
        [
          ['--email', 'HEAD.RU@demo.concord', '--name', 'Twin', '--role', 'auditor'],
          /^concord: the account was not created: --email is already used by another account\. Nothing was written\. .*concord accounts setup-link --email head\.ru@demo\.concord\.$/,
          true,
        ],
        [
          ['--email', 'x@example.org', '--name', 'X', '--role', 'delegate', '--member', 'RU'],
          /^concord: the account was not created: --member no member "RU"\. Nothing was written\. Known member codes: .*\bPOL\b.*\bRUS\b/,
          true,
        ],
        [
          ['--email', 'x@example.org', '--name', 'X', '--role', 'admin', '--role', 'king'],
          /^concord: the account was not created: --role "king" must be one of "admin", "secretariat", "chair", "delegate", "auditor"\. Correct the options and run again/,
          false,
        ],
        [
          ['--email', 'x@example.org', '--name', 'X', '--role', 'delegate', '--role', 'secretariat', '--member', 'POL'],
          /--role cannot combine delegate with another role/,
          false,
        ],
        [
          ['--email', 'x@example.org', '--name', 'X', '--role', 'delegate'],
          /--member is required for a delegate/,
          false,
        ],
        [
          ['--email', 'x@example.org', '--name', 'X', '--role', 'auditor', '--head-of-delegation'],
          /--head-of-delegation is only for delegates/,
          false,
        ],
        [
          ['--email', 'x@example.org', '--name', 'X', '--role', 'auditor', '--clearance', 'TOP'],
          /--clearance must be one of "PUBLIC", "UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET"/,
          false,
        ],
        [
          ['--email', 'not-an-email', '--name', 'X', '--role', 'auditor'],
          /--email must be an email address such as name@example\.org/,
          false,
        ],
        [
          [],
          /^concord: the account was not created: --email is required; --name is required; --role must name at least one role\. Correct the options and run again \(concord accounts create --help lists them\)\.$/,
          true,
        ],
      ];
      for (const [args, expected, onBoth] of cases) {
        if (dialect !== 'sqlite' && !onBoth) continue;
        const line = refusedWithOneLine(await accounts('create', ...args));
        assert.match(line, expected, args.join(' '));
      }
      assert.deepEqual(
        {
          users: await count('users'),
          events: await count('audit_events'),
          links: await count('password_setup_tokens'),
        },
        before,
        'nothing was written',
      );
      assert.equal(
        (await t.database.db.selectFrom('users').select('id').where('email', '=', 'x@example.org').execute()).length,
        0,
      );
    });

    test('setup-link issues a new link and the older one stops working; an unknown address is refused', async () => {
      const created = await accounts(
        'create',
        '--email',
        'forgetful@example.org',
        '--name',
        'Forgetful Officer',
        '--role',
        'secretariat',
      );
      assert.equal(created.code, 0, created.stderr);
      const first = printedLink(created);
      const renewed = await accounts('setup-link', '--email', 'FORGETFUL@example.org');
      assert.equal(renewed.code, 0, renewed.stderr);
      assert.match(
        renewed.stdout,
        /^New one-time set-password link for Forgetful Officer <forgetful@example\.org> \(any older link no longer works\):$/m,
      );
      const second = printedLink(renewed);
      assert.notEqual(second.token, first.token);
      assert.equal(
        (await setPassword(first.token)).json().error.code,
        'SETUP_LINK_INVALID',
        'the older link no longer works',
      );
      assert.equal((await setPassword(second.token)).statusCode, 204);
      assert.equal((await signIn('forgetful@example.org')).statusCode, 200);
      const issued = await t.database.db
        .selectFrom('audit_events')
        .select(['actor'])
        .where('action', '=', 'account.setup_link_issued')
        .execute();
      assert.deepEqual(
        issued.map((e) => e.actor),
        ['system:cli'],
      );

      const events = await count('audit_events');
      assert.match(
        refusedWithOneLine(await accounts('setup-link', '--email', 'nobody@example.org')),
        /^concord: no link was issued: no account has the email address nobody@example\.org\. Nothing was written\. List the accounts with concord accounts list/,
      );
      assert.match(
        refusedWithOneLine(await accounts('setup-link')),
        /^concord: no link was issued: --email is required\./,
      );
      assert.equal(await count('audit_events'), events);
    });

    test('list shows every account with roles, member, whether the password is set and whether it is disabled', async () => {
      await t.database.db
        .updateTable('users')
        .set({ disabled: 1 })
        .where('email', '=', 'head.pl@demo.concord')
        .execute();
      const pending = await accounts(
        'create',
        '--email',
        'pending@example.org',
        '--name',
        'Pending Auditor',
        '--role',
        'auditor',
      );
      assert.equal(pending.code, 0, pending.stderr);
      const result = await accounts('list');
      assert.equal(result.code, 0, result.stderr);
      const lines = result.stdout.trimEnd().split('\n');
      assert.match(lines[0]!, /^EMAIL +NAME +ROLES +MEMBER +PASSWORD SET +DISABLED$/);
      const row = (email: string) => lines.find((l) => l.startsWith(`${email} `))?.split(/ {2,}/);
      assert.deepEqual(row('pending@example.org'), [
        'pending@example.org',
        'Pending Auditor',
        'auditor',
        '-',
        'no',
        'no',
      ]);
      assert.deepEqual(row('ann.admin@example.org'), ['ann.admin@example.org', 'Ann Admin', 'admin', '-', 'yes', 'no']);
      assert.deepEqual(row('delegate.ru@example.org'), [
        'delegate.ru@example.org',
        'Delegate of Russia',
        'delegate',
        'RUS (head of delegation)',
        'yes',
        'no',
      ]);
      assert.deepEqual(row('head.pl@demo.concord'), [
        'head.pl@demo.concord',
        'Head of the Polish Delegation (demo)',
        'delegate',
        'POL (head of delegation)',
        'yes',
        'yes',
      ]);
      assert.equal(lines.length, 1 + (await count('users')), 'one row per account');
    });

    test('the audit chain verifies after all of this', async () => {
      assert.equal((await verifyAuditChain(t.database)).ok, true);
      const verify = await runConcord(['audit', 'verify'], env, 60_000);
      assert.equal(verify.code, 0, verify.stderr);
    });
  });

  test(`concord accounts on a brand-new ${dialect} database: list says how to create the first administrator; without PUBLIC_URL the link says why it is local`, async () => {
    const fresh = await freshDatabaseConfig(dialect);
    try {
      const empty = await runConcord(['accounts', 'list'], fresh.env, 60_000);
      assert.equal(empty.code, 0, empty.stderr);
      assert.equal(
        empty.stdout,
        'There are no accounts yet. Create the first administrator with: concord accounts create --email ADDRESS --name NAME --role admin\n',
      );
      const created = await runConcord(
        ['accounts', 'create', '--email', 'first@example.org', '--name', 'First Administrator', '--role', 'admin'],
        fresh.env,
        60_000,
      );
      assert.equal(created.code, 0, created.stderr);
      assert.equal(printedLink(created).url.origin, 'http://127.0.0.1:3000');
      assert.equal(
        created.stderr,
        'Note: the link starts with http://127.0.0.1:3000 because PUBLIC_URL is not set; set PUBLIC_URL to the address people use to reach Concord.\n',
      );
      // Members are unknown on an empty database: the message says where they come from.
      const delegate = await runConcord(
        ['accounts', 'create', '--email', 'd@example.org', '--name', 'D', '--role', 'delegate', '--member', 'POL'],
        fresh.env,
        60_000,
      );
      assert.match(refusedWithOneLine(delegate), /This database has no members yet: load the council first/);
    } finally {
      await fresh.cleanup();
    }
  });
}
