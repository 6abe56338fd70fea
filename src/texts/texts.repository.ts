// All SQL of texts, versions, positions, procedure history and decisions. Reads take a connection or a
// transaction; writes take the caller's transaction. The procedure state is stored as JSON beside copies
// of `status` and the open deadline (`deadline_at`), which are written in the same statement.
import { sql, type Selectable, type SqlBool } from 'kysely';
import type { Actor } from '../kernel/access/can.ts';
import { textVisibleTo } from '../kernel/access/visibility-sql.ts';
import { dialectOf, type Executor } from '../kernel/db/executor.ts';
import { uuidv7 } from '../kernel/ids.ts';
import type { Dialect } from '../kernel/db/connect.ts';
import type { DecisionTable, TextTable } from '../kernel/db/schema-texts.ts';
import type { Decision, PositionKind, ProcedureEventRecord, Text, TextPosition, TextVersion } from './model.ts';
import type { ProcedureEffect, TextState } from './procedure/types.ts';

type TextRow = Selectable<TextTable>;

function toText(r: TextRow): Text {
  return {
    id: r.id,
    bodyCode: r.body_code,
    formatCode: r.format_code,
    kind: r.kind,
    title: r.title,
    language: r.language,
    languageGroupId: r.language_group_id,
    state: JSON.parse(r.state) as TextState,
    rowVersion: Number(r.row_version),
    deadlineAt: r.deadline_at,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The deadline a scheduler must watch: the open procedure's deadline in force, else null. */
export function openDeadline(state: TextState): string | null {
  return state.status === 'under_silence' && state.procedure && state.procedure.outcome === null
    ? state.procedure.deadline
    : null;
}

export async function insertText(tx: Executor, text: Text): Promise<void> {
  await tx
    .insertInto('texts')
    .values({
      id: text.id,
      body_code: text.bodyCode,
      format_code: text.formatCode,
      kind: text.kind,
      title: text.title,
      language: text.language,
      language_group_id: text.languageGroupId,
      status: text.state.status,
      state: JSON.stringify(text.state),
      row_version: text.rowVersion,
      deadline_at: openDeadline(text.state),
      created_by: text.createdBy,
      created_at: text.createdAt,
      updated_at: text.updatedAt,
    })
    .execute();
}

export async function findText(db: Executor, id: string): Promise<Text | null> {
  const row = await db.selectFrom('texts').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toText(row) : null;
}

/**
 * The text, locked for the rest of the transaction: `SELECT … FOR UPDATE` on PostgreSQL. On SQLite the
 * transaction already holds the database's single write lock (auditedWrite takes it first).
 */
export async function lockText(tx: Executor, dialect: Dialect, id: string): Promise<Text | null> {
  const query = tx.selectFrom('texts').selectAll().where('id', '=', id);
  const row = await (dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
  return row ? toText(row) : null;
}

/** Saves a new procedure state; refuses (throws) if the row changed since `rowVersion` was read. */
export async function saveState(tx: Executor, text: Text, state: TextState, now: string): Promise<void> {
  const result = await tx
    .updateTable('texts')
    .set({
      state: JSON.stringify(state),
      status: state.status,
      deadline_at: openDeadline(state),
      row_version: text.rowVersion + 1,
      updated_at: now,
    })
    .where('id', '=', text.id)
    .where('row_version', '=', text.rowVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1)
    throw new Error(`texts: text ${text.id} changed under a locked write (row version ${text.rowVersion})`);
}

export interface TextFilter {
  status?: string | undefined;
  kind?: string | undefined;
  body?: string | undefined;
  format?: string | undefined;
  /** Only the texts this reader may read (`can`'s rule, applied by the query). */
  readableBy?: Actor | undefined;
}

function matching(db: Executor, filter: TextFilter) {
  let query = db.selectFrom('texts');
  if (filter.status) query = query.where('status', '=', filter.status as TextTable['status']);
  if (filter.kind) query = query.where('kind', '=', filter.kind as TextTable['kind']);
  if (filter.body) query = query.where('body_code', '=', filter.body);
  if (filter.format) query = query.where('format_code', '=', filter.format);
  if (filter.readableBy)
    query = query.where(
      textVisibleTo(filter.readableBy, dialectOf(db), { column: 'texts.state', key: 'formatMembers' }),
    );
  return query;
}

/** How many texts match the filter. */
export async function countTexts(db: Executor, filter: TextFilter = {}): Promise<number> {
  const row = await matching(db, filter)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Texts matching the filter, most recently changed first (one page of them, if asked). */
export async function listTexts(
  db: Executor,
  filter: TextFilter = {},
  page?: { limit: number; offset: number },
): Promise<Text[]> {
  let query = matching(db, filter).selectAll().orderBy('updated_at', 'desc').orderBy('id');
  if (page) query = query.limit(page.limit).offset(page.offset);
  return (await query.execute()).map(toText);
}

export async function textsInLanguageGroup(db: Executor, groupId: string): Promise<Text[]> {
  return (
    await db
      .selectFrom('texts')
      .selectAll()
      .where('language_group_id', '=', groupId)
      .orderBy('language')
      .orderBy('id')
      .execute()
  ).map(toText);
}

export async function setLanguageGroup(tx: Executor, fromGroup: string, toGroup: string, now: string): Promise<void> {
  await tx
    .updateTable('texts')
    .set({ language_group_id: toGroup, updated_at: now })
    .where('language_group_id', '=', fromGroup)
    .execute();
}

/** Ids of texts whose open deadline is at or before `now`, earliest first. */
export async function dueTextIds(db: Executor, now: string, limit = 100): Promise<string[]> {
  const rows = await db
    .selectFrom('texts')
    .select('id')
    .where('deadline_at', 'is not', null)
    .where('deadline_at', '<=', now)
    .orderBy('deadline_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

// Versions ------------------------------------------------------------------------------------------

export async function insertVersion(tx: Executor, textId: string, v: TextVersion): Promise<void> {
  await tx
    .insertInto('text_versions')
    .values({
      text_id: textId,
      number: v.number,
      body: v.body,
      author: v.author,
      author_name: v.authorName,
      note: v.note,
      created_at: v.createdAt,
    })
    .execute();
}

export async function listVersions(db: Executor, textId: string): Promise<TextVersion[]> {
  const rows = await db
    .selectFrom('text_versions')
    .selectAll()
    .where('text_id', '=', textId)
    .orderBy('number')
    .execute();
  return rows.map((r) => ({
    number: Number(r.number),
    body: r.body,
    author: r.author,
    authorName: r.author_name,
    note: r.note,
    createdAt: r.created_at,
  }));
}

export async function findVersion(db: Executor, textId: string, number: number): Promise<TextVersion | null> {
  const r = await db
    .selectFrom('text_versions')
    .selectAll()
    .where('text_id', '=', textId)
    .where('number', '=', number)
    .executeTakeFirst();
  return r
    ? {
        number: Number(r.number),
        body: r.body,
        author: r.author,
        authorName: r.author_name,
        note: r.note,
        createdAt: r.created_at,
      }
    : null;
}

// Positions -----------------------------------------------------------------------------------------

export async function insertPosition(
  tx: Executor,
  textId: string,
  p: { memberCode: string; kind: PositionKind; version: number; statement: string; by: string; at: string },
): Promise<TextPosition> {
  const id = uuidv7(); // time-ordered: positions taken in one millisecond keep their order
  await tx
    .insertInto('text_positions')
    .values({
      id,
      text_id: textId,
      member_code: p.memberCode,
      kind: p.kind,
      version: p.version,
      statement: p.statement,
      taken_by: p.by,
      at: p.at,
    })
    .execute();
  return { id, ...p };
}

export async function listPositions(db: Executor, textId: string): Promise<TextPosition[]> {
  const rows = await db
    .selectFrom('text_positions')
    .selectAll()
    .where('text_id', '=', textId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    memberCode: r.member_code,
    kind: r.kind,
    version: Number(r.version),
    statement: r.statement,
    by: r.taken_by,
    at: r.at,
  }));
}

// Procedure history ---------------------------------------------------------------------------------

export async function appendEffects(
  tx: Executor,
  textId: string,
  effects: readonly ProcedureEffect[],
  recordedAt: string,
): Promise<void> {
  if (effects.length === 0) return;
  const last = await tx
    .selectFrom('text_procedure_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('text_id', '=', textId)
    .executeTakeFirst();
  const start = Number(last?.seq ?? 0);
  await tx
    .insertInto('text_procedure_events')
    .values(
      effects.map((effect, i) => ({
        text_id: textId,
        seq: start + i + 1,
        type: effect.type,
        at: effect.at,
        by_user: 'by' in effect ? effect.by : null,
        effect: JSON.stringify(effect),
        recorded_at: recordedAt,
      })),
    )
    .execute();
}

export async function listProcedureEvents(db: Executor, textId: string): Promise<ProcedureEventRecord[]> {
  const rows = await db
    .selectFrom('text_procedure_events')
    .selectAll()
    .where('text_id', '=', textId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    effect: JSON.parse(r.effect) as ProcedureEffect,
    recordedAt: r.recorded_at,
  }));
}

// Decisions -----------------------------------------------------------------------------------------

function toDecision(r: Selectable<DecisionTable>): Decision {
  return {
    reference: r.reference,
    textId: r.text_id,
    version: Number(r.version),
    adoptedAt: r.adopted_at,
    how: r.how,
    meetingId: r.meeting_id,
    procedure: r.procedure === null ? null : Number(r.procedure),
    recordedAt: r.recorded_at,
    releasedRecordItemSlug: r.released_record_item_slug,
    releasedAt: r.released_at,
  };
}

/** The next sequence number for `prefix` in `year` (1 for the first). Call inside the adoption's transaction. */
export async function nextDecisionSequence(tx: Executor, prefix: string, year: number): Promise<number> {
  const row = await tx
    .selectFrom('decisions')
    .select((eb) => eb.fn.max('sequence').as('seq'))
    .where('prefix', '=', prefix)
    .where('year', '=', year)
    .executeTakeFirst();
  return Number(row?.seq ?? 0) + 1;
}

export async function insertDecision(
  tx: Executor,
  d: Decision & { prefix: string; year: number; sequence: number },
): Promise<void> {
  await tx
    .insertInto('decisions')
    .values({
      reference: d.reference,
      prefix: d.prefix,
      year: d.year,
      sequence: d.sequence,
      text_id: d.textId,
      version: d.version,
      adopted_at: d.adoptedAt,
      how: d.how,
      meeting_id: d.meetingId,
      procedure: d.procedure,
      recorded_at: d.recordedAt,
      released_record_item_slug: null,
      released_at: null,
    })
    .execute();
}

export async function findDecision(db: Executor, reference: string): Promise<Decision | null> {
  const r = await db.selectFrom('decisions').selectAll().where('reference', '=', reference).executeTakeFirst();
  return r ? toDecision(r) : null;
}

export async function findDecisionOfText(db: Executor, textId: string): Promise<Decision | null> {
  const r = await db.selectFrom('decisions').selectAll().where('text_id', '=', textId).executeTakeFirst();
  return r ? toDecision(r) : null;
}

/** The decision references of these texts, in one query (text id → reference). */
export async function decisionReferencesOf(db: Executor, textIds: readonly string[]): Promise<Map<string, string>> {
  if (textIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('decisions')
    .select(['text_id', 'reference'])
    .where('text_id', 'in', [...textIds])
    .execute();
  return new Map(rows.map((r) => [r.text_id, r.reference]));
}

/** Decisions, latest adoption first; given a reader, only those of texts the reader may read. */
export async function listDecisions(db: Executor, readableBy?: Actor): Promise<Decision[]> {
  let q = db.selectFrom('decisions').selectAll();
  if (readableBy)
    q = q.where(
      sql<SqlBool>`exists (select 1 from texts where texts.id = decisions.text_id and ${textVisibleTo(readableBy, dialectOf(db), { column: 'texts.state', key: 'formatMembers' })})`,
    );
  return (await q.orderBy('adopted_at', 'desc').orderBy('reference', 'desc').execute()).map(toDecision);
}

export async function markReleased(tx: Executor, reference: string, slug: string, at: string): Promise<void> {
  await tx
    .updateTable('decisions')
    .set({ released_record_item_slug: slug, released_at: at })
    .where('reference', '=', reference)
    .execute();
}

/**
 * Display names of the people behind the actors recorded on a text, for the procedure history and the
 * positions: who spoke for a delegation is part of the record. Positions record audit names
 * ('user:<id>'); the procedure state records the user id itself (procedure-actor.ts). Both are keys of
 * the returned map. Other actors are named by what they are.
 */
export async function displayNamesOf(db: Executor, recorded: Iterable<string>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const keysOfUser = new Map<string, string[]>();
  for (const key of new Set(recorded)) {
    const userId = key.startsWith('user:') ? key.slice('user:'.length) : UUID.test(key) ? key : null;
    if (userId) keysOfUser.set(userId, [...(keysOfUser.get(userId) ?? []), key]);
    else if (key === 'admin-token') names.set(key, 'an administrator (API token)');
    else if (key.startsWith('system:')) names.set(key, 'Concord');
  }
  if (keysOfUser.size > 0) {
    const rows = await db
      .selectFrom('users')
      .select(['id', 'name'])
      .where('id', 'in', [...keysOfUser.keys()])
      .execute();
    for (const row of rows) for (const key of keysOfUser.get(row.id) ?? []) names.set(key, row.name);
  }
  return names;
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
