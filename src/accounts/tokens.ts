// Random tokens, their hashes and signatures. Tokens that authenticate (session cookies, set-password
// links) are stored only as SHA-256 hashes; comparisons of secrets run in constant time.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new random token: 256 bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The SHA-256 of a token, as stored in the database (hex). */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Compares two secrets without leaking, through timing, how much of them matched. */
export function sameSecret(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right) && a.length === b.length;
}

function mac(key: string, purpose: string, nonce: string): string {
  return createHmac('sha256', key).update(`${purpose}\n${nonce}`).digest('base64url');
}

/** A new signed token "nonce.signature" for a purpose (e.g. the sign-in form's double-submit token). */
export function newSignedToken(key: string, purpose: string): string {
  const nonce = newToken();
  return `${nonce}.${mac(key, purpose, nonce)}`;
}

/** Whether `token` is a signed token made with `key` for `purpose`. */
export function isSignedToken(key: string, purpose: string, token: string): boolean {
  const dot = token.indexOf('.');
  if (dot <= 0) return false;
  return sameSecret(token.slice(dot + 1), mac(key, purpose, token.slice(0, dot)));
}
