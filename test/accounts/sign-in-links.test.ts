// Malformed links to the sign-in and set-password pages, and names that look like replacement patterns:
// none of them may answer 500 or corrupt a page. A repeated, over-long or unusable `next` leads to the
// workspace; a repeated or over-long token to the page saying the link is not valid.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../support/databases.ts';
import { createAccountsApp, DEMO, DEMO_PASSWORD, setCookie, signIn, type AccountsApp } from './helpers.ts';
import { safeNext } from '../../src/accounts/accounts.web.ts';

const form = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
const hidden = (page: string, name: string) =>
  new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`).exec(page)?.[1] ?? '';

test('safeNext keeps local paths, percent-encodes what a header cannot carry, and refuses the rest', () => {
  assert.equal(safeNext('/council?x=1#top'), '/council?x=1#top');
  assert.equal(safeNext('/record/café'), '/record/caf%C3%A9');
  assert.equal(safeNext('/texts/Ω'), '/texts/%CE%A9');
  for (const bad of [
    '',
    'council',
    '//evil.example',
    '/\\evil.example',
    '/a\\b',
    '/a b',
    '/a\u0000b',
    '/a\nb',
    '/a\u0085b',
    '/a\ud800',
    'https://evil.example/',
  ])
    assert.equal(safeNext(bad), '/app/', JSON.stringify(bad));
});

for (const dialect of DIALECTS) {
  describe(`malformed sign-in links on ${dialect}`, () => {
    let t: AccountsApp;
    before(async () => {
      t = await createAccountsApp(dialect);
    });
    after(async () => t?.close());

    const get = (url: string, cookie = '') =>
      t.app.inject({ url, headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) } });

    test('GET /sign-in with a repeated or over-long next shows the form leading to the workspace', async () => {
      for (const query of ['?next=/council&next=/texts', `?next=/${'a'.repeat(600)}`, '?notice=x&notice=y']) {
        const res = await get(`/sign-in${query}`);
        assert.equal(res.statusCode, 200, `${query.slice(0, 40)}: ${res.body.slice(0, 200)}`);
        assert.equal(hidden(res.body, 'next'), '/app/');
      }
    });

    test('a workspace page with a very long URL links to a sign-in page that works', async () => {
      const long = `/app/texts?q=${'x'.repeat(800)}`;
      const page = await get(long);
      const link = /<a href="(\/sign-in[^"]*)">Sign in<\/a>/.exec(page.body)?.[1];
      if (link) {
        const res = await get(link.replaceAll('&amp;', '&'));
        assert.equal(res.statusCode, 200);
      }
      const res = await get(`/sign-in?next=${encodeURIComponent(long)}`);
      assert.equal(res.statusCode, 200);
      assert.equal(hidden(res.body, 'next'), '/app/');
    });

    test('a signed-in GET /sign-in with any next redirects somewhere safe', async () => {
      const { cookie } = await signIn(t.app, DEMO.chair);
      const cases: [string, string][] = [
        ['/council%07x', '/app/'],
        ['/council%0d%0aSet-Cookie:%20x=1', '/app/'],
        ['/texts/%E2%84%A6', '/texts/%E2%84%A6'],
        ['/caf%C3%A9', '/caf%C3%A9'],
      ];
      for (const [next, location] of cases) {
        const res = await get(`/sign-in?next=${next}`, cookie);
        assert.equal(res.statusCode, 303, `${next}: ${res.body.slice(0, 200)}`);
        assert.equal(res.headers.location, location, next);
      }
      const repeated = await get('/sign-in?next=/council&next=/texts', cookie);
      assert.equal(repeated.statusCode, 303);
      assert.equal(repeated.headers.location, '/app/');
    });

    test('POST /sign-in with a next holding a control character or a character above U+00FF signs in and redirects safely (a NUL is refused: test/api/nul-characters.test.ts)', async () => {
      const cases: [string, string][] = [
        ['/council\u001f', '/app/'],
        ['/council\u0007', '/app/'],
        ['/texts/\u2126', '/texts/%E2%84%A6'],
        ['/record/\u00e9', '/record/%C3%A9'],
        [`/${'a'.repeat(600)}`, '/app/'],
      ];
      for (const [next, location] of cases) {
        const open = await get('/sign-in');
        const csrf = hidden(open.body, 'csrf');
        const res = await t.app.inject({
          method: 'POST',
          url: '/sign-in',
          headers: { ...form, cookie: `concord_form_csrf=${setCookie(open, 'concord_form_csrf')!.value}` },
          payload: new URLSearchParams({ email: DEMO.chair, password: DEMO_PASSWORD, next, csrf }).toString(),
        });
        assert.equal(res.statusCode, 303, `${JSON.stringify(next.slice(0, 20))}: ${res.body.slice(0, 200)}`);
        assert.equal(res.headers.location, location);
        assert.ok(setCookie(res, 'concord_session'));
      }
    });

    test('GET /set-password with a repeated or over-long token says the link is not valid (400), never 500', async () => {
      for (const query of ['?token=abc&token=def', `?token=${'a'.repeat(5000)}`, '?token=%07']) {
        const res = await get(`/set-password${query}`);
        assert.equal(res.statusCode, 400, `${query.slice(0, 30)}: ${res.body.slice(0, 200)}`);
        assert.match(res.body, /This set-password link is not valid/);
      }
    });

    test('a display name holding $& or $` is shown as written and leaves the page whole', async () => {
      const name = "Chair $& of $` the $' council $$";
      await t.db.database.db.updateTable('users').set({ name }).where('email', '=', DEMO.chair).execute();
      const { cookie } = await signIn(t.app, DEMO.chair);
      const res = await get('/', cookie);
      assert.equal(res.statusCode, 200);
      assert.ok(
        res.body.includes(`<strong>Chair $&amp; of $\` the $&#39; council $$</strong>`),
        res.body.slice(0, 3000),
      );
      assert.ok(!res.body.includes('<!--concord:account-->'));
      assert.equal(res.body.match(/<!doctype html>/gi)?.length, 1);
    });
  });
}
