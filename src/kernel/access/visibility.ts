// Need-to-know for the items of this module and its neighbours (projects, events): each belongs to one
// format, and `can` decides on that format's members. Formats are loaded once per request and passed in.
import { can, type Actor } from './can.ts';
import { AppError, type ErrorDetail } from '../errors.ts';

export type ScopedType = 'meeting' | 'project' | 'event';

/** Member codes of each format, for `can`. */
export function formatMembersByCode(
  formats: readonly { code: string; members: readonly string[] }[],
): Map<string, readonly string[]> {
  return new Map(formats.map((f) => [f.code, f.members]));
}

/** Whether `actor` may read an item of `type` in format `formatCode` (public or not). */
export function mayRead(
  actor: Actor,
  type: ScopedType,
  item: { formatCode: string; isPublic: boolean },
  members: Map<string, readonly string[]>,
): boolean {
  return can(actor, 'read', { type, formatMembers: members.get(item.formatCode) ?? [], isPublic: item.isPublic });
}

/**
 * An item may not be shown to more members than its body: a meeting "at 20" of a body "at 19" would
 * reveal the body to a partner. Returns the refusal for `path`, or null.
 */
export function formatWithinBody(
  itemFormat: readonly string[] | undefined,
  bodyFormat: readonly string[] | undefined,
  path: string,
): ErrorDetail | null {
  if (!itemFormat || !bodyFormat) return null;
  const outside = itemFormat.filter((m) => !bodyFormat.includes(m));
  return outside.length === 0
    ? null
    : { path, message: `admits ${outside.join(', ')}, who are not in the body's format` };
}

/** Throws VALIDATION_FAILED with every detail, when there are any. */
export function refuseInvalid(details: (ErrorDetail | null)[]): void {
  const problems = details.filter((d): d is ErrorDetail => d !== null);
  if (problems.length === 0) return;
  throw new AppError(
    'VALIDATION_FAILED',
    `The request is not valid: ${problems.map((d) => `${d.path} ${d.message}`).join('; ')}.`,
    problems,
  );
}

/** Throws UNKNOWN_REFERENCE naming each missing item, when there are any. */
export function refuseUnknown(details: (ErrorDetail | null)[]): void {
  const problems = details.filter((d): d is ErrorDetail => d !== null);
  if (problems.length === 0) return;
  const list = problems.map((d) => `${d.path}: ${d.message}`).join('; ');
  throw new AppError(
    'UNKNOWN_REFERENCE',
    `The request refers to items that do not exist (${list}). Create them first or correct the references.`,
    problems,
  );
}
