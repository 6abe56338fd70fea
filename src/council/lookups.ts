// Names for presenters (bodies, formats, members, persons, topics), loaded once per request. Bodies
// are the ones the reader may see, so an item never names a body its reader could not open.
import type { Actor } from '../kernel/access/can.ts';
import { abilitiesOn, type Abilities } from '../kernel/access/abilities.ts';
import { visibleBodies } from './council.queries.ts';
import type { Body, Format, Member, Person, Topic } from './model.ts';
import type { Executor } from '../kernel/db/executor.ts';
import { listFormats } from './repositories/formats.repository.ts';
import { listMembers } from './repositories/members.repository.ts';
import { listPersons } from './repositories/persons.repository.ts';
import { listTopics } from './repositories/topics.repository.ts';
import { formatMembersByCode } from '../kernel/access/visibility.ts';

export interface Lookups {
  /** The reader, for the abilities carried on each item. */
  actor: Actor;
  formats: Map<string, Format>;
  formatMembers: Map<string, readonly string[]>;
  visibleBodies: Map<string, Body>;
  members: Map<string, Member>;
  persons: Map<string, Person>;
  topics: Map<string, Topic>;
}

/** Everything the presenters and `can` need for one reader, in five queries. */
export async function loadLookups(db: Executor, actor: Actor): Promise<Lookups> {
  const [formats, bodies, members, persons, topics] = await Promise.all([
    listFormats(db),
    visibleBodies(db, actor),
    listMembers(db),
    listPersons(db),
    listTopics(db),
  ]);
  return {
    actor,
    formats: new Map(formats.map((f) => [f.code, f])),
    formatMembers: formatMembersByCode(formats),
    visibleBodies: new Map(bodies.map((b) => [b.code, b])),
    members: new Map(members.map((m) => [m.code, m])),
    persons: new Map(persons.map((p) => [p.id, p])),
    topics: new Map(topics.map((t) => [t.code, t])),
  };
}

/** What the reader may do with an item of a format (meetings, projects, events). */
export const itemAbilities = (
  l: Lookups,
  type: 'meeting' | 'project' | 'event',
  item: { formatCode: string; isPublic: boolean },
): Abilities =>
  abilitiesOn(l.actor, { type, formatMembers: l.formatMembers.get(item.formatCode) ?? [], isPublic: item.isPublic });

/** { code, name } of a visible body, or null. */
export const bodyRef = (l: Lookups, code: string | null) => {
  const body = code ? l.visibleBodies.get(code) : undefined;
  return body ? { code: body.code, name: body.name } : null;
};
export const formatRef = (l: Lookups, code: string) => ({ code, name: l.formats.get(code)?.name ?? code });
export const memberRef = (l: Lookups, code: string | null) =>
  code ? { code, name: l.members.get(code)?.name ?? code } : null;
export const topicRef = (l: Lookups, code: string) => ({ code, name: l.topics.get(code)?.name ?? code });

/** Whether every word of `q` occurs (case-insensitively) in one of `fields`. */
export function matchesWords(q: string | undefined, fields: (string | null | undefined)[]): boolean {
  if (!q || q.trim() === '') return true;
  const haystack = fields.filter(Boolean).join(' \u0000 ').toLocaleLowerCase('en');
  return q
    .toLocaleLowerCase('en')
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
