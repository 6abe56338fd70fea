// The meeting form's state, its client-side checks and its translation to and from the API. Pure, so
// the rules read in one place: what the form sends is exactly meetingCreate / meetingPatch + the
// agenda, participants, outcome and status writes (src/meetings/meetings.schemas.ts).
import type { Meeting, MeetingStatus } from '../../components/meetings/types.ts';

export interface AgendaDraft {
  key: string;
  subjectArea: string;
  title: string;
  description: string;
  topics: string[];
  /** Document references, separated by commas. */
  documents: string;
}
export interface ParticipantDraft {
  key: string;
  person: string;
  member: string;
  function: string;
}
export interface Draft {
  body: string;
  /** '' = the body's own format. */
  format: string;
  title: string;
  level: string;
  /** Local date-time in timeZone, as <input type="datetime-local"> gives it: "2002-09-25T08:30". */
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venueName: string;
  venueCity: string;
  venueCountry: string;
  host: string;
  status: MeetingStatus;
  public: boolean;
  agenda: AgendaDraft[];
  participants: ParticipantDraft[];
  summary: string;
  /** One decision per line. */
  decisions: string;
}

let counter = 0;
export const newKey = () => `k${(counter += 1)}`;

export const emptyAgendaItem = (subjectArea = ''): AgendaDraft => ({
  key: newKey(),
  subjectArea,
  title: '',
  description: '',
  topics: [],
  documents: '',
});
export const emptyParticipant = (): ParticipantDraft => ({ key: newKey(), person: '', member: '', function: '' });

export function emptyDraft(): Draft {
  return {
    body: '',
    format: '',
    title: '',
    level: '',
    startsAt: '',
    endsAt: '',
    timeZone: 'Europe/Brussels',
    venueName: '',
    venueCity: '',
    venueCountry: '',
    host: '',
    status: 'planned',
    public: false,
    agenda: [],
    participants: [],
    summary: '',
    decisions: '',
  };
}

export function draftFrom(m: Meeting): Draft {
  return {
    body: m.body?.code ?? '',
    format: m.format.code,
    title: m.title,
    level: m.level,
    startsAt: `${m.local.date}T${m.local.start}`,
    endsAt: `${m.local.endDate}T${m.local.end}`,
    timeZone: m.timeZone,
    venueName: m.venue.name ?? '',
    venueCity: m.venue.city ?? '',
    venueCountry: m.venue.country ?? '',
    host: m.host?.code ?? '',
    status: m.status,
    public: m.public,
    agenda: m.agenda.flatMap((g) =>
      g.items.map((i) => ({
        key: newKey(),
        subjectArea: g.subjectArea,
        title: i.title,
        description: i.description,
        topics: i.topics.map((t) => t.code),
        documents: i.documents.join(', '),
      })),
    ),
    participants: m.participants.map((p) => ({
      key: newKey(),
      person: p.person.id,
      member: p.member?.code ?? '',
      function: p.function,
    })),
    summary: m.outcome.summary,
    decisions: m.outcome.decisions.join('\n'),
  };
}

/** Field path → problem ("is required"), in the server's dotted form: "agenda.0.title". */
export type FieldErrors = Record<string, string>;

/** The obvious checks, made before anything is sent: required fields, the end after the start. */
export function checkDraft(d: Draft): FieldErrors {
  const e: FieldErrors = {};
  if (!d.body) e.body = 'is required: choose the body that meets';
  if (!d.title.trim()) e.title = 'is required';
  if (!d.level.trim()) e.level = 'is required, e.g. "Defence Ministers"';
  if (!d.startsAt) e.startsAt = 'is required: a date and a time';
  if (!d.endsAt) e.endsAt = 'is required: a date and a time';
  if (d.startsAt && d.endsAt && d.endsAt <= d.startsAt) e.endsAt = 'must be later than the start';
  if (!d.timeZone) e.timeZone = 'is required';
  d.agenda.forEach((a, i) => {
    if (!a.subjectArea.trim()) e[`agenda.${i}.subjectArea`] = 'is required';
    if (!a.title.trim()) e[`agenda.${i}.title`] = 'is required';
  });
  d.participants.forEach((p, i) => {
    if (!p.person) e[`participants.${i}.person`] = 'is required: choose a person';
    if (!p.function.trim()) e[`participants.${i}.function`] = 'is required, e.g. "Minister of Defence"';
  });
  if (d.status === 'record_approved' && !d.summary.trim())
    e['outcome.summary'] = 'is required before the record is approved';
  return e;
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);
const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export const agendaPayload = (d: Draft) =>
  d.agenda.map((a) => ({
    subjectArea: a.subjectArea.trim(),
    title: a.title.trim(),
    description: a.description,
    topics: a.topics,
    documents: a.documents
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  }));
export const participantsPayload = (d: Draft) =>
  d.participants.map((p) => ({ person: p.person, member: p.member || null, function: p.function.trim() }));
