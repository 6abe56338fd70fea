// Status and access badges of meetings and events: words, never colour alone.
import { statusLabel } from './model.ts';

const TONE: Record<string, string> = {
  planned: '',
  ongoing: 'warn',
  held: 'ok',
  record_approved: 'ok',
  cancelled: 'bad',
};

export function StatusBadge({ status }: { status: string }) {
  const tone = TONE[status] ?? '';
  return <span className={tone ? `badge ${tone}` : 'badge'}>{statusLabel(status)}</span>;
}

/** "Public", or the format that restricts it ("NRC (at 20) only"). */
export function AccessBadge({ isPublic, format }: { isPublic: boolean; format: { name: string } }) {
  return isPublic ? <span className="badge ok">Public</span> : <span className="badge warn">{format.name} only</span>;
}
