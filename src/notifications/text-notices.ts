// Text changes as notifications: which changes notify (procedure opened, silence broken, adopted,
// failed), what they say, and the deadline source for scanDeadlinesSoon over the texts table.
// The wording is plain and carries no text content: it is e-mailed.
import type { Tx } from '../kernel/audit/audited-write.ts';
import type { Executor } from '../kernel/db/executor.ts';
import type { TextChange } from '../texts/text-change.ts';
import type { NotificationKind } from './model.ts';
import { enqueueNotifications, type DeadlineCandidate, type NotificationInput } from './notifications.service.ts';

/** Where a text is read in the app. */
export const textLink = (textId: string) => `/app/texts/${textId}`;

const KIND_OF: Partial<Record<TextChange['kind'], NotificationKind>> = {
  silence_opened: 'procedure_opened',
  silence_broken: 'silence_broken',
  adopted: 'adopted',
  failed: 'failed',
};

const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** The notice of a text change, or null for changes that notify nobody (positions, versions, extensions, release). Pure. */
export function textNotice(change: TextChange): NotificationInput | null {
  const kind = KIND_OF[change.kind];
  if (!kind) return null;
  const what = `“${change.title}”`;
  const version = change.version !== undefined ? ` (version ${change.version})` : '';
  const subject = {
    procedure_opened: `Silence procedure opened: ${change.title}`,
    silence_broken: `Silence broken: ${change.title}`,
    adopted: `Adopted: ${change.title}`,
    failed: `Silence procedure failed: ${change.title}`,
    deadline_soon: `Silence ends within 24 hours: ${change.title}`,
  }[kind];
  const body = {
    procedure_opened: `${what}${version} is under the silence procedure until ${change.deadline ? utc(change.deadline) : 'its deadline'}. If your delegation cannot agree, its head of delegation may break silence before then.`,
    silence_broken: `${change.member ?? 'A member'} broke silence on ${what}${version}. The text returns to drafting.`,
    adopted: `${what}${version} was adopted${change.how === 'meeting' ? ' at a meeting' : change.how === 'silence' ? ' under the silence procedure' : ''}${change.reference ? `, reference ${change.reference}` : ''}.`,
    failed: `The silence procedure on ${what}${version} failed; the text returns to drafting.`,
    deadline_soon: '',
  }[kind];
  return {
    kind,
    resource: { type: 'text', formatMembers: change.formatMembers, part: 'draft' },
    subject: subject.slice(0, 200),
    body,
    link: textLink(change.textId),
    at: change.recordedAt,
    itemId: change.textId,
  };
}

/** The texts service's in-transaction hook: queues the notice of `change`, if it has one. */
export async function notifyTextChange(tx: Tx, change: TextChange): Promise<void> {
  const notice = textNotice(change);
  if (notice) await enqueueNotifications(tx, notice);
}

/** Texts under silence whose deadline falls in the window, as scanDeadlinesSoon's source. */
export function textDeadlines(db: Executor) {
  return async (window: { from: Date; to: Date }): Promise<DeadlineCandidate[]> => {
    const texts = await db
      .selectFrom('texts')
      .select(['id', 'title', 'format_code', 'deadline_at'])
      .where('status', '=', 'under_silence')
      .where('deadline_at', '>', window.from.toISOString())
      .where('deadline_at', '<=', window.to.toISOString())
      .execute();
    if (texts.length === 0) return [];
    const members = await db
      .selectFrom('format_members')
      .select(['format_code', 'member_code'])
      .where('format_code', 'in', [...new Set(texts.map((t) => t.format_code))])
      .execute();
    return texts.map((t) => ({
      // One text has one open procedure at a time; its deadline (in the dedupe key) tells them apart.
      procedureId: t.id,
      deadline: t.deadline_at!,
      resource: {
        type: 'text' as const,
        formatMembers: members.filter((m) => m.format_code === t.format_code).map((m) => m.member_code),
        part: 'draft' as const,
      },
      subject: `Silence ends within 24 hours: ${t.title}`.slice(0, 200),
      body: `The silence procedure on “${t.title}” ends at ${utc(t.deadline_at!)}. If your delegation cannot agree, its head of delegation must break silence before then.`,
      link: textLink(t.id),
      itemId: t.id,
    }));
  };
}
