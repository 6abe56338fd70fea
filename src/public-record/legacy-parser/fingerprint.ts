// A fingerprint of what an item says, so that importing the same page twice changes nothing.
import { createHash } from 'node:crypto';
import type { LegacyItem } from './types.ts';

// Bump when the canonical form changes, so old and new fingerprints can never be confused.
const SCHEME = 'concord.legacy-item.v1';

/** sha256 (hex) of the canonical JSON of the item's stable fields; flags and errors are left out. */
export function contentFingerprint(item: LegacyItem): string {
  const stable = {
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
  return createHash('sha256').update(canonicalJson(stable), 'utf8').digest('hex');
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
