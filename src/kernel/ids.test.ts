import { test } from 'node:test';
import assert from 'node:assert/strict';
import { uuidv7 } from './ids.ts';

test('uuidv7: RFC 9562 version 7 layout, unique, and in creation order even within one millisecond', () => {
  const ids = Array.from({ length: 10_000 }, () => uuidv7());
  for (const id of ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual([...ids].sort(), ids);
});

test('uuidv7: the first 48 bits are the Unix time in milliseconds (a burst of over 4,096 ids a millisecond may run a little ahead)', () => {
  const before = Date.now();
  const id = uuidv7();
  const ms = Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
  assert.ok(ms >= before && ms <= Date.now() + 50, `${ms} not within [${before}, now + 50]`);
});
