// API shapes of texts and decisions with explicit field lists; names come from the reader's lookups
// (bodies only when the reader may see them).
import type { Actor } from '../kernel/access/can.ts';
import { bodyRef, formatRef, type Lookups } from '../council/lookups.ts';
import { toZoned } from '../kernel/time/zoned-time.ts';
import type { Decision, Text, TextPosition, TextVersion } from './model.ts';
import type { SilenceProcedure } from './procedure/types.ts';
import { mayRelease, textAbilities } from './text-abilities.ts';
import type { TextDetail } from './texts.queries.ts';
import { linkedMeeting } from './linked-meetings.ts';

const memberOf = (l: Lookups, code: string) => ({ code, name: l.members.get(code)?.name ?? code });

/** The display name of an audit name ('user:<id>'), or null when it is not known (a deleted account). */
type People = ReadonlyMap<string, string>;
const nameOf = (people: People, auditName: string) => people.get(auditName) ?? null;

const presentProcedure = (p: SilenceProcedure, people: People, l: Lookups) => ({
  sequence: p.sequence,
  version: p.version,
  openedAt: p.openedAt,
  openedBy: p.openedBy,
  openedByName: nameOf(people, p.openedBy),
  deadline: p.deadline,
  timeZone: p.timeZone,
  deadlineLocal: toZoned(p.deadline, p.timeZone),
  extensions: p.extensions.map((e) => ({ from: e.from, to: e.to, at: e.at, by: e.by, byName: nameOf(people, e.by) })),
  outcome: p.outcome,
  closedAt: p.closedAt,
  brokenBy: p.brokenBy
    ? {
        member: p.brokenBy.member,
        memberName: memberOf(l, p.brokenBy.member).name,
        statement: p.brokenBy.statement,
        at: p.brokenBy.at,
        by: p.brokenBy.by,
        byName: nameOf(people, p.brokenBy.by),
      }
    : null,
});

const presentDecisionRef = (d: Decision, meetings: ReadonlySet<string>) => ({
  reference: d.reference,
  adoptedAt: d.adoptedAt,
  how: d.how,
  meetingId: linkedMeeting(d.meetingId, meetings),
  procedure: d.procedure,
  recordedAt: d.recordedAt,
  version: d.version,
  released: d.releasedRecordItemSlug ? { slug: d.releasedRecordItemSlug, at: d.releasedAt } : null,
});

const presentPosition = (l: Lookups, people: People, p: TextPosition) => ({
  member: memberOf(l, p.memberCode),
  kind: p.kind,
  version: p.version,
  statement: p.statement,
  by: p.by,
  byName: nameOf(people, p.by),
  at: p.at,
});

export const presentTextSummary = (t: Text, l: Lookups, reference: string | null = null) => ({
  id: t.id,
  title: t.title,
  kind: t.kind,
  language: t.language,
  body: bodyRef(l, t.bodyCode),
  format: formatRef(l, t.formatCode),
  status: t.state.status,
  currentVersion: t.state.currentVersion,
  deadline: t.deadlineAt,
  // The zone the open deadline was given in, so lists can show it as the chair set it.
  deadlineTimeZone:
    t.deadlineAt && t.state.procedure && t.state.procedure.outcome === null ? t.state.procedure.timeZone : null,
  reference,
  updatedAt: t.updatedAt,
});

/**
 * `meetings`: the meetings linked from the text (where it was agreed) that the reader may read
 * (readableMeetings); any other is left out, as if the text named none.
 */
export function presentText(detail: TextDetail, l: Lookups, actor: Actor, now: Date, meetings: ReadonlySet<string>) {
  const { text: t, versions, positions, events, decision, languageVersions, people } = detail;
  const current = versions.find((v) => v.number === t.state.currentVersion);
  const open = t.state.procedure;
  return {
    ...presentTextSummary(t, l, decision?.reference ?? null),
    current: { number: t.state.currentVersion, text: current?.body ?? '' },
    versions: versions.map((v) => ({
      number: v.number,
      author: v.author,
      authorName: v.authorName,
      note: v.note,
      createdAt: v.createdAt,
      characters: v.body.length,
    })),
    positions: positions.map((p) => presentPosition(l, people, p)),
    reservations: Object.entries(t.state.reservations).map(([member, r]) => ({
      member: memberOf(l, member),
      reason: r.reason,
      placedAt: r.placedAt,
      placedBy: r.placedBy,
      placedByName: nameOf(people, r.placedBy),
    })),
    procedure: open ? presentProcedure(open, people, l) : null,
    history: t.state.history.map((p) => presentProcedure(p, people, l)),
    events: events.map((e) => {
      const { type, at, textId: _t, ...all } = e.effect;
      const { meetingId, ...rest } = all as typeof all & { meetingId?: string };
      const linked = linkedMeeting(meetingId, meetings);
      const details = linked ? { ...rest, meetingId: linked } : rest;
      return { seq: e.seq, type, at, by: 'by' in details ? details.by : null, recordedAt: e.recordedAt, details };
    }),
    decision: decision ? presentDecisionRef(decision, meetings) : null,
    languageVersions: languageVersions.map((v) => ({ id: v.id, language: v.language, title: v.title })),
    abilities: { ...textAbilities(actor, t, decision, now) },
    createdAt: t.createdAt,
  };
}

export const presentVersion = (v: TextVersion) => ({
  number: v.number,
  text: v.body,
  author: v.author,
  authorName: v.authorName,
  note: v.note,
  createdAt: v.createdAt,
});

export function presentDecision(
  d: Decision,
  t: Text,
  wording: string,
  positions: TextPosition[],
  l: Lookups,
  people: People,
  meetings: ReadonlySet<string>,
) {
  return {
    reference: d.reference,
    text: { id: t.id, title: t.title, kind: t.kind, language: t.language },
    body: bodyRef(l, t.bodyCode),
    format: formatRef(l, t.formatCode),
    version: d.version,
    wording,
    adoptedAt: d.adoptedAt,
    how: d.how,
    meetingId: linkedMeeting(d.meetingId, meetings),
    procedure: d.procedure,
    recordedAt: d.recordedAt,
    history: t.state.history.map((p) => presentProcedure(p, people, l)),
    positions: positions.map((p) => presentPosition(l, people, p)),
    released: d.releasedRecordItemSlug ? { slug: d.releasedRecordItemSlug, at: d.releasedAt } : null,
    abilities: { release: mayRelease(l.actor, t, d) },
  };
}
