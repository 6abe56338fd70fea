// What a change of a format's members means, in words: who is added and removed, and what they gain or
// lose — the format's items that are not public (public ones are seen by everyone anyway). Texts keep
// the members their format had when each was created, so a change does not reach them. Pure.
import type { FormatUsage } from './model.ts';

export interface MembersChange {
  added: string[];
  removed: string[];
}

/** The members added and removed, in the order of `all` (seating order). */
export function membersChange(
  before: readonly string[],
  after: readonly string[],
  all: readonly string[],
): MembersChange {
  return {
    added: all.filter((c) => after.includes(c) && !before.includes(c)),
    removed: all.filter((c) => before.includes(c) && !after.includes(c)),
  };
}

/** "Poland", "Poland and Norway", "Poland, Norway and Spain". */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const count = (n: number, one: string, many: string) => `${n === 0 ? 'no' : n} ${n === 1 ? one : many}`;

/** "1 meeting, no projects, 2 events and 1 body": the format's items that are not public. */
export function restrictedItems(u: FormatUsage): string {
  return andList([
    count(u.meetings.total - u.meetings.public, 'meeting', 'meetings'),
    count(u.projects.total - u.projects.public, 'project', 'projects'),
    count(u.events.total - u.events.public, 'event', 'events'),
    count(u.bodies.total - u.bodies.public, 'body', 'bodies'),
  ]);
}

/** How many of the format's meetings, projects, events and bodies are public. */
export const publicItems = (u: FormatUsage) =>
  u.meetings.public + u.projects.public + u.events.public + u.bodies.public;

/** The sentences of the confirmation, one per line. */
export function changeSentences(
  change: MembersChange,
  usage: FormatUsage,
  nameOf: (code: string) => string,
): { added: string | null; removed: string | null; publicNote: string | null; texts: string } {
  const items = restrictedItems(usage);
  const isAre = (list: string[]) => (list.length === 1 ? 'is' : 'are');
  const its = (list: string[]) => (list.length === 1 ? 'its delegation' : 'their delegations');
  const pub = publicItems(usage);
  return {
    added: change.added.length
      ? `${andList(change.added.map(nameOf))} ${isAre(change.added)} added: ${its(change.added)} will see the format’s ${items} that are not public.`
      : null,
    removed: change.removed.length
      ? `${andList(change.removed.map(nameOf))} ${isAre(change.removed)} removed: ${its(change.removed)} will no longer see the format’s ${items} that are not public.`
      : null,
    publicNote:
      pub > 0
        ? `The format’s ${pub} public ${pub === 1 ? 'item stays' : 'items stay'} visible to everyone either way.`
        : null,
    texts:
      usage.texts.total === 0
        ? 'Texts are not affected: a text keeps the members its format had when the text was created (this format has none).'
        : `Texts are not affected: the format’s ${usage.texts.total} ${usage.texts.total === 1 ? 'text keeps' : 'texts keep'} the members the format had when each was created.`,
  };
}
