// Writes to draft texts. Every procedure act follows one path (`act`): in ONE audited transaction, load
// the text again and lock it (SELECT … FOR UPDATE on PostgreSQL; SQLite's single writer is already held,
// since auditedWrite takes the audit chain's write lock first), run the pure state machine's `transition`
// on the fresh state, and save the new state, its effects (the procedure history), the rows that go with
// them (versions, positions, the decision), the audit events and the notification outbox — or nothing.
// After the commit, listeners hear of each change (onTextChange).
//
// A text the actor may not read answers NOT_FOUND, exactly like a missing one, on every act.
import { randomUUID } from 'node:crypto';
import { can, type Actor } from '../kernel/access/can.ts';
import { auditedWrite, type AuditRecorder, type Tx, type WriteContext } from '../kernel/audit/audited-write.ts';
import { actorName } from '../kernel/access/can.ts';
import { findBody } from '../council/repositories/bodies.repository.ts';
import { findFormat, listFormats } from '../council/repositories/formats.repository.ts';
import type { Executor } from '../kernel/db/executor.ts';
import {
  formatMembersByCode,
  formatWithinBody,
  mayRead,
  refuseInvalid,
  refuseUnknown,
} from '../kernel/access/visibility.ts';
import { findMeeting } from '../meetings/meetings.repository.ts';
import { isValidTimeZone, parseZonedTime } from '../kernel/time/zoned-time.ts';
import type { Database } from '../kernel/db/connect.ts';
import { AppError, notFound } from '../kernel/errors.ts';
import type { Decision, PositionKind, Text, TextKind } from './model.ts';
import { procedureActor, procedureFailure } from './procedure-actor.ts';
import { procedureErrors } from './procedure/procedure-errors.ts';
import { initialTextState, transition } from './procedure/silence-procedure.ts';
import type { Adoption, ProcedureEffect, ProcedureErrorCode, ProcedureEvent, TextState } from './procedure/types.ts';
import * as repo from './texts.repository.ts';
import type { TextChange, TextChangeHooks } from './text-change.ts';

/** What the texts service needs: the database, the clock, and the optional change hooks (text-change.ts). */
export interface TextServiceDeps extends TextChangeHooks {
  database: Database;
  now: () => Date;
}

/** Who is asking, and from which request (null outside HTTP: demo, deadline runner). */
export interface Caller {
  actor: Actor;
  requestId: string | null;
}

export const textResource = (text: Pick<Text, 'state'>, part: 'draft' | 'position' = 'draft') => ({
  type: 'text' as const,
  formatMembers: text.state.formatMembers,
  part,
});

const ctxOf = (deps: TextServiceDeps, caller: Caller): WriteContext => ({
  actor: actorName(caller.actor),
  requestId: caller.requestId,
  now: deps.now(),
});

/** Calls onTextChange for each change, after the commit; a failing listener never fails the write. */
export async function announce(deps: TextChangeHooks, changes: readonly TextChange[]): Promise<void> {
  if (!deps.onTextChange) return;
  for (const change of changes) {
    try {
      await deps.onTextChange(change);
    } catch {
      // Listeners (live updates) are best effort; the change is committed and in the audit trail.
    }
  }
}

async function authorName(db: Executor, actor: Actor): Promise<string> {
  if (actor.kind === 'user') {
    const user = await db.selectFrom('users').select('name').where('id', '=', actor.id).executeTakeFirst();
    return user?.name ?? actor.id;
  }
  if (actor.kind === 'admin-token') return 'Administrator (API token)';
  if (actor.kind === 'system') return `Concord (${actor.name})`;
  return 'public';
}

/** The text if it exists and the actor may read it; NOT_FOUND otherwise, the same answer for both. */
async function lockVisible(tx: Tx, database: Database, actor: Actor, id: string): Promise<Text> {
  const text = await repo.lockText(tx, database.dialect, id);
  if (!text || !can(actor, 'read', textResource(text))) throw notFound('text', id);
  return text;
}

