// The site's own assets: the stylesheet and one icon, which every page names (so browsers do not fall
// back to a missing /favicon.ico and log a 404 on every page).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser } from 'fast-xml-parser';
import { createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp('sqlite', { demo: false });
});
after(async () => t?.close());

test('the icon is served as SVG at /favicon.svg and /favicon.ico, and pages link to it', async () => {
  for (const url of ['/favicon.svg', '/favicon.ico']) {
    const res = await t.app.inject(url);
    assert.equal(res.statusCode, 200, url);
    assert.equal(res.headers['content-type'], 'image/svg+xml');
    const svg = new XMLParser({ ignoreAttributes: false }).parse(res.body).svg;
    assert.equal(svg['@_viewBox'], '0 0 32 32', 'a well-formed SVG');
  }
  for (const url of ['/', '/sign-in', '/council']) {
    const page = await t.app.inject({ url, headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 200, url);
    assert.match(page.body, /<link rel="icon" href="\/favicon.svg" type="image\/svg\+xml">/, url);
  }
});
