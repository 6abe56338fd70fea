// What a format's members decide: the items of the format (meetings, projects, events, bodies; texts
// keep the members of their creation) and, for a change of members, the items that would then admit
// members their body does not. SQL over the other modules' tables, like references.ts.
import { sql } from 'kysely';
import type { Executor } from '../../kernel/db/executor.ts';

type ScopedTable = 'meetings' | 'projects' | 'events' | 'bodies';

export interface UsageCount {
  total: number;
  public: number;
}

export interface FormatUsage {
  meetings: UsageCount;
  projects: UsageCount;
  events: UsageCount;
  bodies: UsageCount;
  texts: { total: number };
}

const SCOPED: ScopedTable[] = ['meetings', 'projects', 'events', 'bodies'];

/** Counts of the items in format `code`, and how many of each are public (seen by everyone regardless). */
export async function formatUsage(db: Executor, code: string): Promise<FormatUsage> {
  const counts = {} as Record<ScopedTable, UsageCount>;
  for (const table of SCOPED) {
    // Table names come from the constant above, never from input.
    const result = await sql<{
      n: number | string;
      p: number | string | null;
    }>`select count(*) as n, sum(is_public) as p from ${sql.table(table)} where format_code = ${code}`.execute(db);
    counts[table] = { total: Number(result.rows[0]?.n ?? 0), public: Number(result.rows[0]?.p ?? 0) };
  }
  const texts = await db
    .selectFrom('texts')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('format_code', '=', code)
    .executeTakeFirst();
  return { ...counts, texts: { total: Number(texts?.n ?? 0) } };
}

/** A body and one of the formats its items are in, with how many items (of `label`) that format holds. */
export interface ScopedGroup {
  label: string;
  body: string;
  itemFormat: string;
  bodyFormat: string;
  count: number;
}

const ITEM_TABLES: { table: 'meetings' | 'projects' | 'events'; label: string }[] = [
  { table: 'meetings', label: 'meeting(s)' },
  { table: 'projects', label: 'project(s)' },
  { table: 'events', label: 'event(s)' },
];

/**
 * Items of a body (meetings, projects, events, sub-bodies) that are in another format than the body's, where either format is `code`: the only
 * ones a change of `code`'s members can push outside their body (the item's format must stay within
 * the body's, or a visible item would reveal a hidden body).
 */
export async function itemsInOtherFormatThanTheirBody(db: Executor, code: string): Promise<ScopedGroup[]> {
  const groups: ScopedGroup[] = [];
  for (const { table, label } of ITEM_TABLES) {
    const result = await sql<{ body: string; item_format: string; body_format: string; n: number | string }>`
      select t.body_code as body, t.format_code as item_format, b.format_code as body_format, count(*) as n
      from ${sql.table(table)} as t join bodies as b on b.code = t.body_code
      where (t.format_code = ${code} or b.format_code = ${code}) and t.format_code <> b.format_code
      group by t.body_code, t.format_code, b.format_code
      order by t.body_code, t.format_code`.execute(db);
    for (const r of result.rows)
      groups.push({ label, body: r.body, itemFormat: r.item_format, bodyFormat: r.body_format, count: Number(r.n) });
  }
  // Sub-bodies follow the same rule under their parent body.
  const nested = await sql<{ body: string; item_format: string; body_format: string; n: number | string }>`
    select p.code as body, c.format_code as item_format, p.format_code as body_format, count(*) as n
    from bodies as c join bodies as p on p.code = c.parent_code
    where (c.format_code = ${code} or p.format_code = ${code}) and c.format_code <> p.format_code
    group by p.code, c.format_code, p.format_code
    order by p.code, c.format_code`.execute(db);
  for (const r of nested.rows)
    groups.push({
      label: 'sub-body(ies)',
      body: r.body,
      itemFormat: r.item_format,
      bodyFormat: r.body_format,
      count: Number(r.n),
    });
  return groups;
}
