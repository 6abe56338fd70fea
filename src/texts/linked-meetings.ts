// The meeting a decision was agreed at may be in another format than its text (a text at 20 agreed at a
// meeting at 19): a text or decision names that meeting only to readers who may read the meeting, and
// answers as if it named none to the others (issue 11: present a linked item only when the reader may).
import type { Actor } from '../kernel/access/can.ts';
import { formatMembersByCode, mayRead } from '../kernel/access/visibility.ts';
import type { Executor } from '../kernel/db/executor.ts';
import { listFormats } from '../council/repositories/formats.repository.ts';
import { findMeeting } from '../meetings/meetings.repository.ts';

/** Of the meeting ids given (nulls ignored), those `actor` may read. */
export async function readableMeetings(
  db: Executor,
  actor: Actor,
  ids: readonly (string | null | undefined)[],
): Promise<ReadonlySet<string>> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  if (wanted.length === 0) return new Set();
  const members = formatMembersByCode(await listFormats(db));
  const readable = new Set<string>();
  for (const id of wanted) {
    const meeting = await findMeeting(db, id);
    if (meeting && mayRead(actor, 'meeting', meeting, members)) readable.add(id);
  }
  return readable;
}

/** The meeting id if the reader may read it, else null. */
export const linkedMeeting = (id: string | null | undefined, readable: ReadonlySet<string>): string | null =>
  id && readable.has(id) ? id : null;
