// A change of a text (src/texts/text-change.ts) as a live event: the type names what happened, the
// resource is the text on its format, the payload holds only ids and statuses (the reader re-reads
// the text through the API). Pure.
import type { TextChange } from '../texts/text-change.ts';
import { liveEvent, type LiveEvent, type LivePayload } from './live-event.ts';

/** The live event of a text change, e.g. type 'text.silence_broken'. */
export function textLiveEvent(change: TextChange): LiveEvent {
  const payload: LivePayload = { status: change.status };
  if (change.version !== undefined) payload.version = change.version;
  if (change.procedure !== undefined) payload.procedure = change.procedure;
  if (change.member !== undefined) payload.member = change.member;
  if (change.position !== undefined) payload.position = change.position;
  if (change.deadline !== undefined) payload.deadline = change.deadline;
  if (change.reference !== undefined) payload.reference = change.reference;
  return liveEvent({
    type: `text.${change.kind}`,
    itemId: change.textId,
    at: change.recordedAt,
    resource: { type: 'text', formatMembers: change.formatMembers, part: 'draft' },
    payload,
  });
}
