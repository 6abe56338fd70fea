// SQL for members and their groups.
import type { Member } from '../model.ts';
import type { Executor } from '../../kernel/db/executor.ts';
import { nameTaken, unknownCodes } from './coded-tables.ts';
import { moduleReferences } from './references.ts';

/** All members in seating order (sort name), each with its groups. */
export async function listMembers(db: Executor): Promise<Member[]> {
  const rows = await db.selectFrom('members').selectAll().orderBy('sort_name').orderBy('code').execute();
  const groups = await db.selectFrom('member_groups').selectAll().orderBy('group_name').execute();
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    sortName: row.sort_name,
    kind: row.kind,
    joinedOn: row.joined_on,
    groups: groups.filter((g) => g.member_code === row.code).map((g) => g.group_name),
  }));
}

/** One member by code, or null. */
export async function findMember(db: Executor, code: string): Promise<Member | null> {
  const row = await db.selectFrom('members').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row) return null;
  const groups = await db
    .selectFrom('member_groups')
    .select('group_name')
    .where('member_code', '=', code)
    .orderBy('group_name')
    .execute();
  return {
    code: row.code,
    name: row.name,
    sortName: row.sort_name,
    kind: row.kind,
    joinedOn: row.joined_on,
    groups: groups.map((g) => g.group_name),
  };
}

/** The subset of `codes` that names no member. */
export const unknownMemberCodes = (db: Executor, codes: readonly string[]): Promise<string[]> =>
  unknownCodes(db, 'members', codes);

/** Whether a member with this name exists under another code. */
export const memberNameTaken = (db: Executor, name: string, exceptCode: string | null): Promise<boolean> =>
  nameTaken(db, 'members', name, exceptCode);

/** Inserts or updates a member and replaces its groups. */
export async function saveMember(db: Executor, member: Member, now: string, isNew: boolean): Promise<void> {
  const values = {
    name: member.name,
    sort_name: member.sortName,
    kind: member.kind,
    joined_on: member.joinedOn,
    updated_at: now,
  };
  if (isNew)
    await db
      .insertInto('members')
      .values({ code: member.code, created_at: now, ...values })
      .execute();
  else await db.updateTable('members').set(values).where('code', '=', member.code).execute();
  await db.deleteFrom('member_groups').where('member_code', '=', member.code).execute();
  if (member.groups.length > 0) {
    await db
      .insertInto('member_groups')
      .values(member.groups.map((group_name) => ({ member_code: member.code, group_name })))
      .execute();
  }
}

/** Names of the places that still refer to a member (formats, functions), for a clear IN_USE error. */
export async function memberReferences(db: Executor, code: string): Promise<string[]> {
  return [...(await ownMemberReferences(db, code)), ...(await moduleReferences(db, 'member', code))];
}

async function ownMemberReferences(db: Executor, code: string): Promise<string[]> {
  const formats = await db.selectFrom('format_members').select('format_code').where('member_code', '=', code).execute();
  const functions = await db.selectFrom('person_functions').select('id').where('member_code', '=', code).execute();
  // Delegates' accounts are bound to their member: deleting it would orphan them (a foreign-key 500 before).
  const users = await db.selectFrom('users').select('id').where('member_code', '=', code).execute();
  return [
    ...formats.map((f) => `format "${f.format_code}"`),
    ...(functions.length ? [`${functions.length} person function(s)`] : []),
    ...(users.length ? [`${users.length} user account(s)`] : []),
  ];
}

export async function deleteMember(db: Executor, code: string): Promise<void> {
  await db.deleteFrom('members').where('code', '=', code).execute();
}
