// The agenda: what is on from one day to another, grouped by month, in date order.
import { EntryItem } from './EntryItem.tsx';
import { longDate, monthName } from './dates.ts';
import type { AgendaPayload, CalendarEntry } from './model.ts';

export function AgendaView({ data }: { data: AgendaPayload }) {
  const groups = new Map<string, CalendarEntry[]>();
  for (const e of data.entries) {
    // Something that began before the period is listed under the period's first month.
    const month = (e.startsOn < data.from ? data.from : e.startsOn).slice(0, 7);
    groups.set(month, [...(groups.get(month) ?? []), e]);
  }
  return (
    <section aria-labelledby="agenda-h">
      <h2 id="agenda-h" className="visually-hidden">
        Agenda
      </h2>
      <p className="meta">
        {data.total === 1 ? '1 item' : `${data.total} items`} from {longDate(data.from)} to {longDate(data.to)}.
      </p>
      {data.total === 0 ? <p className="empty">Nothing on the calendar in this period that you may see.</p> : null}
      {[...groups.entries()].map(([month, entries]) => (
        <section key={month} className="cal-agenda-month" aria-labelledby={`agenda-${month}`}>
          <h2 id={`agenda-${month}`}>{monthName(month)}</h2>
          {entries.map((e) => (
            <EntryItem key={`${e.type}-${e.id}`} entry={e} />
          ))}
        </section>
      ))}
    </section>
  );
}
