import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { errorCatalog } from './errors.ts';

test('docs/errors.md documents every code of the catalog with its status, and no other', () => {
  const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
  const rows = [...doc.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|/gm)].map((m) => [m[1], Number(m[2])]);
  const catalog = Object.entries(errorCatalog).map(([code, { status }]) => [code, status]);
  assert.deepEqual(rows.sort(), catalog.sort());
});

test('every catalogued message tells the reader what to do or where to look', () => {
  for (const [code, { message }] of Object.entries(errorCatalog)) {
    assert.match(message, /\.\s|\.$/, code);
    assert.ok(message.length > 20, code);
  }
});
