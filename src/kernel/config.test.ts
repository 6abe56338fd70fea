import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, describeDatabase, loadConfig } from './config.ts';

describe('loadConfig', () => {
  test('defaults to an embedded SQLite file under ./data on 127.0.0.1:3000', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.database.dialect, 'sqlite');
    assert.match(config.database.dialect === 'sqlite' ? config.database.file : '', /data\/concord\.db$/);
    assert.equal(config.adminToken, null);
    assert.equal(config.publicUrl, 'http://127.0.0.1:3000');
  });

  test('refuses PORT=abc with one line naming the variable and the value', () => {
    assert.throws(
      () => loadConfig({ PORT: 'abc' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(
          error.message,
          /^Invalid configuration: PORT must be a whole number between 0 and 65535 \(got "abc"\)\.$/,
        );
        return true;
      },
    );
  });

  test('names every bad variable at once', () => {
    assert.throws(
      () => loadConfig({ PORT: '70000', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /PORT/);
        assert.match(error.message, /LOG_LEVEL must be one of fatal, error/);
        assert.match(error.message, /DATABASE_URL must start with postgres:\/\/ or sqlite:/);
        assert.equal(error.message.includes('\n'), false);
        return true;
      },
    );
  });

  test('selects PostgreSQL for postgres:// URLs and never prints the password', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://app:s3cret@db.internal:5432/concord',
      DATABASE_SCHEMA: 'council',
    });
    assert.deepEqual(config.database, {
      dialect: 'postgres',
      url: 'postgres://app:s3cret@db.internal:5432/concord',
      schema: 'council',
      timeoutMs: 5000,
    });
    const description = describeDatabase(config.database);
    assert.equal(description.includes('s3cret'), false);
    assert.match(description, /PostgreSQL postgres:\/\/app:\*\*\*@db\.internal:5432\/concord \(schema council\)/);
  });

  test('refuses a short ADMIN_TOKEN and treats empty values as unset', () => {
    assert.throws(() => loadConfig({ ADMIN_TOKEN: 'short' }), /ADMIN_TOKEN must be at least 24 characters/);
    assert.equal(loadConfig({ PORT: '' }).port, 3000);
  });
});

describe('log redaction', () => {
  test('personal feed tokens and set-password tokens never reach the logs', async () => {
    const { redactUrl } = await import('./logger.ts');
    assert.equal(redactUrl('/calendar/feeds/abcDEF123_-x.ics'), '/calendar/feeds/[redacted].ics');
    assert.equal(redactUrl('/set-password?token=s3cret&x=1'), '/set-password?token=[redacted]&x=1');
    assert.equal(redactUrl('/api/v1/members'), '/api/v1/members');
  });
});

test('a bad secret or URL setting is named without printing its secret', () => {
  assert.throws(
    () =>
      loadConfig({
        SMTP_URL: 'smtp://mailer:s3cr3t-pass@mail.example.org:587',
        MAIL_FROM: 'not an address',
        PORT: 'x',
      }),
    (error: Error) => !error.message.includes('s3cr3t-pass'),
  );
  assert.throws(
    () => loadConfig({ SMTP_URL: 'http://mailer:s3cr3t-pass@mail.example.org', MAIL_FROM: 'concord@example.org' }),
    (error: Error) =>
      /SMTP_URL/.test(error.message) &&
      /mailer:\*\*\*@mail\.example\.org/.test(error.message) &&
      !error.message.includes('s3cr3t-pass'),
  );
  assert.throws(
    () => loadConfig({ ADMIN_TOKEN: 'short-secret' }),
    (error: Error) =>
      /ADMIN_TOKEN/.test(error.message) &&
      /12 characters, not shown/.test(error.message) &&
      !error.message.includes('short-secret'),
  );
});

test('DATABASE_TIMEOUT_SECONDS bounds each wait on the database: 5 s by default, 1 to 600', () => {
  assert.equal(loadConfig({}).database.timeoutMs, 5000);
  assert.equal(loadConfig({ DATABASE_TIMEOUT_SECONDS: '2' }).database.timeoutMs, 2000);
  assert.equal(
    loadConfig({ DATABASE_URL: 'postgres://u@h/db', DATABASE_TIMEOUT_SECONDS: '9' }).database.timeoutMs,
    9000,
  );
  assert.throws(
    () => loadConfig({ DATABASE_TIMEOUT_SECONDS: '0' }),
    /DATABASE_TIMEOUT_SECONDS must be a whole number of seconds between 1 and 600/,
  );
});
