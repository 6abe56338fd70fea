// The codes that name formats, bodies and topics in addresses: the server's rule, checked by the forms
// before sending so a mistake is named at once (the server checks again).

/** The server's rule for codes (src/council/council.schemas.ts, slug), checked by the forms first to answer at once. */
export const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Why a new code cannot be used, or null: the forms' first check (the server checks again). */
export function codeProblem(code: string, taken: readonly string[], example: string): string | null {
  if (!code) return `Enter a code, e.g. “${example}”: it names the item in addresses and cannot be changed later.`;
  if (!CODE.test(code) || code.length > 60)
    return `A code is lower-case letters, digits and single hyphens, at most 60 characters, e.g. “${example}”.`;
  if (taken.includes(code)) return `The code “${code}” is already used: choose another.`;
  return null;
}
