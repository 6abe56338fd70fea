// Writes to meetings. Each function checks references and rules, refuses with a catalogued error
// naming the field, and writes through `auditedWrite`: the change and its audit event commit together.
// A write that changes nothing writes nothing and records nothing.
import { randomUUID } from 'node:crypto';
import { auditedWrite, type Tx, type WriteContext, type WriteOutcome } from '../kernel/audit/audited-write.ts';
import type { AuditAction } from '../kernel/audit/audit-actions.ts';
import { diffFields } from '../kernel/diff.ts';
import { findBody } from '../council/repositories/bodies.repository.ts';
import { unknownMemberCodes } from '../council/repositories/members.repository.ts';
import { findPerson } from '../council/repositories/persons.repository.ts';
import { unknownTopicCodes } from '../council/repositories/topics.repository.ts';
import type { Database } from '../kernel/db/connect.ts';
import { AppError, notFound, type ErrorDetail } from '../kernel/errors.ts';
import { refuseInvalid, refuseUnknown } from '../kernel/access/visibility.ts';
import { findPlacement, formatBeyondBody } from './item-placement.ts';
import { statusProblem, transitionProblem, type MeetingStatus } from './meeting-status.ts';
import * as repo from './meetings.repository.ts';
import type { AgendaItemIn, MeetingCreate, MeetingPatch, OutcomeIn, ParticipantIn } from './meetings.schemas.ts';
import { meetingContent, type AgendaItem, type Meeting, type Participant } from './model.ts';
import { topicOrdering } from './topic-order.ts';
import { parseZonedTime } from '../kernel/time/zoned-time.ts';

// Keeps the id of an item whose identity (by position) did not change, so a repeated save is no change.
function keepIds<T extends { id: string }>(
  current: readonly T[],
  next: Omit<T, 'id'>[],
  same: (a: T, b: Omit<T, 'id'>) => boolean,
): T[] {
  return next.map(
    (item, i) => ({ ...item, id: current[i] && same(current[i], item) ? current[i].id : randomUUID() }) as T,
  );
}

const toAgenda = (current: readonly AgendaItem[], items: AgendaItemIn[]): AgendaItem[] =>
  keepIds(
    current,
    items.map((a) => ({
      subjectArea: a.subjectArea,
      title: a.title,
      description: a.description,
      topics: [...a.topics],
      documents: [...a.documents],
    })),
    (a, b) => a.subjectArea === b.subjectArea && a.title === b.title,
  );
const toParticipants = (current: readonly Participant[], people: ParticipantIn[]): Participant[] =>
  keepIds(
    current,
    people.map((p) => ({ personId: p.person, memberCode: p.member, function: p.function })),
    (a, b) => a.personId === b.personId && a.function === b.function,
  );

// Every reference a meeting makes, checked at once so that one answer names every missing item.
async function checkReferences(tx: Tx, m: Meeting): Promise<void> {
  const problems: (ErrorDetail | null)[] = [];
  const placement = await findPlacement(tx, m, problems);
  if (m.hostMemberCode && (await unknownMemberCodes(tx, [m.hostMemberCode])).length)
    problems.push({ path: 'host', message: `no member "${m.hostMemberCode}"` });
  const topicCodes = [...new Set(m.agenda.flatMap((a) => a.topics))];
  const unknownTopics = await unknownTopicCodes(tx, topicCodes);
  m.agenda.forEach((a, i) =>
    a.topics.forEach(
      (t, j) =>
        unknownTopics.includes(t) && problems.push({ path: `agenda[${i}].topics[${j}]`, message: `no topic "${t}"` }),
    ),
  );
  const unknownMembers = await unknownMemberCodes(
    tx,
    m.participants.flatMap((p) => (p.memberCode ? [p.memberCode] : [])),
  );
  for (const [i, p] of m.participants.entries()) {
    if (!(await findPerson(tx, p.personId)))
      problems.push({ path: `participants[${i}].person`, message: `no person "${p.personId}"` });
    if (p.memberCode && unknownMembers.includes(p.memberCode))
      problems.push({ path: `participants[${i}].member`, message: `no member "${p.memberCode}"` });
  }
  refuseUnknown(problems);
  refuseInvalid([await formatBeyondBody(tx, placement)]);
}