export const outcomePayload = (d: Draft) => ({ summary: d.summary, decisions: lines(d.decisions) });

/** The meeting's own fields (PATCH /meetings/:id; with `format` left out when it follows the body). */
export function fieldsPayload(d: Draft) {
  return {
    body: d.body,
    ...(d.format ? { format: d.format } : {}),
    title: d.title.trim(),
    level: d.level.trim(),
    startsAt: d.startsAt,
    endsAt: d.endsAt,
    timeZone: d.timeZone,
    venue: { name: orNull(d.venueName), city: orNull(d.venueCity), country: orNull(d.venueCountry) },
    host: d.host || null,
    public: d.public,
  };
}

/** POST /meetings: the whole meeting in one write. */
export function createPayload(d: Draft) {
  return {
    ...fieldsPayload(d),
    status: d.status,
    agenda: agendaPayload(d),
    participants: participantsPayload(d),
    outcome: outcomePayload(d),
  };
}

/** The server names fields "agenda[0].title"; the form uses "agenda.0.title". `prefix` re-roots a sub-write's paths. */
export function normalisePath(path: string, prefix: { from: string; to: string } | null = null): string {
  let p = path.replace(/\[(\d+)\]/g, '.$1');
  if (prefix && (p === prefix.from || p.startsWith(`${prefix.from}.`))) p = prefix.to + p.slice(prefix.from.length);
  else if (prefix && prefix.from === '') p = `${prefix.to}.${p}`;
  return p;
}

const NAMES: Record<string, string> = {
  body: 'Body',
  format: 'Format',
  title: 'Title',
  level: 'Level',
  startsAt: 'Start',
  endsAt: 'End',
  timeZone: 'Time zone',
  'venue.name': 'Venue name',
  'venue.city': 'City',
  'venue.country': 'Country',
  host: 'Host member',
  status: 'Status',
  public: 'Public',
  'outcome.summary': 'Outcome summary',
  'outcome.decisions': 'Decisions',
};
const PART_NAMES: Record<string, string> = {
  subjectArea: 'subject area',
  title: 'title',
  description: 'description',
  topics: 'topics',
  documents: 'documents',
  person: 'person',
  member: 'member',
  function: 'function',
};

/** "agenda.1.title" → "Agenda item 2, title"; "endsAt" → "End". */
export function fieldName(path: string): string {
  if (NAMES[path]) return NAMES[path];
  const m = /^(agenda|participants)\.(\d+)(?:\.(\w+))?/.exec(path);
  if (m) {
    const what = m[1] === 'agenda' ? 'Agenda item' : 'Participant';
    return `${what} ${Number(m[2]) + 1}${m[3] ? `, ${PART_NAMES[m[3]] ?? m[3]}` : ''}`;
  }
  if (path.startsWith('outcome.decisions')) return 'Decisions';
  return path;
}

/** The error of a field, or of anything inside it ("agenda.0.topics" also shows "agenda.0.topics.2"). */
export function errorOf(errors: FieldErrors, path: string): string | undefined {
  const own = errors[path];
  if (own) return own;
  const inner = Object.keys(errors).find((k) => k.startsWith(`${path}.`));
  return inner ? errors[inner] : undefined;
}
