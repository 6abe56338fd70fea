// Password hashing with argon2id (RFC 9106) at the OWASP-recommended cost: 19 MiB, 2 passes, 1 lane.
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './model.ts';

// Algorithm.Argon2id: the package declares an ambient const enum, which verbatimModuleSyntax forbids
// using as a value, so its number is written here (and the hash's "$argon2id$" prefix is tested).
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** The argon2id hash (PHC string) of a password. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Whether `password` matches `passwordHash`; a malformed hash is a mismatch, never an exception. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/**
 * Spends the time of one real verification and answers false: used when the account does not exist
 * (or cannot sign in), so that the answer's timing does not tell which accounts exist.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('concord-dummy-password-never-valid');
  await verifyPassword(await dummyHash, password);
  return false;
}

/** What is wrong with a new password, as a message that follows the field name; null when it is fine. */
export function passwordProblem(password: string): string | null {
  // Length is counted in characters as people see them, not UTF-16 units.
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH)
    return `must be at least ${PASSWORD_MIN_LENGTH} characters long (it has ${length}); a few unrelated words make a strong one`;
  if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters long`;
  if (password.trim() === '') return 'must not be only spaces';
  return null;
}
