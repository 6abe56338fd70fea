// API shapes of meetings with explicit field lists; names come from the reader's lookups.
import { bodyRef, formatRef, itemAbilities, memberRef, topicRef, type Lookups } from '../council/lookups.ts';
import type { Meeting } from './model.ts';
import { toZoned } from '../kernel/time/zoned-time.ts';

/** Start and end as wall-clock times in the meeting's own zone. */
export function localTimes(m: Pick<Meeting, 'startsAt' | 'endsAt' | 'timeZone'>) {
  const start = toZoned(m.startsAt, m.timeZone);
  const end = toZoned(m.endsAt, m.timeZone);
  return { date: start.date, start: start.time, end: end.time, endDate: end.date, offset: start.offset };
}

export const presentMeetingSummary = (m: Meeting, l: Lookups) => ({
  id: m.id,
  title: m.title,
  body: bodyRef(l, m.bodyCode),
  format: formatRef(l, m.formatCode),
  level: m.level,
  startsAt: m.startsAt,
  endsAt: m.endsAt,
  timeZone: m.timeZone,
  local: localTimes(m),
  venue: { name: m.venue.name, city: m.venue.city, country: m.venue.country },
  host: memberRef(l, m.hostMemberCode),
  status: m.status,
  public: m.isPublic,
  abilities: itemAbilities(l, 'meeting', m),
});

/** Agenda items grouped under their subject areas, in the order the areas first appear. */
function groupedAgenda(m: Meeting, l: Lookups) {
  const groups: {
    subjectArea: string;
    items: {
      id: string;
      title: string;
      description: string;
      topics: { code: string; name: string }[];
      documents: string[];
    }[];
  }[] = [];
  for (const a of m.agenda) {
    let group = groups.find((g) => g.subjectArea === a.subjectArea);
    if (!group) groups.push((group = { subjectArea: a.subjectArea, items: [] }));
    group.items.push({
      id: a.id,
      title: a.title,
      description: a.description,
      topics: a.topics.map((t) => topicRef(l, t)),
      documents: [...a.documents],
    });
  }
  return groups;
}

export const presentMeeting = (m: Meeting, l: Lookups) => ({
  ...presentMeetingSummary(m, l),
  agenda: groupedAgenda(m, l),
  participants: m.participants.map((p) => ({
    id: p.id,
    person: { id: p.personId, name: l.persons.get(p.personId)?.name ?? p.personId },
    member: memberRef(l, p.memberCode),
    function: p.function,
  })),
  outcome: { summary: m.outcome.summary, decisions: [...m.outcome.decisions] },
  updatedAt: m.updatedAt,
});
