// Writes to the calendar through `auditedWrite`: events and their series. Each checks references and
// rules, refuses with a catalogued error naming the field, and records its audit event in the same
// transaction; a write that changes nothing writes nothing.
import { randomUUID } from 'node:crypto';
import { auditedWrite, type Tx, type WriteContext, type WriteOutcome } from '../kernel/audit/audited-write.ts';
import { diffFields } from '../kernel/diff.ts';
import { findBody } from '../council/repositories/bodies.repository.ts';
import { unknownMemberCodes } from '../council/repositories/members.repository.ts';
import { unknownTopicCodes } from '../council/repositories/topics.repository.ts';
import { refuseInvalid, refuseUnknown } from '../kernel/access/visibility.ts';
import { findPlacement, formatBeyondBody } from '../meetings/item-placement.ts';
import type { Database } from '../kernel/db/connect.ts';
import { AppError, notFound, type ErrorDetail } from '../kernel/errors.ts';
import { parseEventDate, type EventDate } from './event-dates.ts';
import { eventStatusProblem, nextOrdinal } from './event-rules.ts';
import { topicOrdering } from '../meetings/topic-order.ts';
import * as repo from './events.repository.ts';
import type { EventCreate, EventPatch, SeriesCreate, SeriesPatch } from './events.schemas.ts';
import { eventContent, type CalendarEvent, type EventSeries } from './model.ts';

async function checkEvent(tx: Tx, e: CalendarEvent, now: Date): Promise<void> {
  const problems: (ErrorDetail | null)[] = [];
  const placement = await findPlacement(tx, e, problems);
  if (e.hostMemberCode && (await unknownMemberCodes(tx, [e.hostMemberCode])).length)
    problems.push({ path: 'host', message: `no member "${e.hostMemberCode}"` });
  if (e.series && !(await repo.findSeries(tx, e.series.code)))
    problems.push({ path: 'series.code', message: `no series "${e.series.code}"` });
  const unknownTopics = await unknownTopicCodes(tx, e.topics);
  e.topics.forEach(
    (t, i) => unknownTopics.includes(t) && problems.push({ path: `topics[${i}]`, message: `no topic "${t}"` }),
  );
  const projects = e.projects.length
    ? await tx.selectFrom('projects').select('id').where('id', 'in', e.projects).execute()
    : [];
  e.projects.forEach(
    (p, i) =>
      !projects.some((r) => r.id === p) && problems.push({ path: `projects[${i}]`, message: `no project "${p}"` }),
  );
  refuseUnknown(problems);
  refuseInvalid([await formatBeyondBody(tx, placement), eventStatusProblem(e.status, e.date.startsOn, now)]);
  if (e.series && (await repo.seriesOrdinals(tx, e.series.code, e.id)).includes(e.series.ordinal)) {
    throw new AppError(
      'ALREADY_EXISTS',
      `The series "${e.series.code}" already has an event number ${e.series.ordinal}.`,
      [{ path: 'series.ordinal', message: 'is already used in this series' }],
    );
  }
}

function readDate(value: string): EventDate {
  const parsed = parseEventDate(value);
  if (parsed.ok) return parsed.date;
  throw new AppError('VALIDATION_FAILED', `The request is not valid: date ${parsed.message}.`, [
    { path: 'date', message: parsed.message },
  ]);
}