function baseChange(
  text: Text,
  by: string,
  state: TextState,
  at: string,
  recordedAt: string,
): Omit<TextChange, 'kind'> {
  return {
    textId: text.id,
    title: text.title,
    textKind: text.kind,
    bodyCode: text.bodyCode,
    formatCode: text.formatCode,
    formatMembers: text.state.formatMembers,
    at,
    recordedAt,
    by,
    status: state.status,
  };
}

// The change (for listeners) and the audit summary of one procedure effect.
function changeOf(effect: ProcedureEffect, base: Omit<TextChange, 'kind' | 'at'>): TextChange {
  const at = effect.at;
  switch (effect.type) {
    case 'version_created':
      return { ...base, at, kind: 'version_created', version: effect.version };
    case 'reservation_placed':
      return { ...base, at, kind: 'reservation_placed', member: effect.member };
    case 'reservation_lifted':
      return { ...base, at, kind: 'reservation_lifted', member: effect.member };
    case 'silence_opened':
      return {
        ...base,
        at,
        kind: 'silence_opened',
        version: effect.version,
        procedure: effect.procedure,
        deadline: effect.deadline,
        timeZone: effect.timeZone,
      };
    case 'deadline_extended':
      return {
        ...base,
        at,
        kind: 'deadline_extended',
        version: effect.version,
        procedure: effect.procedure,
        deadline: effect.to,
        timeZone: effect.timeZone,
      };
    case 'silence_broken':
      return {
        ...base,
        at,
        kind: 'silence_broken',
        version: effect.version,
        procedure: effect.procedure,
        member: effect.member,
      };
    case 'failed':
      return { ...base, at, kind: 'failed', version: effect.version, procedure: effect.procedure };
    case 'adopted':
      return {
        ...base,
        at,
        kind: 'adopted',
        version: effect.version,
        how: effect.how,
        ...(effect.procedure !== undefined ? { procedure: effect.procedure } : {}),
        ...(effect.meetingId !== undefined ? { meetingId: effect.meetingId } : {}),
      };
  }
}

function effectSummary(effect: ProcedureEffect): Record<string, unknown> {
  const { textId: _textId, type: _type, ...rest } = effect;
  return rest;
}

/**
 * Allocates the decision reference of an adoption inside its transaction. Each format keeps its own
 * series, as real councils keep separate document series: `<format code, upper case>-D`, the year of
 * adoption (UTC), and the next 4-digit sequence of that series and year, e.g. NATO-19-D(2002)0003. One
 * sequence for all formats would let a delegate count and date, by the gaps in their register, the
 * decisions of formats they are not in. Every write holds the audit chain's lock, so allocations never
 * interleave; the unique constraint on (prefix, year, sequence) is the backstop.
 */
export const decisionSeries = (formatCode: string): string => `${formatCode.toUpperCase()}-D`;

async function recordDecision(tx: Tx, text: Text, adoption: Adoption): Promise<Decision> {
  const prefix = decisionSeries(text.formatCode);
  const year = Number(adoption.at.slice(0, 4));
  const sequence = await repo.nextDecisionSequence(tx, prefix, year);
  const decision: Decision = {
    reference: `${prefix}(${year})${String(sequence).padStart(4, '0')}`,
    textId: text.id,
    version: adoption.version,
    adoptedAt: adoption.at,
    how: adoption.how,
    meetingId: adoption.meetingId ?? null,
    procedure: adoption.procedure ?? null,
    recordedAt: adoption.recordedAt,
    releasedRecordItemSlug: null,
    releasedAt: null,
  };
  await repo.insertDecision(tx, { ...decision, prefix, year, sequence });
  return decision;
}

