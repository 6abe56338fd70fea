// One meeting or event in the agenda and in the phone-width month: title (linked to its page), when,
// where, what kind, its status and who may see it.
import { Link } from 'react-router';
import { AccessBadge, StatusBadge } from './Badges.tsx';
import { entryDateText, precisionNote } from './dates.ts';
import { kindLabel, type CalendarEntry } from './model.ts';

export const entryPath = (e: CalendarEntry) => (e.type === 'meeting' ? `/meetings/${e.id}` : `/events/${e.id}`);

export function EntryItem({ entry, headingLevel = 3 }: { entry: CalendarEntry; headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const note = precisionNote(entry.precision);
  return (
    <article className="cal-entry">
      <Heading className="cal-entry-title">
        <Link to={entryPath(entry)}>{entry.title}</Link>
      </Heading>
      <p className="cal-entry-when">
        {entryDateText(entry)}
        {note ? <span className="cal-precision"> ({note})</span> : null}
      </p>
      <p className="cal-entry-meta">
        {[kindLabel(entry.kind), entry.place, entry.body?.name].filter(Boolean).join(' · ')}
      </p>
      <p className="cal-entry-badges">
        <StatusBadge status={entry.status} /> <AccessBadge isPublic={entry.public} format={entry.format} />
        {entry.topics.map((t) => (
          <span key={t.code} className="tag">
            {t.name}
          </span>
        ))}
      </p>
    </article>
  );
}