/** Creates, changes or upserts (demo) an event; the date is read with its precision (event-dates.ts). */
export async function saveEvent(
  database: Database,
  ctx: WriteContext,
  id: string | null,
  input: EventCreate | EventPatch,
  mode: 'create' | 'update' | 'upsert',
): Promise<WriteOutcome<CalendarEvent>> {
  const eventId = id ?? randomUUID();
  return auditedWrite(
    database,
    ctx,
    async (tx, audit) => {
      const current = await repo.findEvent(tx, eventId);
      if (current && mode === 'create')
        throw new AppError('ALREADY_EXISTS', `An event "${eventId}" already exists.`, [
          { path: 'id', message: 'is already used' },
        ]);
      if (!current && mode === 'update') throw notFound('event', eventId);
      const missing: ErrorDetail[] = (['kind', 'title', 'date'] as const)
        .filter((f) => input[f] === undefined && !current)
        .map((f) => ({ path: f, message: 'is required' }));
      const bodyCode = input.body !== undefined ? input.body : (current?.bodyCode ?? null);
      const body = bodyCode ? await findBody(tx, bodyCode) : null;
      const formatCode =
        input.format ??
        (input.body !== undefined && input.body !== current?.bodyCode ? body?.formatCode : current?.formatCode) ??
        body?.formatCode;
      if (!formatCode && !(bodyCode && !body))
        missing.push({ path: 'format', message: 'is required when the event has no body' });
      refuseInvalid(missing);
      let series = input.series !== undefined ? input.series : (current?.series ?? null);
      if (series && series.ordinal === undefined)
        series = {
          code: series.code,
          ordinal:
            current?.series?.code === series.code
              ? current.series.ordinal
              : nextOrdinal(await repo.seriesOrdinals(tx, series.code, eventId)),
        };
      const ordered = await topicOrdering(tx);
      const next: CalendarEvent = {
        id: eventId,
        kind: input.kind ?? current!.kind,
        title: input.title ?? current!.title,
        description: input.description ?? current?.description ?? '',
        date: input.date !== undefined ? readDate(input.date) : current!.date,
        place: input.place ?? current?.place ?? { name: null, city: null, country: null },
        hostMemberCode: input.host !== undefined ? input.host : (current?.hostMemberCode ?? null),
        series: series ? { code: series.code, ordinal: series.ordinal! } : null,
        status: input.status ?? current?.status ?? 'planned',
        bodyCode,
        formatCode: formatCode ?? '',
        isPublic: input.public ?? current?.isPublic ?? false,
        topics: ordered(input.topics ?? current?.topics ?? []),
        projects: [...(input.projects ?? current?.projects ?? [])].sort(),
        updatedAt: current?.updatedAt ?? '',
      };
      await checkEvent(tx, next, ctx.now);
      const now = ctx.now.toISOString();
      if (current) {
        const changes = diffFields(eventContent(current), eventContent(next));
        if (Object.keys(changes).length === 0) return { item: current, changed: false };
        await repo.saveEvent(tx, next, now, false);
        audit.record({ action: 'event.updated', objectType: 'event', objectId: eventId, summary: { changes } });
      } else {
        await repo.saveEvent(tx, next, now, true);
        audit.record({
          action: 'event.created',
          objectType: 'event',
          objectId: eventId,
          summary: { created: eventContent(next) },
        });
      }
      return { item: { ...next, updatedAt: now }, changed: true };
    },
    { allowNoEvent: true },
  );
}

/** Deletes an event with its topic and project links. */
export async function deleteEvent(database: Database, ctx: WriteContext, id: string): Promise<void> {
  await auditedWrite(database, ctx, async (tx, audit) => {
    const current = await repo.findEvent(tx, id);
    if (!current) throw notFound('event', id);
    await repo.deleteEvent(tx, id);
    audit.record({
      action: 'event.deleted',
      objectType: 'event',
      objectId: id,
      summary: { deleted: eventContent(current) },
    });
  });
}

/** Creates, changes or upserts a series of events ("the second in a series"). */
export async function saveSeries(
  database: Database,
  ctx: WriteContext,
  code: string,
  input: SeriesCreate | SeriesPatch,
  mode: 'create' | 'update' | 'upsert',
): Promise<WriteOutcome<EventSeries>> {
  return auditedWrite(
    database,
    ctx,
    async (tx, audit) => {
      const current = await repo.findSeries(tx, code);
      if (current && mode === 'create')
        throw new AppError('ALREADY_EXISTS', `A series "${code}" already exists.`, [
          { path: 'code', message: 'is already used' },
        ]);
      if (!current && mode === 'update') throw notFound('series', code);
      const next: EventSeries = {
        code,
        name: input.name ?? current?.name ?? '',
        description: input.description ?? current?.description ?? '',
      };
      refuseInvalid([next.name ? null : { path: 'name', message: 'is required' }]);
      if (await repo.seriesNameTaken(tx, next.name, code))
        throw new AppError('ALREADY_EXISTS', `Another series is already named "${next.name}".`, [
          { path: 'name', message: 'is already used' },
        ]);
      const now = ctx.now.toISOString();
      if (current) {
        const changes = diffFields(current, next);
        if (Object.keys(changes).length === 0) return { item: current, changed: false };
        await repo.saveSeries(tx, next, now, false);
        audit.record({
          action: 'event_series.updated',
          objectType: 'event_series',
          objectId: code,
          summary: { changes },
        });
      } else {
        await repo.saveSeries(tx, next, now, true);
        audit.record({
          action: 'event_series.created',
          objectType: 'event_series',
          objectId: code,
          summary: { created: next },
        });
      }
      return { item: next, changed: true };
    },
    { allowNoEvent: true },
  );
}
