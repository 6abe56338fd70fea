// The codes that name formats, bodies and topics in addresses: the server's rule, checked by the forms
// before sending so a mistake is named at once (the server checks again).

import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '../../../../src/kernel/patterns.ts';

/** The server's rule for codes (src/kernel/patterns.ts), checked by the forms first to answer at once. */
export const CODE = SLUG_PATTERN;

/** Why a new code cannot be used, or null: the forms' first check (the server checks again). */
export function codeProblem(code: string, taken: readonly string[], example: string): string | null {
  if (!code) return `Enter a code, e.g. “${example}”: it names the item in addresses and cannot be changed later.`;
  if (!CODE.test(code) || code.length > SLUG_MAX_LENGTH)
    return `A code is lower-case letters, digits and single hyphens, at most ${SLUG_MAX_LENGTH} characters, e.g. “${example}”.`;
  if (taken.includes(code)) return `The code “${code}” is already used: choose another.`;
  return null;
}
