// `concord serve` as a user runs it: a real process, a real port, real databases.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { freshDatabaseConfig } from '../support/databases.ts';
import { runConcord, startConcord } from '../support/process.ts';

const TOKEN = 'serve-test-token-0123456789abcdef';

function tempDataDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'concord-serve-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

describe('concord serve', () => {
  // How fast it starts is not asserted here (a busy 2-core machine would make that a coin toss, and speed
  // belongs in `npm run bench`); the time is reported as a diagnostic line of the run.
  test('on a brand-new embedded database it loads the demo, says so, and serves / and the API', async (t) => {
    const data = tempDataDir();
    const server = await startConcord({ DATA_DIR: data.dir });
    try {
      t.diagnostic(`started with the demo loaded in ${server.startedInMs} ms`);
      assert.match(server.output(), /brand-new database: loaded the demo council/);
      const home = await fetch(server.url, { headers: { accept: 'text/html' } });
      assert.equal(home.status, 200);
      assert.match(home.headers.get('content-type') ?? '', /text\/html/);
      const page = await home.text();
      assert.match(page, /NATO-Russia Council/);
      for (const name of ['Belgium', 'Czech Republic', 'Russia', 'United States', 'Poland', 'Iceland'])
        assert.match(page, new RegExp(`>${name}<`));
      const members = await (await fetch(new URL('/api/v1/members', server.url))).json();
      assert.equal(members.items.length, 20);
    } finally {
      assert.equal(await server.stop('SIGTERM'), 0, 'graceful shutdown exits 0');
      data.cleanup();
    }
  });

  test('--no-demo starts empty and the home page says how to load the demo', async () => {
    const data = tempDataDir();
    const server = await startConcord({ DATA_DIR: data.dir }, ['--no-demo']);
    try {
      const members = await (await fetch(new URL('/api/v1/members', server.url))).json();
      assert.deepEqual(members.items, []);
      assert.match(await (await fetch(server.url)).text(), /concord demo/);
    } finally {
      await server.stop();
      data.cleanup();
    }
  });

  test('data survives a restart, and the demo is not loaded again', async () => {
    const data = tempDataDir();
    const env = { DATA_DIR: data.dir, ADMIN_TOKEN: TOKEN };
    const first = await startConcord(env);
    const created = await fetch(new URL('/api/v1/topics', first.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ code: 'airspace-management', name: 'Airspace management', position: 10 }),
    });
    assert.equal(created.status, 201);
    await first.stop();
    const second = await startConcord(env);
    try {
      assert.doesNotMatch(second.output(), /loaded the demo council/);
      const topic = await fetch(new URL('/api/v1/topics/airspace-management', second.url));
      assert.equal(topic.status, 200);
      assert.equal((await topic.json()).name, 'Airspace management');
    } finally {
      await second.stop();
      data.cleanup();
    }
  });

  test('a SIGKILL in the middle of writes leaves a consistent database and a valid audit chain', async () => {
    const data = tempDataDir();
    const env = { DATA_DIR: data.dir, ADMIN_TOKEN: TOKEN };
    const server = await startConcord(env);
    let acknowledged = 0;
    const writer = (async () => {
      for (let i = 0; i < 2000; i++) {
        try {
          const res = await fetch(new URL('/api/v1/persons', server.url), {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
            body: JSON.stringify({ name: `Delegate ${i}`, functions: [{ title: 'Delegate', member: 'POL' }] }),
          });
          if (res.status === 201) acknowledged += 1;
        } catch {
          return; // the server is gone
        }
      }
    })();
    await new Promise((r) => setTimeout(r, 700));
    await server.stop('SIGKILL');
    await writer;
    assert.ok(acknowledged > 0, 'some writes were acknowledged before the kill');

    const verify = await runConcord(['audit', 'verify'], env);
    assert.equal(verify.code, 0, verify.stderr);
    const db = new SQLite(join(data.dir, 'concord.db'), { readonly: true });
    try {
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
      const persons = (
        db.prepare("select count(*) as n from persons where name like 'Delegate %'").get() as { n: number }
      ).n;
      const events = (
        db.prepare("select count(*) as n from audit_events where action = 'person.created'").get() as { n: number }
      ).n;
      const functions = (
        db.prepare("select count(*) as n from person_functions where title = 'Delegate'").get() as { n: number }
      ).n;
      // Every acknowledged write is durable, and every stored person has its function and its audit event.
      assert.ok(persons >= acknowledged, `${persons} stored < ${acknowledged} acknowledged`);
      assert.equal(events, persons + 5, 'one audit event per person (the demo has 5 persons)');
      assert.equal(functions, persons);
    } finally {
      db.close();
      data.cleanup();
    }
  });

  test('secrets in URLs (personal calendar feeds, set-password links) never reach the logs', async () => {
    const data = tempDataDir();
    const server = await startConcord({ DATA_DIR: data.dir, LOG_FORMAT: 'json' });
    try {
      await fetch(new URL('/calendar/feeds/FEEDSECRET0123456789.ics', server.url));
      await fetch(new URL('/set-password?token=SETUPSECRET0123456789', server.url));
    } finally {
      await server.stop();
      data.cleanup();
    }
    assert.match(server.output(), /"url":"\/calendar\/feeds\/\[redacted\]\.ics"/);
    assert.equal(server.output().includes('FEEDSECRET'), false);
    assert.equal(server.output().includes('SETUPSECRET'), false);
  });

  test('PORT=abc is refused at start with one clear line', async () => {
    const result = await runConcord(['serve'], { PORT: 'abc', DATA_DIR: tmpdir() });
    assert.equal(result.code, 1);
    assert.equal(
      result.stderr.trim(),
      'concord: Invalid configuration: PORT must be a whole number between 0 and 65535 (got "abc").',
    );
  });

  test('an unreachable DATABASE_URL exits non-zero with one line naming the problem', async () => {
    const result = await runConcord(['serve'], { DATABASE_URL: 'postgres://root@127.0.0.1:1/test' });
    assert.equal(result.code, 1);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    assert.match(
      lines[0]!,
      /^concord: Cannot connect to PostgreSQL postgres:\/\/root@127\.0\.0\.1:1\/test \(schema public\): ECONNREFUSED\. Check DATABASE_URL/,
    );
  });

  test('with DATABASE_URL=postgres://… it serves the same demo from PostgreSQL', async () => {
    const pg = await freshDatabaseConfig('postgres');
    const server = await startConcord(pg.env);
    try {
      assert.match(server.output(), /PostgreSQL postgres:\/\/root@127\.0\.0\.1:5432\/test/);
      const members = await (await fetch(new URL('/api/v1/members', server.url))).json();
      assert.equal(members.items.length, 20);
      assert.match(await (await fetch(server.url)).text(), /NATO-Russia Council/);
    } finally {
      await server.stop();
      await pg.cleanup();
    }
  });

  test('--help lists serve, demo, migrate and audit verify', async () => {
    const result = await runConcord(['--help'], {});
    assert.equal(result.code, 0);
    for (const command of ['serve', 'demo', 'migrate', 'audit'])
      assert.match(result.stdout, new RegExp(`\\b${command}\\b`));
    const verifyHelp = await runConcord(['audit', 'verify', '--help'], {});
    assert.match(verifyHelp.stdout, /hash chain/);
  });
});
