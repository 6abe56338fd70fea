// The list view: events (not meetings: the events API lists events) as a table, as filtered.
import { Link } from 'react-router';
import { AccessBadge, StatusBadge } from './Badges.tsx';
import { eventDateText, precisionNote } from './dates.ts';
import { kindLabel, type EventSummary } from './model.ts';

export const placeText = (p: EventSummary['place']) => [p.name, p.city, p.country].filter(Boolean).join(', ');

export function EventTable({ items, total }: { items: EventSummary[]; total: number }) {
  if (items.length === 0) return <p className="empty">No events match these filters.</p>;
  return (
    <div className="table-scroll">
      <table className="data">
        <caption className="visually-hidden">Events, {total} in all</caption>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">When</th>
            <th scope="col">Kind</th>
            <th scope="col">Where</th>
            <th scope="col">Status</th>
            <th scope="col">Body and topics</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => {
            const note = precisionNote(e.date.precision);
            return (
              <tr key={e.id}>
                <th scope="row">
                  <Link to={`/events/${e.id}`}>{e.title}</Link>
                  {e.series ? <span className="meta cal-series"> {e.series.phrase[0]!.toUpperCase() + e.series.phrase.slice(1)}</span> : null}
                </th>
                <td>
                  {eventDateText(e.date)}
                  {note ? <span className="cal-precision"> ({note})</span> : null}
                </td>
                <td>{kindLabel(e.kind)}</td>
                <td>{placeText(e.place) || '—'}</td>
                <td>
                  <StatusBadge status={e.status} /> <AccessBadge isPublic={e.public} format={e.format} />
                </td>
                <td>
                  {e.body ? <span>{e.body.name}</span> : null}
                  {e.topics.map((t) => (
                    <span key={t.code} className="tag">
                      {t.name}
                    </span>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
