// Shared by the workspace's forms. Server validation details (dotted paths such as "place.city" or "topics.2") mapped to the form's
// fields, and the summary's wording with labels instead of paths. Pure.
import { ApiError } from '../api.ts';

/** The field key a server path belongs to: the longest known prefix ("topics.2" → "topics"). */
export function fieldKey(path: string, known: readonly string[]): string {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n -= 1) {
    const key = parts.slice(0, n).join('.');
    if (known.includes(key)) return key;
  }
  return path;
}

/** Per-field messages of a failed save, keyed by the form's fields; "must not be empty" reads "Title must not be empty.". */
export function serverFieldErrors(error: ApiError, labels: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const known = Object.keys(labels);
  for (const d of error.details) {
    if (!d.path) continue;
    const key = fieldKey(d.path, known);
    const label = labels[key];
    const message =
      label && /^[a-z]/.test(d.message) ? `${label} ${d.message}${/[.!?]$/.test(d.message) ? '' : '.'}` : d.message;
    if (!(key in out)) out[key] = message;
  }
  return out;
}

/** The summary's list: "Title" → message, in the form's order. */
export function summaryFields(errors: Record<string, string>, labels: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const order = Object.keys(labels);
  const keys = Object.keys(errors).sort((a, b) => (order.indexOf(a) + 1 || 999) - (order.indexOf(b) + 1 || 999));
  for (const key of keys) out[labels[key] ?? key] = errors[key]!;
  return out;
}
