// API shapes of calendar events with explicit field lists; names come from the reader's lookups, and
// linked projects are listed only when the reader may see them.
import { bodyRef, formatRef, itemAbilities, memberRef, topicRef, type Lookups } from '../council/lookups.ts';
import { ordinalAsSeen, seriesPhrase } from './event-rules.ts';
import type { CalendarEvent, EventSeries } from './model.ts';

export const presentSeries = (s: EventSeries) => ({ code: s.code, name: s.name, description: s.description });

/** Series code → ordinals of its events the reader may not see (hiddenSeriesOrdinals). */
export type HiddenOrdinals = ReadonlyMap<string, readonly number[]>;

const seriesOf = (e: CalendarEvent, series: Map<string, EventSeries>, hidden: HiddenOrdinals) => {
  if (!e.series) return null;
  const ordinal = ordinalAsSeen(e.series.ordinal, hidden.get(e.series.code) ?? []);
  return {
    code: e.series.code,
    name: series.get(e.series.code)?.name ?? e.series.code,
    ordinal,
    phrase: seriesPhrase(ordinal),
  };
};

export const presentEventSummary = (
  e: CalendarEvent,
  l: Lookups,
  series: Map<string, EventSeries>,
  hidden: HiddenOrdinals,
) => ({
  id: e.id,
  kind: e.kind,
  title: e.title,
  date: { text: e.date.text, precision: e.date.precision, startsOn: e.date.startsOn, endsOn: e.date.endsOn },
  place: { name: e.place.name, city: e.place.city, country: e.place.country },
  host: memberRef(l, e.hostMemberCode),
  series: seriesOf(e, series, hidden),
  status: e.status,
  body: bodyRef(l, e.bodyCode),
  format: formatRef(l, e.formatCode),
  public: e.isPublic,
  topics: e.topics.map((t) => topicRef(l, t)),
  abilities: itemAbilities(l, 'event', e),
});

export const presentEvent = (
  e: CalendarEvent,
  l: Lookups,
  series: Map<string, EventSeries>,
  visibleProjects: Map<string, { id: string; title: string }>,
  hidden: HiddenOrdinals,
) => ({
  ...presentEventSummary(e, l, series, hidden),
  description: e.description,
  projects: e.projects.flatMap((id) => {
    const project = visibleProjects.get(id);
    return project ? [{ id: project.id, title: project.title }] : [];
  }),
  updatedAt: e.updatedAt,
});