interface ActSpec {
  /** Builds the event from the locked, visible text (and may refuse before the state machine does). */
  event: (text: Text, tx: Tx) => ProcedureEvent | Promise<ProcedureEvent>;
  /** Refusals that mean "nothing to do" (the deadline runner): no write, result null. */
  tolerate?: readonly ProcedureErrorCode[];
  /** Rows that go with the effects (versions, positions), and extra changes' fields. */
  after?: (
    tx: Tx,
    text: Text,
    state: TextState,
    effects: readonly ProcedureEffect[],
    audit: AuditRecorder,
  ) => Promise<void>;
  /** Runs in the same transaction once the adoption's decision is recorded. */
  onAdopted?: (tx: Tx, text: Text, decision: Decision, audit: AuditRecorder) => Promise<void>;
}

export interface ActResult {
  text: Text;
  changes: TextChange[];
  decision: Decision | null;
}

/** One procedure act in one audited transaction; see the file comment. Null when tolerated as nothing to do. */
export async function act(
  deps: TextServiceDeps,
  caller: Caller,
  textId: string,
  spec: ActSpec,
): Promise<ActResult | null> {
  const ctx = ctxOf(deps, caller);
  const result = await auditedWrite(
    deps.database,
    ctx,
    async (tx, audit): Promise<ActResult | null> => {
      const text = await lockVisible(tx, deps.database, caller.actor, textId);
      const event = await spec.event(text, tx);
      const outcome = transition(text.state, event);
      if (!outcome.ok) {
        if (spec.tolerate?.includes(outcome.error.code)) return null;
        throw procedureFailure(outcome.error);
      }
      const now = ctx.now.toISOString();
      await repo.saveState(tx, text, outcome.state, now);
      await repo.appendEffects(tx, text.id, outcome.effects, now);
      await spec.after?.(tx, text, outcome.state, outcome.effects, audit);
      const base = baseChange(text, ctx.actor, outcome.state, now, now);
      const changes: TextChange[] = [];
      let decision: Decision | null = null;
      for (const effect of outcome.effects) {
        audit.record({
          action: `text.${effect.type}`,
          objectType: 'text',
          objectId: text.id,
          summary: effectSummary(effect),
        });
        const change = changeOf(effect, base);
        if (effect.type === 'adopted' && outcome.state.adoption) {
          decision = await recordDecision(tx, text, outcome.state.adoption);
          change.reference = decision.reference;
          audit.record({
            action: 'decision.recorded',
            objectType: 'decision',
            objectId: decision.reference,
            summary: {
              textId: text.id,
              version: decision.version,
              adoptedAt: decision.adoptedAt,
              how: decision.how,
              recordedAt: decision.recordedAt,
            },
          });
          await spec.onAdopted?.(tx, text, decision, audit);
        }
        changes.push(change);
      }
      for (const change of changes) await deps.enqueueNotifications?.(tx, change);
      const saved: Text = {
        ...text,
        state: outcome.state,
        rowVersion: text.rowVersion + 1,
        deadlineAt: repo.openDeadline(outcome.state),
        updatedAt: now,
      };
      return { text: saved, changes, decision };
    },
    { allowNoEvent: true },
  );
  if (result) await announce(deps, result.changes);
  return result;
}

// ---- Drafting ---------------------------------------------------------------------------------------

export interface TextCreate {
  body: string;
  format?: string | undefined;
  kind: TextKind;
  title: string;
  language: string;
  text: string;
  note?: string | undefined;
}

