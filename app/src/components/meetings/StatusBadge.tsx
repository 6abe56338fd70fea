// A meeting's status as a badge: planned, held, record approved.
import type { MeetingStatus } from './types.ts';

export const STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: 'Planned',
  held: 'Held',
  record_approved: 'Record approved',
};
const STATUS_CLASS: Record<MeetingStatus, string> = {
  planned: 'badge warn',
  held: 'badge',
  record_approved: 'badge ok',
};

export function StatusBadge({ status }: { status: MeetingStatus }) {
  return <span className={STATUS_CLASS[status]}>{STATUS_LABELS[status]}</span>;
}
