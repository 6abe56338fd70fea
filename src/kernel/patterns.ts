// The shapes of codes, shared by the server's schemas (fields.ts) and the workspace app's forms, which
// import this file so that the rule they check first is the one the server checks again. No imports:
// the app bundles it as it is.

/** A readable code such as "wg-peacekeeping": lower-case letters, digits and single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** The longest code. */
export const SLUG_MAX_LENGTH = 60;
/** A member's code such as "POL". */
export const MEMBER_CODE_PATTERN = /^[A-Z]{2,8}$/;
