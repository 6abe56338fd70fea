// What comes next for the reader: meetings and events from GET /api/v1/dashboard (already filtered
// by `can` on the server), each with its date as people read it and a link to its page.
// The entries are the calendar's (the dashboard answers the same entryOut as the calendar views).
import { Link } from 'react-router';
import type { CalendarEntry } from '../calendar/model.ts';
import { spanWhen } from '../meetings/when.ts';

export function entryWhen(e: CalendarEntry): string {
  return e.startsAt && e.endsAt && e.timeZone ? spanWhen(e.startsAt, e.endsAt, e.timeZone) : e.dateText;
}

const KIND_LABELS: Record<string, string> = { meeting: 'Meeting' };
const kindLabel = (kind: string) =>
  KIND_LABELS[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1).replace(/[-_]/g, ' ');

export function EntryItem({ entry }: { entry: CalendarEntry }) {
  const to = entry.type === 'meeting' ? `/meetings/${entry.id}` : `/events/${entry.id}`;
  return (
    <li>
      <Link to={to}>{entry.title}</Link>
      <span className="entry-meta">
        <span className="badge">{kindLabel(entry.kind)}</span> {entryWhen(entry)}
        {entry.place ? ` · ${entry.place}` : ''}
      </span>
    </li>
  );
}
