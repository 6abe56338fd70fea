// The sign-in, sign-out and set-password pages through HTTP on both databases, as a browser without
// JavaScript uses them: forms, the signed double-submit token, redirects, and the masthead.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { DIALECTS } from '../support/databases.ts';
import {
  admin,
  auditCount,
  createAccountsApp,
  DEMO,
  DEMO_PASSWORD,
  json,
  setCookie,
  type AccountsApp,
} from './helpers.ts';

const form = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
const encode = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const hidden = (page: string, name: string) =>
  new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`).exec(page)?.[1] ?? '';

for (const dialect of DIALECTS) {
  describe(`sign-in pages on ${dialect}`, () => {
    let t: AccountsApp;
    before(async () => {
      t = await createAccountsApp(dialect);
    });
    after(async () => t?.close());

    /** Opens /sign-in like a browser: the form token is both in the page and in a cookie. */
    const openSignIn = async (query = '') => {
      const res = await t.app.inject({ url: `/sign-in${query}`, headers: { accept: 'text/html' } });
      const cookie = setCookie(res, 'concord_form_csrf')!;
      return { res, csrf: hidden(res.body, 'csrf'), cookie: `concord_form_csrf=${cookie.value}`, cookieFlags: cookie };
    };
    const post = (url: string, fields: Record<string, string>, cookie: string) =>
      t.app.inject({ method: 'POST', url, headers: { ...form, cookie }, payload: encode(fields) });
    const sessionCookie = (res: LightMyRequestResponse) =>
      `concord_session=${setCookie(res, 'concord_session')!.value}`;

    test('GET /sign-in is a labelled form with a signed token in a hidden field and an HttpOnly cookie; the demo accounts are listed', async () => {
      const { res, csrf, cookieFlags } = await openSignIn('?next=/council');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<label for="email">Email address<\/label>/);
      assert.match(
        res.body,
        /<input id="password" name="password" type="password" autocomplete="current-password" required>/,
      );
      assert.equal(csrf, cookieFlags.value);
      assert.match(csrf, /^[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43}$/);
      assert.equal(cookieFlags.httpOnly, true);
      assert.equal(hidden(res.body, 'next'), '/council');
      assert.match(res.body, /head\.ru@demo\.concord/);
      assert.match(res.body, /<code>concord-demo-2002<\/code>/);
    });

    test('a form post without the matching signed token is refused with 403, and no session is opened', async () => {
      const { csrf, cookie } = await openSignIn();
      const noCookie = await post('/sign-in', { email: DEMO.chair, password: DEMO_PASSWORD, csrf }, '');
      assert.equal(noCookie.statusCode, 403);
      assert.match(noCookie.body, /the form had expired or was not sent from this site/);
      const forged = 'a'.repeat(43) + '.' + 'b'.repeat(43);
      const unsigned = await post(
        '/sign-in',
        { email: DEMO.chair, password: DEMO_PASSWORD, csrf: forged },
        `concord_form_csrf=${forged}`,
      );
      assert.equal(unsigned.statusCode, 403);
      const mismatch = await post(
        '/sign-in',
        { email: DEMO.chair, password: DEMO_PASSWORD, csrf: csrf.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) },
        cookie,
      );
      assert.equal(mismatch.statusCode, 403);
      for (const res of [noCookie, unsigned, mismatch]) assert.equal(setCookie(res, 'concord_session'), undefined);
      const crossSite = await t.app.inject({
        method: 'POST',
        url: '/sign-in',
        headers: { ...form, cookie, origin: 'https://evil.example' },
        payload: encode({ email: DEMO.chair, password: DEMO_PASSWORD, csrf }),
      });
      assert.equal(crossSite.statusCode, 403);
    });

    test('a wrong password shows the form again with the message, the email kept, and "Error:" in the title', async () => {
      const { csrf, cookie } = await openSignIn();
      const res = await post('/sign-in', { email: DEMO.chair, password: 'not the password', csrf }, cookie);
      assert.equal(res.statusCode, 401);
      assert.match(res.body, /<title>Error: Sign in<\/title>/);
      assert.match(
        res.body,
        /<div class="alert" role="alert" id="problem"><h2>There is a problem<\/h2><p>The email address or password is not correct\. Check both and try again\.<\/p><\/div>/,
      );
      assert.match(res.body, /value="chair@demo\.concord"/);
      const empty = await post('/sign-in', { email: DEMO.chair, password: '', csrf }, cookie);
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /aria-describedby="problem" aria-invalid="true"/);
    });

    test('signing in redirects to the page asked for, and every page then says who is signed in; signing out needs the form token', async () => {
      const { csrf, cookie } = await openSignIn('?next=/council');
      const res = await post(
        '/sign-in',
        { email: DEMO.headPl, password: DEMO_PASSWORD, csrf, next: '/council' },
        cookie,
      );
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/council');
      const session = sessionCookie(res);
      const page = await t.app.inject({ url: '/', headers: { cookie: session, accept: 'text/html' } });
      assert.match(page.body, /Signed in as <strong>Head of the Polish Delegation \(demo\)<\/strong>/);
      assert.equal(page.headers['cache-control'], 'private, no-store');
      const token = hidden(page.body, 'csrf');
      assert.equal(
        token,
        (await t.app.inject({ url: '/api/v1/session', headers: { cookie: session } })).json().csrfToken,
      );
      assert.equal(
        (await t.app.inject({ url: '/sign-in', headers: { cookie: session } })).statusCode,
        303,
        'already signed in',
      );

      const refused = await post('/sign-out', {}, session);
      assert.equal(refused.statusCode, 403);
      assert.equal((await t.app.inject({ url: '/api/v1/session', headers: { cookie: session } })).json().actor, 'user');
      const before = await auditCount(t, 'session.signed_out');
      const out = await post('/sign-out', { csrf: token }, session);
      assert.equal(out.statusCode, 303);
      assert.equal(out.headers.location, '/sign-in?notice=signed-out');
      assert.equal(
        (await t.app.inject({ url: '/api/v1/session', headers: { cookie: session } })).json().actor,
        'public',
      );
      assert.equal(await auditCount(t, 'session.signed_out'), before + 1);
      assert.match(
        (await openSignIn('?notice=signed-out')).res.body,
        /<div class="notice" role="status"><p>You have signed out\.<\/p><\/div>/,
      );
    });

    test('"next" only leads to a page of this site', async () => {
      const { csrf, cookie } = await openSignIn();
      for (const next of ['//evil.example/x', 'https://evil.example', '/\\evil.example']) {
        const res = await post('/sign-in', { email: DEMO.auditor, password: DEMO_PASSWORD, csrf, next }, cookie);
        assert.equal(res.headers.location, '/app/', next);
      }
    });

    test('after five wrong passwords the form asks this client to wait, then takes the right password', async () => {
      const { csrf, cookie } = await openSignIn();
      for (let i = 0; i < 5; i += 1) {
        const res = await post('/sign-in', { email: DEMO.secretariat, password: `wrong ${i} wrong`, csrf }, cookie);
        assert.equal(res.statusCode, 401, `attempt ${i + 1}`);
      }
      const waiting = await post('/sign-in', { email: DEMO.secretariat, password: DEMO_PASSWORD, csrf }, cookie);
      assert.equal(waiting.statusCode, 429);
      assert.equal(waiting.headers['retry-after'], '1');
      assert.match(
        waiting.body,
        /Too many failed sign-ins to this email address from your device\. Wait 1 second and try again; sign-in from other devices is not held back\./,
      );
      t.clock.advanceMinutes(1);
      assert.equal(
        (await post('/sign-in', { email: DEMO.secretariat, password: DEMO_PASSWORD, csrf }, cookie)).statusCode,
        303,
      );
      t.clock.set('2026-01-01T09:00:00Z');
    });

    test('the set-password page: an unusable link says so; the form checks length and the repeat, then sets it once', async () => {
      const bad = await t.app.inject({ url: '/set-password?token=nope', headers: { accept: 'text/html' } });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /This set-password link is not valid/);
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: { ...json, ...admin },
        payload: { email: 'page@example.org', name: 'Page User', roles: ['auditor'] },
      });
      const path = new URL(created.json().setupUrl).pathname + new URL(created.json().setupUrl).search;
      const open = await t.app.inject({ url: path, headers: { accept: 'text/html' } });
      assert.equal(open.statusCode, 200);
      assert.match(open.body, /For Page User \(page@example\.org\)/);
      const cookie = `concord_form_csrf=${setCookie(open, 'concord_form_csrf')!.value}`;
      const fields = { token: hidden(open.body, 'token'), csrf: hidden(open.body, 'csrf') };
      const short = await post('/set-password', { ...fields, password: 'short', confirm: 'short' }, cookie);
      assert.equal(short.statusCode, 400);
      assert.match(short.body, /The new password must be at least 12 characters long/);
      assert.match(
        short.body,
        /<input id="password" name="password" type="password" autocomplete="new-password" required aria-describedby="password-hint problem" aria-invalid="true">/,
      );
      const differ = await post(
        '/set-password',
        { ...fields, password: 'a long and good phrase', confirm: 'a long and good phrasE' },
        cookie,
      );
      assert.equal(differ.statusCode, 400);
      assert.match(differ.body, /The two passwords are not the same/);
      const done = await post(
        '/set-password',
        { ...fields, password: 'a long and good phrase', confirm: 'a long and good phrase' },
        cookie,
      );
      assert.equal(done.statusCode, 303);
      assert.equal(done.headers.location, '/sign-in?notice=password-set');
      assert.equal(
        (
          await post(
            '/set-password',
            { ...fields, password: 'a long and good phrase', confirm: 'a long and good phrase' },
            cookie,
          )
        ).statusCode,
        400,
        'once only',
      );
      assert.equal(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/v1/session',
            headers: json,
            payload: { email: 'page@example.org', password: 'a long and good phrase' },
          })
        ).statusCode,
        200,
      );
    });
  });
}