function parseTimes(
  input: { startsAt?: string; endsAt?: string; timeZone?: string },
  current: Meeting | null,
): Pick<Meeting, 'startsAt' | 'endsAt' | 'timeZone'> {
  const timeZone = input.timeZone ?? current?.timeZone ?? 'UTC';
  const problems: ErrorDetail[] = [];
  const read = (field: 'startsAt' | 'endsAt'): string => {
    const value = input[field];
    if (value === undefined) return current?.[field] ?? '';
    const parsed = parseZonedTime(value, timeZone);
    if (!parsed.ok) problems.push({ path: field, message: parsed.message });
    return parsed.ok ? parsed.instant : '';
  };
  const startsAt = read('startsAt');
  const endsAt = read('endsAt');
  if (problems.length === 0 && endsAt <= startsAt)
    problems.push({ path: 'endsAt', message: 'must be later than startsAt' });
  refuseInvalid(problems);
  return { startsAt, endsAt, timeZone };
}

async function writeMeeting(
  database: Database,
  ctx: WriteContext,
  spec: {
    id: string;
    mode: 'create' | 'update' | 'upsert';
    action: (isNew: boolean) => AuditAction;
    build: (current: Meeting | null, tx: Tx) => Promise<Meeting>;
  },
): Promise<WriteOutcome<Meeting>> {
  return auditedWrite(
    database,
    ctx,
    async (tx, audit) => {
      const current = await repo.findMeeting(tx, spec.id);
      if (current && spec.mode === 'create')
        throw new AppError('ALREADY_EXISTS', `A meeting "${spec.id}" already exists.`, [
          { path: 'id', message: 'is already used' },
        ]);
      if (!current && spec.mode === 'update') throw notFound('meeting', spec.id);
      const built = await spec.build(current, tx);
      const ordered = await topicOrdering(tx);
      const next = { ...built, agenda: built.agenda.map((a) => ({ ...a, topics: ordered(a.topics) })) };
      await checkReferences(tx, next);
      const now = ctx.now.toISOString();
      if (current) {
        const changes = diffFields(meetingContent(current), meetingContent(next));
        if (Object.keys(changes).length === 0) return { item: current, changed: false };
        await repo.saveMeeting(tx, next, now, false);
        audit.record({ action: spec.action(false), objectType: 'meeting', objectId: spec.id, summary: { changes } });
      } else {
        await repo.saveMeeting(tx, next, now, true);
        audit.record({
          action: spec.action(true),
          objectType: 'meeting',
          objectId: spec.id,
          summary: { created: meetingContent(next) },
        });
      }
      return { item: { ...next, updatedAt: now }, changed: true };
    },
    { allowNoEvent: true },
  );
}

/** Creates ('create'), changes ('update') or creates-or-changes ('upsert', for the demo) a meeting. */
export async function saveMeeting(
  database: Database,
  ctx: WriteContext,
  id: string | null,
  input: MeetingCreate | MeetingPatch,
  mode: 'create' | 'update' | 'upsert',
): Promise<WriteOutcome<Meeting>> {
  const meetingId = id ?? randomUUID();
  // A create (or the demo's upsert) brings the whole meeting; a PATCH (strict, no status) only its own
  // fields: agenda, participants, outcome and status have their own audited writes below.
  const full = 'status' in input ? input : null;
  return writeMeeting(database, ctx, {
    id: meetingId,
    mode,
    action: (isNew) => (isNew ? 'meeting.created' : 'meeting.updated'),
    build: async (current, tx) => {
      const bodyCode = input.body ?? current?.bodyCode;
      const level = input.level ?? current?.level;
      refuseInvalid([
        !bodyCode ? { path: 'body', message: 'is required' } : null,
        !level ? { path: 'level', message: 'is required' } : null,
      ]);
      const body = await findBody(tx, bodyCode!);
      // The format follows the body unless given: a meeting of the NAC is "at 19" like the NAC.
      const formatCode =
        input.format ??
        (input.body !== undefined && input.body !== current?.bodyCode ? body?.formatCode : current?.formatCode) ??
        body?.formatCode ??
        '';
      const next: Meeting = {
        id: meetingId,
        bodyCode: bodyCode!,
        formatCode,
        title: input.title ?? current?.title ?? `${body?.name ?? bodyCode}, ${level}`,
        level: level!,
        ...parseTimes(input, current),
        venue: input.venue ?? current?.venue ?? { name: null, city: null, country: null },
        hostMemberCode: input.host !== undefined ? input.host : (current?.hostMemberCode ?? null),
        status: full?.status ?? current?.status ?? 'planned',
        outcome: full
          ? { summary: full.outcome.summary, decisions: [...full.outcome.decisions] }
          : (current?.outcome ?? { summary: '', decisions: [] }),
        isPublic: input.public ?? current?.isPublic ?? false,
        agenda: full ? toAgenda(current?.agenda ?? [], full.agenda) : (current?.agenda ?? []),
        participants: full
          ? toParticipants(current?.participants ?? [], full.participants)
          : (current?.participants ?? []),
        updatedAt: current?.updatedAt ?? '',
      };
      refuseInvalid([
        statusProblem({ status: next.status, startsAt: next.startsAt, outcomeSummary: next.outcome.summary }, ctx.now),
      ]);
      return next;
    },
  });
}

