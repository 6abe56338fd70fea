import { wpLabel, wpTone } from './model.ts';

/** A project's or deliverable's status in words. */
export function WpBadge({ status }: { status: string }) {
  const tone = wpTone(status);
  return <span className={tone ? `badge ${tone}` : 'badge'}>{wpLabel(status)}</span>;
}