/** Creates a draft text with its version 1. The format defaults to the body's and may not exceed it. */
export async function createText(
  deps: TextServiceDeps,
  caller: Caller,
  input: TextCreate,
  id: string = randomUUID(),
): Promise<ActResult> {
  const ctx = ctxOf(deps, caller);
  const result = await auditedWrite(deps.database, ctx, async (tx, audit): Promise<ActResult> => {
    const body = await findBody(tx, input.body);
    const format = body ? await findFormat(tx, input.format ?? body.formatCode) : null;
    refuseUnknown([
      body ? null : { path: 'body', message: `no body "${input.body}"` },
      body && !format ? { path: 'format', message: `no format "${input.format ?? body.formatCode}"` } : null,
    ]);
    const bodyFormat = await findFormat(tx, body!.formatCode);
    refuseInvalid([
      formatWithinBody(format!.members, bodyFormat?.members, 'format'),
      format!.members.length === 0 ? { path: 'format', message: 'has no members' } : null,
    ]);
    if (!can(caller.actor, 'create', { type: 'text', formatMembers: format!.members, part: 'draft' }))
      throw new AppError('FORBIDDEN', 'Only the secretariat or the chair may create a draft text.');
    if (await repo.findText(tx, id))
      throw new AppError('ALREADY_EXISTS', `A text "${id}" already exists.`, [
        { path: 'id', message: 'is already used' },
      ]);
    const now = ctx.now.toISOString();
    const state = initialTextState({ textId: id, formatMembers: format!.members });
    const text: Text = {
      id,
      bodyCode: body!.code,
      formatCode: format!.code,
      kind: input.kind,
      title: input.title,
      language: input.language,
      languageGroupId: id,
      state,
      rowVersion: 1,
      deadlineAt: null,
      createdBy: ctx.actor,
      createdAt: now,
      updatedAt: now,
    };
    await repo.insertText(tx, text);
    await repo.insertVersion(tx, id, {
      number: 1,
      body: input.text,
      author: ctx.actor,
      authorName: await authorName(tx, caller.actor),
      note: input.note ?? '',
      createdAt: now,
    });
    const by = procedureActor(caller.actor).userId;
    const effect: ProcedureEffect = { type: 'version_created', textId: id, at: now, version: 1, by };
    await repo.appendEffects(tx, id, [effect], now);
    audit.record({
      action: 'text.created',
      objectType: 'text',
      objectId: id,
      summary: {
        body: text.bodyCode,
        format: text.formatCode,
        kind: text.kind,
        title: text.title,
        language: text.language,
        version: 1,
        characters: input.text.length,
      },
    });
    const changes = [changeOf(effect, baseChange(text, ctx.actor, state, now, now))];
    for (const change of changes) await deps.enqueueNotifications?.(tx, change);
    return { text, changes, decision: null };
  });
  await announce(deps, result.changes);
  return result;
}

/** A new numbered version (refused under silence and after adoption by the state machine). */
export async function addVersion(
  deps: TextServiceDeps,
  caller: Caller,
  id: string,
  input: { text: string; note?: string | undefined },
): Promise<ActResult> {
  const result = await act(deps, caller, id, {
    event: async (text, tx) => {
      const event: ProcedureEvent = {
        type: 'newVersion',
        actor: procedureActor(caller.actor),
        at: deps.now().toISOString(),
      };
      // The state machine's refusals (who, adopted, under silence) come first; then the wording.
      const refusal = transition(text.state, event);
      if (refusal.ok) {
        const current = await repo.findVersion(tx, text.id, text.state.currentVersion);
        if (current?.body === input.text)
          refuseInvalid([{ path: 'text', message: `is the same wording as version ${text.state.currentVersion}` }]);
      }
      return event;
    },
    after: async (tx, text, state) => {
      await repo.insertVersion(tx, text.id, {
        number: state.currentVersion,
        body: input.text,
        author: actorName(caller.actor),
        authorName: await authorName(tx, caller.actor),
        note: input.note ?? '',
        createdAt: deps.now().toISOString(),
      });
    },
  });
  return result!;
}

