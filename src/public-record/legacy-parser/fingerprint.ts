// A fingerprint of what an item says, so that importing the same page twice changes nothing.
import { createHash } from 'node:crypto';
import type { LegacyItem } from './types.ts';

// Bump when the canonical form changes, so old and new fingerprints can never be confused.
const SCHEME = 'concord.legacy-item.v1';

/** sha256 (hex) of the canonical JSON of the item's stable fields; flags and errors are left out. */
export function contentFingerprint(item: LegacyItem): string {
  return createHash('sha256')
    .update(stableJson(item) ?? canonicalJson(stableFields(item)), 'utf8')
    .digest('hex');
}

const isText = (value: unknown): value is string | null => value === null || typeof value === 'string';

// canonicalJson(stableFields(item)) written out for the usual item (every field text or null), keys in
// sorted order: the generic version sorted keys per object and cost a third of preparing a page for
// storage. Anything unusual returns null and takes the generic path.
function stableJson(item: LegacyItem): string | null {
  const { place } = item;
  const texts = [
    item.body,
    item.collection,
    item.date,
    item.kind,
    item.language,
    item.occasion,
    item.reference,
    item.speaker,
    item.status,
    item.title,
    item.updated,
  ];
  if (
    !texts.every(isText) ||
    !(place === null || (typeof place === 'object' && isText(place.city) && isText(place.country)))
  )
    return null;
  const j = JSON.stringify;
  const placeJson = place === null ? 'null' : `{"city":${j(place.city)},"country":${j(place.country)}}`;
  return (
    `{"body":${j(item.body)},"collection":${j(item.collection)},"date":${j(item.date)},"kind":${j(item.kind)},"language":${j(item.language)},` +
    `"occasion":${j(item.occasion)},"place":${placeJson},"reference":${j(item.reference)},"scheme":${j(SCHEME)},"speaker":${j(item.speaker)},` +
    `"status":${j(item.status)},"title":${j(item.title)},"updated":${j(item.updated)}}`
  );
}

function stableFields(item: LegacyItem) {
  return {
    scheme: SCHEME,
    status: item.status,
    kind: item.kind,
    title: item.title,
    date: item.date,
    updated: item.updated,
    collection: item.collection,
    place: item.place === null ? null : { city: item.place.city, country: item.place.country },
    speaker: item.speaker,
    occasion: item.occasion,
    reference: item.reference,
    language: item.language,
    body: item.body,
  };
}

/** JSON with object keys sorted at every level and no whitespace: one text per value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
