// Public means public to everyone, signed in or not (issue 11): an item of a format that leaves members
// out, once public, is read by those members' delegations too. Before the secretariat makes such an
// item public, the form says so, naming them. Pure.

export interface ReachFormat {
  name: string;
  members: readonly string[];
}

/** "Russia", "Russia and Ukraine", "Russia, Ukraine and Georgia". */
const andList = (items: readonly string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/**
 * The warning for making an item of `format` public, or null when the format admits every member (or is
 * not chosen yet). `all` are the council's members in seating order.
 */
export function publicReachWarning(
  format: ReachFormat | undefined,
  all: readonly { code: string; name: string }[],
  what: string,
): string | null {
  if (!format) return null;
  const outside = all.filter((m) => !format.members.includes(m.code));
  if (outside.length === 0) return null;
  const names = andList(outside.map((m) => m.name));
  const delegations = outside.length === 1 ? 'its delegation' : 'their delegations';
  return `${format.name} leaves out ${names}. Made public, ${what} is seen by everyone: the public, and ${delegations} too, signed in or not.`;
}

/**
 * The confirmation of a change of a body's format that admits members the old one did not (the same
 * confirmation a change of a format's members asks for): they will see the body; its meetings, projects,
 * events, texts and sub-bodies keep their own formats. Null when nobody is added.
 */
export function wideningConfirmation(
  before: ReachFormat | undefined,
  after: ReachFormat | undefined,
  all: readonly { code: string; name: string }[],
): string | null {
  if (!before || !after) return null;
  const added = all.filter((m) => after.members.includes(m.code) && !before.members.includes(m.code));
  if (added.length === 0) return null;
  const names = andList(added.map((m) => m.name));
  const delegations = added.length === 1 ? 'its delegation' : 'their delegations';
  return `${after.name} admits ${names}, who ${added.length === 1 ? 'is' : 'are'} not in ${before.name}: ${delegations} will see this body — its name, chair, topics and description. What it holds keeps its own format: its meetings, projects, events, texts and sub-bodies in ${before.name} or another narrower format stay hidden from them.`;
}
