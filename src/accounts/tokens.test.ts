import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSignedToken, newSignedToken, newToken, sameSecret, sha256Hex } from './tokens.ts';

test('tokens are 256 random bits, URL-safe, and stored as their SHA-256', () => {
  const a = newToken();
  assert.match(a, /^[A-Za-z0-9_-]{43}$/);
  assert.notEqual(a, newToken());
  assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});

test('a signed token verifies only with its key and purpose, and not once altered', () => {
  const token = newSignedToken('key-1', 'form');
  assert.equal(isSignedToken('key-1', 'form', token), true);
  assert.equal(isSignedToken('key-2', 'form', token), false);
  assert.equal(isSignedToken('key-1', 'other', token), false);
  assert.equal(isSignedToken('key-1', 'form', `x${token}`), false);
  assert.equal(isSignedToken('key-1', 'form', token.split('.')[0]!), false);
  assert.equal(isSignedToken('key-1', 'form', ''), false);
});

test('sameSecret compares whole values', () => {
  assert.equal(sameSecret('abc', 'abc'), true);
  assert.equal(sameSecret('abc', 'abd'), false);
  assert.equal(sameSecret('abc', 'abcd'), false);
  assert.equal(sameSecret('', ''), true);
});
