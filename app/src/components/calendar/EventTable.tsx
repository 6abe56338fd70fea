// The list view: events (not meetings: the events API lists events) as a table, as filtered.
import { Link } from 'react-router';
import { AccessBadge, StatusBadge } from './Badges.tsx';
import { eventDateText, precisionNote } from './dates.ts';
import { kindLabel, type EventSummary } from './model.ts';
import { DataTable } from '../DataTable.tsx';

export const placeText = (p: EventSummary['place']) => [p.name, p.city, p.country].filter(Boolean).join(', ');

export function EventTable({ items, total }: { items: EventSummary[]; total: number }) {
  if (items.length === 0) return <p className="empty">No events match these filters.</p>;
  return (
    <DataTable
      caption={`Events, ${total} in all`}
      columns={['Event', 'When', 'Kind', 'Where', 'Status', 'Body and topics']}
    >
      {items.map((e) => {
        const note = precisionNote(e.date.precision);
        return (
          <tr key={e.id}>
            <th scope="row">
              <Link to={`/events/${e.id}`}>{e.title}</Link>
              {e.series ? (
                <span className="meta cal-series"> {e.series.phrase[0]!.toUpperCase() + e.series.phrase.slice(1)}</span>
              ) : null}
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
    </DataTable>
  );
}
