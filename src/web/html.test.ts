import { test } from 'node:test';
import assert from 'node:assert/strict';
import { html, layout } from './html.ts';

test('interpolated text is escaped, nested templates are not', () => {
  const evil = '<script>alert("x")</script> & \'quotes\'';
  const out = html`<p title="${evil}">${evil}${html`<b>${'ok'}</b>`}</p>`.toString();
  assert.equal(out.includes('<script>'), false);
  assert.match(out, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; &#39;quotes&#39;/);
  assert.match(out, /<b>ok<\/b>/);
});

test('the layout sets lang, title and meta description', () => {
  const page = layout({ title: 'T & T', description: 'D "d"', lang: 'fr', body: html`<p>x</p>` });
  assert.match(page, /^<!doctype html><html lang="fr">/);
  assert.match(page, /<title>T &amp; T<\/title>/);
  assert.match(page, /<meta name="description" content="D &quot;d&quot;">/);
});