/** Replaces a meeting's agenda (items grouped by their subject area, in the order given). */
export async function setAgenda(
  database: Database,
  ctx: WriteContext,
  id: string,
  items: AgendaItemIn[],
): Promise<WriteOutcome<Meeting>> {
  return writeMeeting(database, ctx, {
    id,
    mode: 'update',
    action: () => 'meeting.agenda_set',
    build: async (current) => ({ ...current!, agenda: toAgenda(current!.agenda, items) }),
  });
}

/** Replaces a meeting's participants (person, member, function). */
export async function setParticipants(
  database: Database,
  ctx: WriteContext,
  id: string,
  people: ParticipantIn[],
): Promise<WriteOutcome<Meeting>> {
  return writeMeeting(database, ctx, {
    id,
    mode: 'update',
    action: () => 'meeting.participants_set',
    build: async (current) => ({ ...current!, participants: toParticipants(current!.participants, people) }),
  });
}

/** Records a meeting's outcome (summary and decisions); an approved record cannot lose its summary. */
export async function recordOutcome(
  database: Database,
  ctx: WriteContext,
  id: string,
  outcome: OutcomeIn,
): Promise<WriteOutcome<Meeting>> {
  return writeMeeting(database, ctx, {
    id,
    mode: 'update',
    action: () => 'meeting.outcome_recorded',
    build: async (current) => {
      const next = { ...current!, outcome: { summary: outcome.summary, decisions: [...outcome.decisions] } };
      refuseInvalid([
        statusProblem({ status: next.status, startsAt: next.startsAt, outcomeSummary: next.outcome.summary }, ctx.now),
      ]);
      return next;
    },
  });
}

/** Moves a meeting one step: planned → held → record approved (see meeting-status.ts). */
export async function changeStatus(
  database: Database,
  ctx: WriteContext,
  id: string,
  status: MeetingStatus,
): Promise<WriteOutcome<Meeting>> {
  return writeMeeting(database, ctx, {
    id,
    mode: 'update',
    action: () => 'meeting.status_changed',
    build: async (current) => {
      const problem = transitionProblem(
        { status: current!.status, startsAt: current!.startsAt, outcomeSummary: current!.outcome.summary },
        status,
        ctx.now,
      );
      if (problem)
        throw new AppError(
          'INVALID_TRANSITION',
          `The meeting cannot change status: ${problem.path} ${problem.message}.`,
          [problem],
        );
      return { ...current!, status };
    },
  });
}

/** Deletes a meeting with its agenda and participants. */
export async function deleteMeeting(database: Database, ctx: WriteContext, id: string): Promise<void> {
  await auditedWrite(database, ctx, async (tx, audit) => {
    const current = await repo.findMeeting(tx, id);
    if (!current) throw notFound('meeting', id);
    await repo.deleteMeeting(tx, id);
    audit.record({
      action: 'meeting.deleted',
      objectType: 'meeting',
      objectId: id,
      summary: { deleted: meetingContent(current) },
    });
  });
}