/** Links two texts as language versions of one another (their groups merge). */
export async function linkLanguageVersion(
  deps: TextServiceDeps,
  caller: Caller,
  id: string,
  otherId: string,
): Promise<void> {
  await auditedWrite(
    deps.database,
    ctxOf(deps, caller),
    async (tx, audit) => {
      const text = await lockVisible(tx, deps.database, caller.actor, id);
      const other = await lockVisible(tx, deps.database, caller.actor, otherId);
      if (!can(caller.actor, 'update', textResource(text)) || !can(caller.actor, 'update', textResource(other)))
        throw new AppError('FORBIDDEN', 'Only the secretariat or the chair may link language versions.');
      if (text.languageGroupId === other.languageGroupId) return;
      // Language versions are one text in several languages: same body, same format (a version in another
      // format would be read by other members than the text it translates).
      if (other.bodyCode !== text.bodyCode || other.formatCode !== text.formatCode) {
        refuseInvalid([
          {
            path: 'text',
            message: `belongs to ${other.bodyCode} in ${other.formatCode}, not to ${text.bodyCode} in ${text.formatCode}; language versions share their body and format`,
          },
        ]);
      }
      const mine = await repo.textsInLanguageGroup(tx, text.languageGroupId);
      const theirs = await repo.textsInLanguageGroup(tx, other.languageGroupId);
      const clash = theirs.find((t) => mine.some((m) => m.language === t.language));
      if (clash)
        refuseInvalid([
          {
            path: 'text',
            message: `is in ${clash.language}, a language this text already has a version in ("${clash.title}")`,
          },
        ]);
      await repo.setLanguageGroup(tx, other.languageGroupId, text.languageGroupId, deps.now().toISOString());
      audit.record({
        action: 'text.language_linked',
        objectType: 'text',
        objectId: id,
        summary: { linked: theirs.map((t) => ({ id: t.id, language: t.language })), group: text.languageGroupId },
      });
    },
    { allowNoEvent: true },
  );
}

// ---- Positions --------------------------------------------------------------------------------------

function actingMember(actor: Actor): string {
  if (actor.kind === 'user' && actor.member) return actor.member;
  throw new AppError('FORBIDDEN', "Only a delegate of a member of the text's format may take a position on it.");
}

/** A support or comment position, by a delegate of a member of the format (not on an adopted text). */
export async function recordPosition(
  deps: TextServiceDeps,
  caller: Caller,
  id: string,
  input: { kind: 'support' | 'comment'; statement: string },
): Promise<TextChange> {
  const ctx = ctxOf(deps, caller);
  const change = await auditedWrite(deps.database, ctx, async (tx, audit) => {
    const text = await lockVisible(tx, deps.database, caller.actor, id);
    if (!can(caller.actor, 'create', textResource(text, 'position')))
      throw new AppError('FORBIDDEN', "Only a delegate of a member of the text's format may take a position on it.");
    const adoption = text.state.adoption;
    if (adoption) throw procedureFailure(procedureErrors.textAdopted(adoption.version, adoption.at));
    const member = actingMember(caller.actor);
    const now = ctx.now.toISOString();
    await repo.insertPosition(tx, id, {
      memberCode: member,
      kind: input.kind,
      version: text.state.currentVersion,
      statement: input.statement,
      by: ctx.actor,
      at: now,
    });
    audit.record({
      action: 'text.position_recorded',
      objectType: 'text',
      objectId: id,
      summary: { member, kind: input.kind, version: text.state.currentVersion, statement: input.statement },
    });
    const change: TextChange = {
      ...baseChange(text, ctx.actor, text.state, now, now),
      kind: 'position_recorded',
      member,
      position: input.kind,
      version: text.state.currentVersion,
    };
    await deps.enqueueNotifications?.(tx, change);
    return change;
  });
  await announce(deps, [change]);
  return change;
}

const positionRow = (
  kind: PositionKind,
  member: string,
  statement: string,
  caller: Caller,
  version: number,
  at: string,
) => ({ memberCode: member, kind, version, statement, by: actorName(caller.actor), at });

/** A reservation, placed by the member's head of delegation (the state machine decides). */
export async function placeReservation(
  deps: TextServiceDeps,
  caller: Caller,
  id: string,
  input: { member?: string | undefined; reason: string },
): Promise<ActResult> {
  const member = input.member ?? (caller.actor.kind === 'user' ? caller.actor.member : null) ?? '';
  return (await act(deps, caller, id, {
    event: () => ({
      type: 'placeReservation',
      actor: procedureActor(caller.actor),
      member,
      reason: input.reason,
      at: deps.now().toISOString(),
    }),
    after: (tx, text, state) =>
      repo
        .insertPosition(
          tx,
          text.id,
          positionRow(
            'reservation_placed',
            member,
            input.reason,
            caller,
            state.currentVersion,
            deps.now().toISOString(),
          ),
        )
        .then(() => undefined),
  }))!;
}

