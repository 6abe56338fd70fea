// Workspace search: the index of meetings, events, projects and texts, and the query that answers the
// workspace's search box. The rule of the product holds here as everywhere: the query itself selects
// only the entries the reader may read (`can`'s rule as a predicate, kernel/access/visibility-sql.ts),
// and pages, totals and per-kind counts are computed by the database over those alone, so a search
// never reveals that an item outside the reader's formats exists.
//
// The index is derived data kept in the write's own transaction: `auditedWork` hands every audited
// (objectType, objectId) to `refreshSearchEntries`, which re-reads the item and rewrites its entry (or
// removes it when the item is gone). A write that rolls back therefore leaves the index as it was.
import { sql, type SqlBool } from 'kysely';
import type { Actor } from '../kernel/access/can.ts';
import { findSeries, findEvent } from '../calendar/events.repository.ts';
import { findBody } from '../council/repositories/bodies.repository.ts';
import type { Executor } from '../kernel/db/executor.ts';
import { formatItemVisibleTo, textVisibleTo } from '../kernel/access/visibility-sql.ts';
import { findMeeting } from '../meetings/meetings.repository.ts';
import type { Database, Dialect } from '../kernel/db/connect.ts';
import { parseSearch, toFts5Match, toWebsearch } from '../public-record/search/search-query.ts';
import { findText, findVersion } from '../texts/texts.repository.ts';
import { findProject } from '../work-programme/projects.repository.ts';
import {
  eventEntry,
  meetingEntry,
  projectEntry,
  SEARCH_DEFINITION_VERSION,
  SEARCH_KINDS,
  textEntry,
  type SearchEntry,
  type SearchKind,
} from './search-entries.ts';
import '../kernel/db/schema-search.ts';

const isSearchKind = (type: string): type is SearchKind => (SEARCH_KINDS as readonly string[]).includes(type);

/** The current entry of one item, or null when the item does not exist (any more). */
async function entryOf(db: Executor, kind: SearchKind, id: string): Promise<SearchEntry | null> {
  const bodyName = async (code: string | null) => (code ? ((await findBody(db, code))?.name ?? null) : null);
  switch (kind) {
    case 'meeting': {
      const m = await findMeeting(db, id);
      return m && meetingEntry(m, { body: await bodyName(m.bodyCode) });
    }
    case 'event': {
      const e = await findEvent(db, id);
      const series = e?.series ? ((await findSeries(db, e.series.code))?.name ?? null) : null;
      return e && eventEntry(e, { body: await bodyName(e.bodyCode), series });
    }
    case 'project': {
      const p = await findProject(db, id);
      return p && projectEntry(p, { body: await bodyName(p.bodyCode) });
    }
    case 'text': {
      const t = await findText(db, id);
      if (!t) return null;
      const version = await findVersion(db, t.id, t.state.currentVersion);
      return textEntry(t, version?.body ?? '', { body: await bodyName(t.bodyCode) });
    }
  }
}

async function writeEntry(db: Executor, kind: SearchKind, id: string, entry: SearchEntry | null): Promise<void> {
  if (!entry) {
    await db.deleteFrom('search_entries').where('kind', '=', kind).where('item_id', '=', id).execute();
    return;
  }
  const row = {
    format_code: entry.formatCode,
    format_members: entry.formatMembers ? JSON.stringify(entry.formatMembers) : null,
    is_public: entry.isPublic ? 1 : 0,
    title: entry.title,
    subtitle: entry.subtitle,
    body: entry.body,
    date: entry.date,
    updated_at: entry.updatedAt,
  };
  await db
    .insertInto('search_entries')
    .values({ kind, item_id: id, ...row })
    .onConflict((oc) => oc.columns(['kind', 'item_id']).doUpdateSet(row))
    .execute();
}

/**
 * Rewrites the entries of the audited objects that are searchable (others are ignored), inside the
 * caller's transaction. Called by auditedWork for every write; safe to call for any object.
 */
