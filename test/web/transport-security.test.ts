// HSTS and CSP's upgrade-insecure-requests are sent only on requests that came over HTTPS (directly or
// through a trusted proxy): on plain HTTP they would send browsers to an https:// that may not exist.
// TRUST_PROXY takes a hop count or proxy addresses, never `true`, so a client cannot choose its address.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../src/kernel/config.ts';
import { auditEvents, createAccountsApp, DEMO, json } from '../accounts/helpers.ts';

const hasUpgrade = (csp: unknown) => String(csp).includes('upgrade-insecure-requests');

describe('HSTS and upgrade-insecure-requests', () => {
  test('are not sent over plain HTTP, on a real socket, nor for an untrusted X-Forwarded-Proto', async () => {
    const t = await createAccountsApp('sqlite', { demo: false });
    try {
      const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
      for (const path of ['/', '/assets/site.css', '/sign-in', '/api/v1/members']) {
        const res = await fetch(`${address}${path}`, { headers: { 'x-forwarded-proto': 'https' } });
        await res.arrayBuffer();
        assert.equal(res.headers.get('strict-transport-security'), null, path);
        assert.ok(res.headers.get('content-security-policy'), path);
        assert.equal(hasUpgrade(res.headers.get('content-security-policy')), false, path);
      }
    } finally {
      await t.close();
    }
  });

  test('are sent when a trusted proxy says the request came over https', async () => {
    const t = await createAccountsApp('sqlite', { demo: false, env: { TRUST_PROXY: '1' } });
    try {
      const https = await t.app.inject({ url: '/sign-in', headers: { 'x-forwarded-proto': 'https' } });
      assert.equal(https.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains');
      assert.ok(hasUpgrade(https.headers['content-security-policy']));
      assert.match(String(https.headers['content-security-policy']), /default-src 'self'/);
      const http = await t.app.inject({ url: '/sign-in', headers: { 'x-forwarded-proto': 'http' } });
      assert.equal(http.headers['strict-transport-security'], undefined);
      assert.equal(hasUpgrade(http.headers['content-security-policy']), false);
    } finally {
      await t.close();
    }
  });
});

describe('TRUST_PROXY', () => {
  test('true is refused with what to give instead; hop counts and addresses are accepted', () => {
    assert.throws(
      () => loadConfig({ TRUST_PROXY: 'true' }),
      (error: unknown) =>
        error instanceof ConfigError &&
        /TRUST_PROXY must not be true, which would believe X-Forwarded-For from any client: give the number of proxies in front of Concord \(e\.g\. 1\) or their addresses/.test(
          error.message,
        ),
    );
    assert.equal(loadConfig({ TRUST_PROXY: '2' }).trustProxy, 2);
    assert.equal(loadConfig({ TRUST_PROXY: '10.0.0.2, 10.0.0.3' }).trustProxy, '10.0.0.2, 10.0.0.3');
    assert.equal(loadConfig({ TRUST_PROXY: 'false' }).trustProxy, false);
    assert.equal(loadConfig({}).trustProxy, false);
  });

  test('X-Forwarded-For is believed from a trusted proxy address only, and only as many hops as configured', async () => {
    const signInFrom = async (env: Record<string, string>, forwarded: string) => {
      const t = await createAccountsApp('sqlite', { env });
      try {
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/session',
          headers: { ...json, 'x-forwarded-for': forwarded },
          payload: { email: DEMO.chair, password: 'wrong-password' },
        });
        const [event] = await auditEvents(t, 'session.sign_in_failed');
        return event!.summary.ip;
      } finally {
        await t.close();
      }
    };
    // inject() comes from 127.0.0.1.
    assert.equal(await signInFrom({}, '203.0.113.9'), '127.0.0.1');
    assert.equal(await signInFrom({ TRUST_PROXY: '10.0.0.2' }, '203.0.113.9'), '127.0.0.1');
    assert.equal(await signInFrom({ TRUST_PROXY: '127.0.0.1' }, '203.0.113.9'), '203.0.113.9');
    // One hop: the address the proxy saw, not what the client wrote before it.
    assert.equal(await signInFrom({ TRUST_PROXY: '1' }, '198.51.100.7, 203.0.113.9'), '203.0.113.9');
  });
});