/** Lifts a member's reservation (its head of delegation). */
export async function liftReservation(
  deps: TextServiceDeps,
  caller: Caller,
  id: string,
  member: string,
): Promise<ActResult> {
  return (await act(deps, caller, id, {
    event: () => ({
      type: 'liftReservation',
      actor: procedureActor(caller.actor),
      member,
      at: deps.now().toISOString(),
    }),
    after: (tx, text, state) =>
      repo
        .insertPosition(
          tx,
          text.id,
          positionRow('reservation_lifted', member, '', caller, state.currentVersion, deps.now().toISOString()),
        )
        .then(() => undefined),
  }))!;
}

// ---- Procedures -------------------------------------------------------------------------------------

/** "2002-09-27T12:00" in "Europe/Brussels" → the instant; refusals as the procedure's own codes. */
export function deadlineInstant(deadline: string, timeZone: string): string {
  if (!isValidTimeZone(timeZone)) throw procedureFailure(procedureErrors.invalidTimeZone(timeZone));
  const parsed = parseZonedTime(deadline, timeZone);
  if (!parsed.ok)
    throw new AppError(
      'INVALID_INSTANT',
      `deadline "${deadline}" ${parsed.message}. Give a local date and time such as 2002-09-27T12:00 with its time zone.`,
      [{ path: 'deadline', message: parsed.message }],
    );
  return parsed.instant;
}

/** The chair puts `version` under silence until a local date-time in an IANA zone. */
export async function openSilence(
  deps: TextServiceDeps,
  caller: Caller,
  id: string,
  input: { version: number; deadline: string; timeZone: string },
): Promise<ActResult> {
  const deadline = deadlineInstant(input.deadline, input.timeZone);
  return (await act(deps, caller, id, {
    event: () => ({
      type: 'openSilence',
      actor: procedureActor(caller.actor),
      version: input.version,
      deadline,
      timeZone: input.timeZone,
      at: deps.now().toISOString(),
    }),
  }))!;
}

/** The chair moves the deadline later, before it passes; the zone defaults to the procedure's. */
export async function extendDeadline(
  deps: TextServiceDeps,
  caller: Caller,
  id: string,
  input: { deadline: string; timeZone?: string | undefined },
): Promise<ActResult> {
  return (await act(deps, caller, id, {
    event: (text) => {
      const timeZone = input.timeZone ?? text.state.procedure?.timeZone ?? 'UTC';
      return {
        type: 'extendDeadline',
        actor: procedureActor(caller.actor),
        deadline: deadlineInstant(input.deadline, timeZone),
        at: deps.now().toISOString(),
      };
    },
  }))!;
}

/** A head of delegation breaks silence for their member with a statement: the procedure fails. */
export async function breakSilence(
  deps: TextServiceDeps,
  caller: Caller,
  id: string,
  input: { member?: string | undefined; statement: string },
): Promise<ActResult> {
  const member = input.member ?? (caller.actor.kind === 'user' ? caller.actor.member : null) ?? '';
  return (await act(deps, caller, id, {
    event: () => ({
      type: 'breakSilence',
      actor: procedureActor(caller.actor),
      member,
      statement: input.statement,
      at: deps.now().toISOString(),
    }),
    after: (tx, text, state) =>
      repo
        .insertPosition(
          tx,
          text.id,
          positionRow(
            'silence_broken',
            member,
            input.statement,
            caller,
            state.procedure?.version ?? state.currentVersion,
            deps.now().toISOString(),
          ),
        )
        .then(() => undefined),
  }))!;
}