export async function refreshSearchEntries(
  db: Executor,
  objects: readonly { objectType: string; objectId: string }[],
): Promise<void> {
  const seen = new Set<string>();
  for (const { objectType, objectId } of [...objects, ...(await dependents(db, objects))]) {
    if (!isSearchKind(objectType)) continue;
    const key = `${objectType}\u0000${objectId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    await writeEntry(db, objectType, objectId, await entryOf(db, objectType, objectId));
  }
}

/**
 * Entries show the names of a body and of an event series: when one of those changes, the items that
 * show it are rewritten too (rare writes, so reading their ids is cheap enough).
 */
async function dependents(
  db: Executor,
  objects: readonly { objectType: string; objectId: string }[],
): Promise<{ objectType: SearchKind; objectId: string }[]> {
  const bodies = objects.filter((o) => o.objectType === 'body' && o.objectId !== '').map((o) => o.objectId);
  const series = objects.filter((o) => o.objectType === 'event_series').map((o) => o.objectId);
  if (bodies.length === 0 && series.length === 0) return [];
  const ofBodies = async (table: 'meetings' | 'events' | 'projects' | 'texts') =>
    bodies.length
      ? (await db.selectFrom(table).select('id').where('body_code', 'in', bodies).execute()).map((r) => r.id)
      : [];
  const [meetings, events, projects, texts, inSeries] = await Promise.all([
    ofBodies('meetings'),
    ofBodies('events'),
    ofBodies('projects'),
    ofBodies('texts'),
    series.length
      ? db.selectFrom('events').select('id').where('series_code', 'in', series).execute()
      : Promise.resolve([]),
  ]);
  return [
    ...meetings.map((id) => ({ objectType: 'meeting' as const, objectId: id })),
    ...[...events, ...inSeries.map((r) => r.id)].map((id) => ({ objectType: 'event' as const, objectId: id })),
    ...projects.map((id) => ({ objectType: 'project' as const, objectId: id })),
    ...texts.map((id) => ({ objectType: 'text' as const, objectId: id })),
  ];
}

/** Empties the index and writes an entry for every item, in the caller's transaction. */
export async function rebuildSearchEntries(db: Executor): Promise<number> {
  await db.deleteFrom('search_entries').execute();
  const ids = await Promise.all([
    db.selectFrom('meetings').select('id').execute(),
    db.selectFrom('events').select('id').execute(),
    db.selectFrom('projects').select('id').execute(),
    db.selectFrom('texts').select('id').execute(),
  ]);
  const objects = SEARCH_KINDS.flatMap((kind, i) => ids[i]!.map((r) => ({ objectType: kind, objectId: r.id })));
  await refreshSearchEntries(db, objects);
  return objects.length;
}

/**
 * Brings the index to the current definition (SEARCH_DEFINITION_VERSION) once, after migrations: a new
 * installation, an upgrade from before workspace search, or a changed definition. Several servers
 * starting together rebuild once: the first statement locks the state row (on SQLite it takes the
 * write lock), the others wait and then find the work done. Returns the number of entries written, or
 * null when the index was already current.
 */
export async function ensureWorkspaceSearch(database: Database, now: Date): Promise<number | null> {
  return database.db.transaction().execute(async (tx) => {
    await sql`update search_index_state set version = version where name = 'workspace'`.execute(tx);
    const state = await tx
      .selectFrom('search_index_state')
      .select('version')
      .where('name', '=', 'workspace')
      .executeTakeFirst();
    if (state?.version === SEARCH_DEFINITION_VERSION) return null;
    const written = await rebuildSearchEntries(tx);
    await tx
      .updateTable('search_index_state')
      .set({ version: SEARCH_DEFINITION_VERSION, rebuilt_at: now.toISOString() })
      .where('name', '=', 'workspace')
      .execute();
    return written;
  });
}

// ---------------------------------------------------------------------------------------------------
// Searching

export interface WorkspaceSearchRequest {
  text: string;
  kind?: SearchKind | undefined;
  page: number;
  pageSize: number;
}

/** A piece of a snippet; `hit` marks the words that matched. Plain text: the client escapes it. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

export interface WorkspaceHit {
  kind: SearchKind;
  id: string;
  title: string;
  subtitle: string;
  date: string | null;
  snippet: SnippetPart[];
}

export interface WorkspaceSearchResults {
  total: number;
  page: number;
  pageSize: number;
  /** Hits per kind, counted over what the reader may see (before the kind filter). */
  kinds: Record<SearchKind, number>;
  hits: WorkspaceHit[];
}

// Private-use markers, as in the public record's search: they cannot occur in the indexed text.
const OPEN = '\uE000';
const CLOSE = '\uE001';

/** Splits a marked snippet into plain parts. */
export function snippetParts(raw: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const text = raw.replace(/\s+/g, ' ').trim();
  let hit = false;
  for (const piece of text.split(/([\uE000\uE001])/)) {
    if (piece === OPEN) hit = true;
    else if (piece === CLOSE) hit = false;
    else if (piece !== '') parts.push({ text: piece, hit });
  }
  return parts;
}

/** Only the entries `actor` may read: the rule of `can`, as a predicate on the entry `e` (kernel/access/visibility-sql.ts). */
function readableBy(actor: Actor, dialect: Dialect) {
  return sql<SqlBool>`((e.kind <> 'text' and ${formatItemVisibleTo(actor, { formatCode: 'e.format_code', isPublic: 'e.is_public' })})
    or (e.kind = 'text' and ${textVisibleTo(actor, dialect, { column: 'e.format_members' })}))`;
}

/**
 * The matching entries the reader may read, as a FROM … WHERE of the entry `e`: the access rule is part
 * of the query, so a hidden match is never read, counted or paged (issue 11, finding 8).
 */
function readableMatches(dialect: Dialect, actor: Actor, text: string) {
  const parsed = parseSearch(text);
  return dialect === 'sqlite'
    ? sql`from search_fts join search_entries e on e.seq = search_fts.rowid
          where search_fts match ${toFts5Match(parsed)} and ${readableBy(actor, dialect)}`
    : sql`from search_entries e
          where e.search @@ websearch_to_tsquery('english', ${toWebsearch(parsed)}) and ${readableBy(actor, dialect)}`;
}

/** Readable matches per kind. */
async function countsByKind(
  db: Executor,
  dialect: Dialect,
  actor: Actor,
  text: string,
): Promise<Record<SearchKind, number>> {
  const { rows } = await sql<{ kind: string; n: number | string }>`
    select e.kind, count(*) as n ${readableMatches(dialect, actor, text)} group by e.kind`.execute(db);
  const kinds = Object.fromEntries(SEARCH_KINDS.map((k) => [k, 0])) as Record<SearchKind, number>;
  for (const r of rows) if (isSearchKind(r.kind)) kinds[r.kind] = Number(r.n);
  return kinds;
}

interface PageRow {
  seq: number;
  kind: SearchKind;
  item_id: string;
  title: string;
  subtitle: string;
  date: string | null;
}

/** One page of the readable matches (of one kind, if asked), best first. */
async function pageOfMatches(
  db: Executor,
  dialect: Dialect,
  actor: Actor,
  request: WorkspaceSearchRequest,
): Promise<PageRow[]> {
  const parsed = parseSearch(request.text);
  const ofKind = request.kind ? sql`and e.kind = ${request.kind}` : sql``;
  const order =
    dialect === 'sqlite'
      ? sql`order by bm25(search_fts, 10.0, 4.0, 1.0), e.date desc, e.seq desc`
      : sql`order by ts_rank_cd(e.search, websearch_to_tsquery('english', ${toWebsearch(parsed)})) desc, e.date desc nulls last, e.seq desc`;
  const { rows } = await sql<PageRow>`
    select e.seq, e.kind, e.item_id, e.title, e.subtitle, e.date
    ${readableMatches(dialect, actor, request.text)} ${ofKind}
    ${order}
    limit ${request.pageSize} offset ${(request.page - 1) * request.pageSize}`.execute(db);
  return rows;
}

// The page's snippets, keyed by the entry they were cut from. On SQLite the FTS table is asked alone,
// its own rowid constrained (FTS5 then looks the rows up instead of walking every match); joined to
// the entries, a single `rowid in (?)` was planned as an equality on the join and returned a row per
// match labelled with that rowid, so a page of one hit showed the newest match of the whole index
// (issue 11, finding 1).
async function snippetsOf(db: Executor, dialect: Dialect, text: string, seqs: number[]): Promise<Map<number, string>> {
  if (seqs.length === 0) return new Map();
  const parsed = parseSearch(text);
  type Row = { seq: number; snippet: string };
  const rows =
    dialect === 'sqlite'
      ? (
          await sql<Row>`
            select search_fts.rowid as seq, snippet(search_fts, 2, ${OPEN}, ${CLOSE}, '…', 24) as snippet
            from search_fts
            where search_fts match ${toFts5Match(parsed)} and search_fts.rowid in (${sql.join(seqs)})`.execute(db)
        ).rows
      : (
          await sql<Row>`
            select seq, ts_headline('english', body, websearch_to_tsquery('english', ${toWebsearch(parsed)}), ${`StartSel=${OPEN}, StopSel=${CLOSE}, MaxWords=30, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "`}) as snippet
            from search_entries where seq in (${sql.join(seqs)})`.execute(db)
        ).rows;
  return new Map(rows.map((r) => [Number(r.seq), r.snippet]));
}

/** Searches the workspace as `actor`: only what `can` lets them read is counted or shown. */
export async function searchWorkspace(
  database: Database,
  actor: Actor,
  request: WorkspaceSearchRequest,
): Promise<WorkspaceSearchResults> {
  const { db, dialect } = database;
  const [kinds, page] = await Promise.all([
    countsByKind(db, dialect, actor, request.text),
    pageOfMatches(db, dialect, actor, request),
  ]);
  const snippets = await snippetsOf(
    db,
    dialect,
    request.text,
    page.map((r) => Number(r.seq)),
  );
  return {
    total: request.kind ? kinds[request.kind] : SEARCH_KINDS.reduce((n, k) => n + kinds[k], 0),
    page: request.page,
    pageSize: request.pageSize,
    kinds,
    // An entry removed between the two reads (its item deleted meanwhile) is left out of the page.
    hits: page.flatMap((r) => {
      const snippet = snippets.get(Number(r.seq));
      return snippet === undefined
        ? []
        : [
            {
              kind: r.kind,
              id: r.item_id,
              title: r.title,
              subtitle: r.subtitle,
              date: r.date,
              snippet: snippetParts(snippet),
            },
          ];
    }),
  };
}
