// The public face of the legacy archive parser: the item contract, the parser and the fingerprint.
export type { FieldFlag, ItemStatus, LegacyItem, ParseInput, ParseResult, Place } from './types.ts';
export { parseLegacyPage } from './parse-legacy-page.ts';
export { contentFingerprint } from './fingerprint.ts';
export { DEFAULT_MAX_BYTES } from './decode.ts';