/**
 * The chair records `version` as agreed at a meeting. The meeting must exist and be visible to the
 * chair (else UNKNOWN_REFERENCE, the same for both) and admit no member the text's format does not
 * (MEETING_WIDER_THAN_TEXT, see refuseWiderMeeting); in the same transaction, the decision joins the
 * meeting's outcome decisions ("NRC-20-D(2002)0007: title"), audited as a change of the meeting's outcome.
 */
export async function recordAgreement(
  deps: TextServiceDeps,
  caller: Caller,
  id: string,
  input: { version: number; meeting: string },
): Promise<ActResult> {
  return (await act(deps, caller, id, {
    event: async (text, tx) => {
      const event: ProcedureEvent = {
        type: 'recordAgreedAtMeeting',
        actor: procedureActor(caller.actor),
        version: input.version,
        meetingId: input.meeting,
        at: deps.now().toISOString(),
      };
      // The state machine's refusals (not the chair, adopted, under silence, reservations) come first.
      if (!transition(text.state, event).ok) return event;
      const meeting = await findMeeting(tx, input.meeting);
      const formats = await listFormats(tx);
      if (!meeting || !mayRead(caller.actor, 'meeting', meeting, formatMembersByCode(formats)))
        refuseUnknown([{ path: 'meeting', message: `no meeting "${input.meeting}"` }]);
      refuseWiderMeeting(text, meeting!, formats);
      return event;
    },
    onAdopted: async (tx, text, decision, audit) => {
      const row = await tx
        .selectFrom('meetings')
        .select('outcome_decisions')
        .where('id', '=', input.meeting)
        .executeTakeFirstOrThrow();
      const before = JSON.parse(row.outcome_decisions) as string[];
      const after = [...before, `${decision.reference}: ${text.title}`];
      await tx
        .updateTable('meetings')
        .set({ outcome_decisions: JSON.stringify(after), updated_at: deps.now().toISOString() })
        .where('id', '=', input.meeting)
        .execute();
      audit.record({
        action: 'meeting.outcome_recorded',
        objectType: 'meeting',
        objectId: input.meeting,
        summary: { changes: { decisions: { from: before, to: after } } },
      });
    },
  }))!;
}

/**
 * The decision joins the outcome of the meeting, which every member of the meeting's format reads (and
 * the public, for a public meeting): a meeting may record a text only if its format admits no member the
 * text's format does not, or a text at 19 agreed at a meeting at 20 would reach the partner there.
 */
function refuseWiderMeeting(
  text: Text,
  meeting: { id: string; formatCode: string },
  formats: readonly { code: string; name: string; members: readonly string[] }[],
): void {
  const format = formats.find((f) => f.code === meeting.formatCode);
  const outside = (format?.members ?? []).filter((m) => !text.state.formatMembers.includes(m));
  if (outside.length === 0) return;
  const who = outside.join(', ');
  throw new AppError(
    'MEETING_WIDER_THAN_TEXT',
    `The meeting "${meeting.id}" is in ${format?.name ?? meeting.formatCode}, which admits ${who}, who ${outside.length === 1 ? 'is' : 'are'} not in the format of this text; agreeing it there would put its reference and title in that meeting's outcome before them. Record the agreement at a meeting in the text's format or a narrower one.`,
    [{ path: 'meeting', message: `admits ${who}, who are not in the text's format` }],
  );
}

/** The deadline step for one text, by the system: adopt if due, else nothing (see deadline-runner.ts). */
export async function reachDeadline(deps: TextServiceDeps, id: string, now: Date): Promise<ActResult | null> {
  const caller: Caller = { actor: { kind: 'system', name: 'deadlines' }, requestId: null };
  return act({ ...deps, now: () => now }, caller, id, {
    event: () => ({ type: 'deadlineReached', at: now.toISOString() }),
    tolerate: ['TEXT_ADOPTED', 'NOT_UNDER_SILENCE', 'DEADLINE_NOT_REACHED'],
  });
}
