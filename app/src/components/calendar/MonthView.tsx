// The month view. At desktop width a table (caption, a column header per weekday, the full date of each
// day for screen readers); at phone width the same month as a list per week showing only the days that
// have something on. CSS shows one or the other (display: none hides the other from assistive
// technology too). Entries known only to part of a month ("early October") are listed under the grid
// rather than smeared over ten days.
import { Link } from 'react-router';
import { AccessBadge, StatusBadge } from './Badges.tsx';
import { EntryItem, entryPath } from './EntryItem.tsx';
import { longDate, meetingTimeText, monthName, WEEKDAY_NAMES } from './dates.ts';
import type { CalendarEntry, MonthPayload } from './model.ts';

function timeOf(e: CalendarEntry, date: string): string | null {
  if (e.type !== 'meeting' || !e.startsAt || !e.endsAt || !e.timeZone || e.startsOn !== date) return null;
  // "Wed 25 Sep 2002, 08:30–09:45 (Warsaw time)" → "08:30 (Warsaw time)"
  const text = meetingTimeText(e.startsAt, e.endsAt, e.timeZone);
  const time = /, (\d{2}:\d{2})/.exec(text)?.[1];
  const zone = /\(([^)]+)\)$/.exec(text)?.[1];
  return time ? `${time}${zone ? ` ${zone}` : ''}` : null;
}

function DayEntry({ entry, date }: { entry: CalendarEntry; date: string }) {
  const time = timeOf(entry, date);
  return (
    <li className={entry.status === 'cancelled' ? 'cal-day-entry cancelled' : 'cal-day-entry'}>
      {time ? <span className="cal-time">{time} </span> : null}
      <Link to={entryPath(entry)}>{entry.title}</Link>{' '}
      <span className="cal-day-badges">
        <StatusBadge status={entry.status} />{' '}
        {entry.public ? null : <AccessBadge isPublic={false} format={entry.format} />}
      </span>
    </li>
  );
}

export function MonthView({ data }: { data: MonthPayload }) {
  const title = monthName(data.month);
  const today = new Date().toISOString().slice(0, 10);
  const busyDays = data.weeks.map((w) => w.days.filter((d) => d.inMonth && d.entries.length > 0));
  return (
    <>
      <div className="cal-month-table table-scroll">
        <table className="cal-month">
          <caption>{title}</caption>
          <thead>
            <tr>
              {WEEKDAY_NAMES.map((name) => (
                <th key={name} scope="col" abbr={name}>
                  {name.slice(0, 3)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.weeks.map((week) => (
              <tr key={week.days[0]?.date}>
                {week.days.map((day) => (
                  <td
                    key={day.date}
                    className={
                      [day.inMonth ? '' : 'outside', day.date === today ? 'today' : ''].filter(Boolean).join(' ') ||
                      undefined
                    }
                    aria-current={day.date === today ? 'date' : undefined}
                  >
                    <span className="cal-daynum" aria-hidden="true">
                      {Number(day.date.slice(8))}
                    </span>
                    <span className="visually-hidden">{longDate(day.date, true)}</span>
                    {day.entries.length > 0 ? (
                      <ul className="cal-day-entries">
                        {day.entries.map((e) => (
                          <DayEntry key={`${e.type}-${e.id}`} entry={e} date={day.date} />
                        ))}
                      </ul>
                    ) : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="cal-month-weeks">
        <h2 className="visually-hidden">{title}, week by week</h2>
        <ol className="cal-weeks">
          {data.weeks.map((week, i) => {
            const first = week.days[0]!.date;
            const last = week.days[6]!.date;
            const days = busyDays[i] ?? [];
            return (
              <li key={first}>
                <h3 className="cal-week-title">
                  Week of {longDate(first)} – {longDate(last)}
                </h3>
                {days.length === 0 ? (
                  <p className="empty">Nothing on this week.</p>
                ) : (
                  <ul className="cal-week-days">
                    {days.map((day) => (
                      <li key={day.date}>
                        <h4 className="cal-week-day">{longDate(day.date, true)}</h4>
                        <ul className="cal-day-entries">
                          {day.entries.map((e) => (
                            <DayEntry key={`${e.type}-${e.id}`} entry={e} date={day.date} />
                          ))}
                        </ul>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      </div>

      <section aria-labelledby="imprecise-h" className="cal-imprecise">
        <h2 id="imprecise-h">Also in {title}, day not yet fixed</h2>
        {data.imprecise.length === 0 ? (
          <p className="empty">Nothing announced for {title} without a fixed day.</p>
        ) : (
          data.imprecise.map((e) => <EntryItem key={`${e.type}-${e.id}`} entry={e} />)
        )}
      </section>
    </>
  );
}
