// SQL for formats and their member lists.
import type { Format } from '../model.ts';
import type { Executor } from '../../kernel/db/executor.ts';
import { nameTaken } from './coded-tables.ts';
import { moduleReferences } from './references.ts';

// Members of a format are listed in seating order: join with members and order by sort name.
async function membersOf(db: Executor, formatCodes: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>(formatCodes.map((c) => [c, []]));
  if (formatCodes.length === 0) return result;
  const rows = await db
    .selectFrom('format_members')
    .innerJoin('members', 'members.code', 'format_members.member_code')
    .select(['format_members.format_code', 'format_members.member_code'])
    .where('format_members.format_code', 'in', formatCodes)
    .orderBy('members.sort_name')
    .execute();
  for (const row of rows) result.get(row.format_code)?.push(row.member_code);
  return result;
}

/** All formats, largest first, with their members. */
export async function listFormats(db: Executor): Promise<Format[]> {
  const rows = await db.selectFrom('formats').selectAll().orderBy('name').execute();
  const members = await membersOf(
    db,
    rows.map((r) => r.code),
  );
  return rows
    .map((row) => ({
      code: row.code,
      name: row.name,
      description: row.description,
      members: members.get(row.code) ?? [],
    }))
    .sort((a, b) => b.members.length - a.members.length || a.name.localeCompare(b.name));
}

/** One format by code, or null. */
export async function findFormat(db: Executor, code: string): Promise<Format | null> {
  const row = await db.selectFrom('formats').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row) return null;
  const members = await membersOf(db, [code]);
  return { code: row.code, name: row.name, description: row.description, members: members.get(code) ?? [] };
}

export const formatNameTaken = (db: Executor, name: string, exceptCode: string | null): Promise<boolean> =>
  nameTaken(db, 'formats', name, exceptCode);

/** Inserts or updates a format and replaces its member list. */
export async function saveFormat(db: Executor, format: Format, now: string, isNew: boolean): Promise<void> {
  const values = { name: format.name, description: format.description, updated_at: now };
  if (isNew)
    await db
      .insertInto('formats')
      .values({ code: format.code, created_at: now, ...values })
      .execute();
  else await db.updateTable('formats').set(values).where('code', '=', format.code).execute();
  await db.deleteFrom('format_members').where('format_code', '=', format.code).execute();
  await db
    .insertInto('format_members')
    .values(format.members.map((member_code) => ({ format_code: format.code, member_code })))
    .execute();
}

/** Places that still use a format (bodies now; meetings, texts and documents later). */
export async function formatReferences(db: Executor, code: string): Promise<string[]> {
  return [...(await ownFormatReferences(db, code)), ...(await moduleReferences(db, 'format', code))];
}

async function ownFormatReferences(db: Executor, code: string): Promise<string[]> {
  const bodies = await db.selectFrom('bodies').select('code').where('format_code', '=', code).execute();
  return bodies.map((b) => `body "${b.code}"`);
}

export async function deleteFormat(db: Executor, code: string): Promise<void> {
  await db.deleteFrom('formats').where('code', '=', code).execute();
}
