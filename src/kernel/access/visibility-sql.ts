// The need-to-know rule of `can`, as a query predicate: lists, counts and search select only the rows
// the reader may read, so hidden rows are never loaded, never counted and cost nothing to skip. `can`
// stays the rule for a single item; this file states the same rule for many, and the two are tested
// against each other (visibility-sql.test.ts: for random readers and items, the predicate selects
// exactly what `can` allows).
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { can, type Actor } from './can.ts';
import type { Dialect } from '../db/connect.ts';

/** What a reader sees of items that belong to a format: everything, their member's formats, or public items. */
export type ReaderScope = { sees: 'all' } | { sees: 'member'; member: string } | { sees: 'public' };

/**
 * The reader's scope, derived from `can` itself: staff are those who may read an item of a format with
 * no members that is not public; a signed-in account with a member sees that member's formats; anyone
 * else sees what is public.
 */
export function readerScope(actor: Actor): ReaderScope {
  if (can(actor, 'read', { type: 'meeting', formatMembers: [], isPublic: false })) return { sees: 'all' };
  if (actor.kind === 'user' && actor.member !== null) return { sees: 'member', member: actor.member };
  return { sees: 'public' };
}

const always = (): RawBuilder<SqlBool> => sql<SqlBool>`1 = 1`;
const never = (): RawBuilder<SqlBool> => sql<SqlBool>`1 = 0`;

/**
 * Bodies, meetings, projects and events (the body rule of `can`): staff see all; a delegate sees the
 * items whose format (in `format_members`, as it is now) holds their member, and every public item;
 * anyone else sees the public ones. `columns` name the row's format code and its 0/1 public flag, qualified as the
 * query needs (e.g. 'meetings.format_code').
 */
export function formatItemVisibleTo(
  actor: Actor,
  columns: { formatCode: string; isPublic: string },
): RawBuilder<SqlBool> {
  // Unqualified, the format column would name format_members' own inside the subquery.
  if (!columns.formatCode.includes('.')) throw new Error(`qualify the format column: ${columns.formatCode}`);
  const scope = readerScope(actor);
  switch (scope.sees) {
    case 'all':
      return always();
    case 'member':
      // Public means public to everyone, signed in or not (can's rule since issue 11, finding 7).
      return sql<SqlBool>`(${sql.ref(columns.isPublic)} = 1 or exists (select 1 from format_members visibility_fm where visibility_fm.format_code = ${sql.ref(columns.formatCode)} and visibility_fm.member_code = ${scope.member}))`;
    case 'public':
      return sql<SqlBool>`${sql.ref(columns.isPublic)} = 1`;
  }
}

/**
 * Texts and decisions (`can`'s text rule): never public; staff read all; a delegate reads those whose
 * members, fixed at the text's creation, hold their member. `members` names a JSON column holding the
 * array of member codes, or a JSON object column with the array under `key` (texts.state's formatMembers).
 */
export function textVisibleTo(
  actor: Actor,
  dialect: Dialect,
  members: { column: string; key?: 'formatMembers' },
): RawBuilder<SqlBool> {
  const scope = readerScope(actor);
  if (scope.sees === 'all') return always();
  if (scope.sees === 'public') return never();
  const column = sql.ref(members.column);
  if (dialect === 'sqlite') {
    const array = members.key ? sql`json_extract(${column}, ${`$.${members.key}`})` : column;
    return sql<SqlBool>`exists (select 1 from json_each(${array}) visibility_m where visibility_m.value = ${scope.member})`;
  }
  const array = members.key ? sql`(${column}::jsonb -> ${members.key})` : sql`${column}::jsonb`;
  return sql<SqlBool>`coalesce(${array} @> jsonb_build_array(${scope.member}::text), false)`;
}
