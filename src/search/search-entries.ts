// What workspace search knows about each item: a title, a subtitle (kind, body, place…) and the words
// of its content. Pure: the item and the names it refers to in, the entry out. The entry also carries
// what `can` needs to decide on a hit (the format, public or not, a text's fixed members); it decides
// nothing itself.
import type { CalendarEvent } from '../calendar/model.ts';
import type { Meeting } from '../meetings/model.ts';
import type { Text } from '../texts/model.ts';
import { TEXT_KIND_LABELS } from '../texts/model.ts';
import type { Project } from '../work-programme/model.ts';

export const SEARCH_KINDS = ['meeting', 'event', 'project', 'text'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/**
 * The definition of the entries below. Raise it whenever what an entry holds changes: every server
 * then rebuilds the table once at start-up (ensureWorkspaceSearch), so old entries never linger.
 */
export const SEARCH_DEFINITION_VERSION = 1;

export interface SearchEntry {
  kind: SearchKind;
  itemId: string;
  formatCode: string;
  /** Texts only: the members of the format when the text was made (they decide who reads it). */
  formatMembers: readonly string[] | null;
  isPublic: boolean;
  title: string;
  subtitle: string;
  body: string;
  date: string | null;
  updatedAt: string;
}

/** Names an entry shows instead of codes. */
export interface EntryNames {
  body: string | null;
  series?: string | null;
}

const join = (parts: (string | null | undefined)[], separator = ' · ') =>
  parts.filter((p): p is string => !!p && p.trim() !== '').join(separator);
const place = (p: { name: string | null; city: string | null; country: string | null }) =>
  join([p.name, p.city, p.country], ', ');

export function meetingEntry(m: Meeting, names: EntryNames): SearchEntry {
  const agenda = m.agenda.flatMap((a) => [a.subjectArea, a.title, a.description, ...a.documents]);
  return {
    kind: 'meeting',
    itemId: m.id,
    formatCode: m.formatCode,
    formatMembers: null,
    isPublic: m.isPublic,
    title: m.title,
    subtitle: join([m.level, names.body, place(m.venue)]),
    body: join(
      [...new Set(agenda), m.outcome.summary, ...m.outcome.decisions, m.participants.map((p) => p.function).join('; ')],
      '\n',
    ),
    date: m.startsAt,
    updatedAt: m.updatedAt,
  };
}

export function eventEntry(e: CalendarEvent, names: EntryNames): SearchEntry {
  return {
    kind: 'event',
    itemId: e.id,
    formatCode: e.formatCode,
    formatMembers: null,
    isPublic: e.isPublic,
    title: e.title,
    subtitle: join([e.date.text, place(e.place), names.series, names.body]),
    body: e.description,
    date: e.date.startsOn,
    updatedAt: e.updatedAt,
  };
}

export function projectEntry(p: Project, names: EntryNames): SearchEntry {
  return {
    kind: 'project',
    itemId: p.id,
    formatCode: p.formatCode,
    formatMembers: null,
    isPublic: p.isPublic,
    title: p.title,
    subtitle: join([names.body, p.status]),
    body: join(
      [
        p.description,
        ...p.deliverables.flatMap((d) => [d.title, d.result]),
        ...p.progressReports.map((r) => r.summary),
      ],
      '\n',
    ),
    date: p.startsOn,
    updatedAt: p.updatedAt,
  };
}

/** A text is found by its title and the words of its current version. */
export function textEntry(t: Text, currentBody: string, names: EntryNames): SearchEntry {
  return {
    kind: 'text',
    itemId: t.id,
    formatCode: t.formatCode,
    formatMembers: [...t.state.formatMembers],
    isPublic: false,
    title: t.title,
    subtitle: join([TEXT_KIND_LABELS[t.kind], names.body, t.state.status.replace('_', ' ')]),
    body: currentBody,
    date: t.updatedAt,
    updatedAt: t.updatedAt,
  };
}
