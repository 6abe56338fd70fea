// A NUL character (U+0000) in any string a request carries is refused with 400 VALIDATION_FAILED before
// a route's schema or handler runs, on both databases (PostgreSQL cannot store it and answered 500).
// One check for every route (src/http/input-guard.ts): several kinds of route are tried here, JSON and
// form posts, path parameters and queries.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { DIALECTS } from '../support/databases.ts';
import { createTextsApp, DEMO, json, signIn, type Client, type TextsApp } from '../texts/support.ts';
import { auth } from '../support/app.ts';
import { setCookie } from '../accounts/helpers.ts';
import { nulPaths } from '../../src/http/input-guard.ts';

const NUL = '\u0000';

function assertRefused(res: LightMyRequestResponse, path: string) {
  assert.equal(res.statusCode, 400, res.body.slice(0, 300));
  const error = res.json().error;
  assert.equal(error.code, 'VALIDATION_FAILED');
  assert.deepEqual(error.details, [{ path, message: 'must not contain the NUL character (U+0000); remove it' }]);
  assert.match(error.message, /NUL character/);
}

test('nulPaths names nested fields and list items, and survives deep nesting', () => {
  assert.deepEqual(nulPaths({ a: 'x', b: [{ c: 'y' }, { c: `z${NUL}` }], d: { e: NUL } }, 'body'), ['b[1].c', 'd.e']);
  assert.deepEqual(nulPaths(`a${NUL}`, 'body'), ['body']);
  assert.deepEqual(nulPaths(['ok', NUL], 'body'), ['body[1]']);
  let deep: unknown = NUL;
  for (let i = 0; i < 100_000; i += 1) deep = [deep];
  assert.equal(nulPaths(deep, 'body').length, 1);
});

for (const dialect of DIALECTS) {
  describe(`NUL characters on ${dialect}`, () => {
    let t: TextsApp;
    let secretariat: Client;
    let chair: Client;
    let headRu: Client;
    const send = (who: Client | null, method: 'GET' | 'POST', url: string, payload?: unknown) =>
      t.app.inject({
        method,
        url: `/api/v1${url}`,
        headers: { ...(payload !== undefined ? json : {}), ...(who?.headers ?? {}) },
        ...(payload !== undefined ? { payload: payload as object } : {}),
      });

    before(async () => {
      t = await createTextsApp(dialect);
      secretariat = await signIn(t.app, DEMO.secretariat);
      chair = await signIn(t.app, DEMO.chair);
      headRu = await signIn(t.app, DEMO.headRu);
    });
    after(async () => t?.close());

    test('a silence break whose statement holds a NUL is refused; the text stays under silence', async () => {
      const created = await send(secretariat, 'POST', '/texts', {
        body: 'nrc',
        kind: 'statement',
        title: 'Statement with a NUL (demo)',
        text: 'Words.',
      });
      assert.equal(created.statusCode, 201, created.body);
      const url = `/texts/${created.json().id}`;
      const opened = await send(chair, 'POST', `${url}/silence`, {
        version: 1,
        deadline: '2026-01-09T12:00',
        timeZone: 'Europe/Brussels',
      });
      assert.equal(opened.statusCode, 200, opened.body);
      assertRefused(await send(headRu, 'POST', `${url}/silence/break`, { statement: `No${NUL}.` }), 'statement');
      assert.equal((await send(headRu, 'GET', url)).json().status, 'under_silence');
    });

    test('the sign-in e-mail with a NUL is refused, by the API and by the form', async () => {
      assertRefused(
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/session',
          headers: json,
          payload: { email: `chair${NUL}@demo.concord`, password: 'x' },
        }),
        'email',
      );
      const page = await t.app.inject({ url: '/sign-in', headers: { accept: 'text/html' } });
      const csrf = /name="csrf" value="([^"]*)"/.exec(page.body)![1]!;
      const form = await t.app.inject({
        method: 'POST',
        url: '/sign-in',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: `concord_form_csrf=${setCookie(page, 'concord_form_csrf')!.value}`,
        },
        payload: new URLSearchParams({ email: `chair${NUL}@demo.concord`, password: 'x', csrf }).toString(),
      });
      assertRefused(form, 'email');
    });

    test('a decision reference, a member code and a search query with a NUL are refused', async () => {
      assertRefused(await send(chair, 'GET', '/decisions/C-M%282002%29%0001'), 'reference');
      assertRefused(await send(null, 'POST', '/decisions/x%00/release', {}), 'reference');
      assertRefused(await t.app.inject({ url: '/api/v1/members/P%00L', headers: auth }), 'code');
      assertRefused(await send(null, 'GET', '/search?q=peace%00keeping'), 'q');
      assertRefused(await send(chair, 'GET', '/workspace/search?q=%00'), 'q');
    });

    test('a member created with a NUL in a nested list is refused, and nothing is written', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/members',
        headers: { ...json, ...auth },
        payload: { code: 'NULL', name: 'Nulland', sortName: 'Nulland', groups: ['ok', `bad${NUL}`] },
      });
      assertRefused(res, 'groups[1]');
      assert.equal((await t.app.inject({ url: '/api/v1/members/NULL', headers: auth })).statusCode, 404);
    });
  });
}
