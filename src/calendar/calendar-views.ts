// The month and agenda views of the calendar, pure: entries in, a view out. Entries dated to the day
// (day, range, meetings) are placed on each day they cover; entries announced only as "early October",
// "December" or "2003" are not spread over every day of their bounds (that would read as ten days of
// seminar) but listed beside the month they fall in.
import { byDate, type CalendarEntry } from './calendar-entries.ts';
import { addDays } from './event-dates.ts';

export interface MonthView {
  month: string; // YYYY-MM
  /** Weeks from Monday to Sunday, covering the whole month. */
  weeks: { days: { date: string; inMonth: boolean; entries: CalendarEntry[] }[] }[];
  /** Entries of this month known only to a part of a month, a month or a year. */
  imprecise: CalendarEntry[];
}

const PRECISE = new Set(['day', 'range', 'time']);

/** The month view of `month` ('YYYY-MM'). */
export function monthView(entries: readonly CalendarEntry[], month: string): MonthView {
  const first = `${month}-01`;
  const last = addDays(`${addDays(first, 31).slice(0, 7)}-01`, -1);
  const weekday = (new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  const sorted = [...entries].sort(byDate);
  const weeks: MonthView['weeks'] = [];
  for (let start = addDays(first, -weekday); start <= last; start = addDays(start, 7)) {
    const days = Array.from({ length: 7 }, (_, i) => {
      const date = addDays(start, i);
      return {
        date,
        inMonth: date.startsWith(month),
        entries: sorted.filter((e) => PRECISE.has(e.precision) && e.startsOn <= date && e.endsOn >= date),
      };
    });
    weeks.push({ days });
  }
  const imprecise = sorted.filter((e) => !PRECISE.has(e.precision) && e.startsOn <= last && e.endsOn >= first);
  return { month, weeks, imprecise };
}

/** The agenda view: entries overlapping from..to (inclusive), in date order. */
export function agendaView(entries: readonly CalendarEntry[], from: string, to: string): CalendarEntry[] {
  return entries.filter((e) => e.endsOn >= from && e.startsOn <= to).sort(byDate);
}
