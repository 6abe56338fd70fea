// The calendar as a page (/calendar): one month of meetings and events, day by day, with the entries
// known only roughly ("early October") beside it, and the iCalendar feeds on offer. Pure: the route
// passes in the reader's month view, already filtered by `can`. Server-rendered, no script.
import type { CalendarEntry } from '../../calendar/calendar-entries.ts';
import type { MonthView } from '../../calendar/calendar-views.ts';
import { formatEventDate } from '../../calendar/event-dates.ts';
import { html, layout, type SafeHtml } from '../html.ts';

export interface CalendarPageData {
  councilName: string | undefined;
  view: MonthView;
  previous: string;
  next: string;
  names: { body(code: string): string | null; topic(code: string): string };
  feeds: { label: string; href: string }[];
}

const KIND: Record<string, string> = {
  meeting: 'Meeting',
  conference: 'Conference',
  seminar: 'Seminar',
  experts_meeting: "Experts' meeting",
  exercise: 'Exercise',
  visit: 'Visit',
  other: 'Event',
};
const STATUS: Record<string, string> = {
  planned: 'planned',
  ongoing: 'taking place',
  held: 'held',
  record_approved: 'held, record approved',
  cancelled: 'cancelled',
};

const monthName = (month: string) => formatEventDate('month', `${month}-01`, `${month}-01`);

function entry(e: CalendarEntry, names: CalendarPageData['names']): SafeHtml {
  const body = e.bodyCode ? names.body(e.bodyCode) : null;
  return html`<li class="entry">
  <p class="meta">${KIND[e.kind] ?? 'Event'} · ${e.dateText} · ${STATUS[e.status] ?? e.status}</p>
  <h3 class="entry-title">${e.title}</h3>
  <p class="meta">${[e.place, body].filter(Boolean).join(' · ')}</p>
  <p>${e.topics.map((t) => html`<span class="tag">${names.topic(t)}</span>`)}</p>
</li>`;
}

/** The page of one month of the reader's calendar. */
export function renderCalendarPage(data: CalendarPageData): string {
  const { view, names } = data;
  // Each entry once, on its first day in the month: a three-day exercise is one item, not three.
  const seen = new Set<string>();
  const days = view.weeks
    .flatMap((w) => w.days)
    .filter((d) => d.inMonth)
    .map((d) => ({ date: d.date, entries: d.entries.filter((e) => !seen.has(e.id) && seen.add(e.id)) }))
    .filter((d) => d.entries.length > 0);
  const title = `Calendar: ${monthName(view.month)}`;
  const body = html`<header class="page-head">
  <p class="eyebrow">${data.councilName ?? 'Concord'}</p>
  <h1>${title}</h1>
  <p class="lede">Meetings and events you may see, day by day.</p>
  <nav aria-label="Months"><p><a href="/calendar?month=${data.previous}" rel="prev">← ${monthName(data.previous)}</a> · <a href="/calendar?month=${data.next}" rel="next">${monthName(data.next)} →</a></p></nav>
</header>
${days.length === 0 && view.imprecise.length === 0 ? html`<p>Nothing on the calendar in ${monthName(view.month)}.</p>` : ''}
${days.map(
  (d) => html`<section aria-labelledby="d-${d.date}">
  <h2 id="d-${d.date}">${formatEventDate('day', d.date, d.date)}</h2>
  <ul class="entries">${d.entries.map((e) => entry(e, names))}</ul>
</section>`,
)}
${view.imprecise.length ? html`<section aria-labelledby="rough"><h2 id="rough">Also in ${monthName(view.month)}, date not yet fixed</h2><ul class="entries">${view.imprecise.map((e) => entry(e, names))}</ul></section>` : ''}
<section aria-labelledby="feeds"><h2 id="feeds">Subscribe</h2>
  <p class="note">iCalendar feeds of the public meetings and events, for any calendar application.</p>
  <ul>${data.feeds.map((f) => html`<li><a href="${f.href}">${f.label}</a></li>`)}</ul>
</section>`;
  return layout({
    title,
    description: `Meetings and events of ${data.councilName ?? 'the council'} in ${monthName(view.month)}.`,
    councilName: data.councilName,
    body,
    head: html`<link rel="alternate" type="text/calendar" title="Public calendar" href="/calendar.ics">`,
  });
}
