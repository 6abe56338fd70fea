// SMTP_URL and MAIL_FROM: both or neither, each checked, and the password never shown in logs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../src/kernel/config.ts';
import { describeSmtp } from '../../src/notifications/mailer.ts';

test('without SMTP_URL and MAIL_FROM notifications are in-app only', () => {
  assert.equal(loadConfig({}).mail, null);
});

test('with both, mail is configured', () => {
  const config = loadConfig({
    SMTP_URL: 'smtp://concord:s3cret@mail.example.org:587',
    MAIL_FROM: 'Concord <concord@example.org>',
  });
  assert.deepEqual(config.mail, {
    smtpUrl: 'smtp://concord:s3cret@mail.example.org:587',
    from: 'Concord <concord@example.org>',
  });
});

test('one without the other, or a malformed one, stops the start with a line naming it', () => {
  assert.throws(
    () => loadConfig({ SMTP_URL: 'smtp://mail.example.org' }),
    (e: unknown) => e instanceof ConfigError && /MAIL_FROM is not/.test(e.message),
  );
  assert.throws(
    () => loadConfig({ MAIL_FROM: 'concord@example.org' }),
    (e: unknown) => e instanceof ConfigError && /SMTP_URL is not/.test(e.message),
  );
  assert.throws(
    () => loadConfig({ SMTP_URL: 'mail.example.org:25', MAIL_FROM: 'concord@example.org' }),
    /SMTP_URL must be an SMTP URL/,
  );
  assert.throws(
    () => loadConfig({ SMTP_URL: 'smtp://mail.example.org', MAIL_FROM: 'concord' }),
    /MAIL_FROM must be an address/,
  );
});

test('the SMTP URL is described without its password', () => {
  assert.equal(describeSmtp('smtp://concord:s3cret@mail.example.org:587'), 'smtp://concord:***@mail.example.org:587');
});
