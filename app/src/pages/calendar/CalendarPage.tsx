// The calendar: month, agenda and list views of what the user may see (meetings and events from
// /api/v1/calendar; events alone in the list view, which filters by kind and status), and the feeds.
// The view and its filters live in the address (?view=month&month=2002-09&body=nrc), so a view can be
// bookmarked and the browser's back button works.
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { RefOptions, ValueOptions } from '../../components/Field.tsx';
import { FilterSelect, FilterSubmit } from '../../components/forms/Filters.tsx';
import { PageTitle } from '../../components/Layout.tsx';
import { ErrorBox, Loading } from '../../components/Status.tsx';
import { AgendaView } from '../../components/calendar/AgendaView.tsx';
import { EventTable } from '../../components/calendar/EventTable.tsx';
import { FeedsSection } from '../../components/calendar/FeedsSection.tsx';
import { MonthView } from '../../components/calendar/MonthView.tsx';
import { addDays, addMonths, monthName, todayIso } from '../../components/calendar/dates.ts';
import {
  EVENT_KINDS,
  EVENT_STATUSES,
  kindLabel,
  statusLabel,
  type AgendaPayload,
  type EventSummary,
  type MonthPayload,
  type Ref,
} from '../../components/calendar/model.ts';
import { useSession } from '../../session.tsx';
import { useApi } from '../../use-api.ts';

type View = 'month' | 'agenda' | 'list';
const VIEWS: { view: View; label: string }[] = [
  { view: 'month', label: 'Month' },
  { view: 'agenda', label: 'Agenda' },
  { view: 'list', label: 'List of events' },
];
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function query(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function CalendarPage() {
  const { abilities } = useSession();
  const [params, setParams] = useSearchParams();
  const view: View = (['month', 'agenda', 'list'] as const).find((v) => v === params.get('view')) ?? 'month';
  const today = todayIso();
  const month = MONTH.test(params.get('month') ?? '') ? params.get('month')! : today.slice(0, 7);
  const from = DAY.test(params.get('from') ?? '') ? params.get('from')! : today;
  const to = DAY.test(params.get('to') ?? '') ? params.get('to')! : addDays(from, 90);
  const filters = {
    body: params.get('body') ?? '',
    topic: params.get('topic') ?? '',
    kind: params.get('kind') ?? '',
    status: params.get('status') ?? '',
    q: params.get('q') ?? '',
  };

  const bodies = useApi<{ items: Ref[] }>('/bodies');
  const topics = useApi<{ items: Ref[] }>('/topics');

  const common = { body: filters.body || undefined, topic: filters.topic || undefined };
  const monthData = useApi<MonthPayload>(view === 'month' ? `/calendar/month${query({ month, ...common })}` : null);
  const agendaData = useApi<AgendaPayload>(
    view === 'agenda' ? `/calendar/agenda${query({ from, to, ...common })}` : null,
  );
  const listData = useApi<{ total: number; items: EventSummary[] }>(
    view === 'list'
      ? `/events${query({ ...common, kind: filters.kind || undefined, status: filters.status || undefined, q: filters.q || undefined, limit: '500' })}`
      : null,
  );

  const link = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    return `/calendar?${next.toString()}`;
  };

  // The filter form edits a draft; "Show" puts it in the address.
  const [draft, setDraft] = useState({ ...filters, month, from, to });
  const paramsKey = params.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the address is the source: reset the draft when it changes
  useEffect(() => setDraft({ ...filters, month, from, to }), [paramsKey]);
  const [draftError, setDraftError] = useState<string | null>(null);

  function apply(event: FormEvent) {
    event.preventDefault();
    if (view === 'agenda' && draft.to < draft.from) {
      setDraftError('The end of the period must be on or after its start.');
      return;
    }
    setDraftError(null);
    const next: Record<string, string> = { view };
    const keep =
      view === 'month'
        ? ['month', 'body', 'topic']
        : view === 'agenda'
          ? ['from', 'to', 'body', 'topic']
          : ['body', 'topic', 'kind', 'status', 'q'];
    for (const key of keep) {
      const value = draft[key as keyof typeof draft];
      if (value) next[key] = value;
    }
    setParams(next);
  }

  const heading =
    view === 'month' ? `Calendar: ${monthName(month)}` : view === 'agenda' ? 'Calendar: agenda' : 'Calendar: events';
  const select = (key: 'body' | 'topic', label: string, options: Ref[] | undefined) => (
    <FilterSelect
      id={`cal-${key}`}
      label={label}
      all="All"
      value={draft[key]}
      onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
    >
      <RefOptions list={options} />
    </FilterSelect>
  );

  return (
    <>
      <PageTitle title={heading}>{heading}</PageTitle>
      <div className="toolbar">
        <nav aria-label="Calendar views" className="cal-views">
          <ul>
            {VIEWS.map((v) => (
              <li key={v.view}>
                <Link
                  to={`/calendar${query({ view: v.view, body: filters.body, topic: filters.topic })}`}
                  aria-current={v.view === view ? 'page' : undefined}
                >
                  {v.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {abilities.createEvents ? (
          <Link className="button" to="/events/new">
            New event
          </Link>
        ) : null}
      </div>

      <form className="cal-filters" onSubmit={apply} aria-label="Show" noValidate>
        {view === 'month' ? (
          <div className="field">
            <label htmlFor="cal-month">Month</label>
            <input
              id="cal-month"
              type="month"
              value={draft.month}
              onChange={(e) => setDraft({ ...draft, month: e.target.value })}
            />
          </div>
        ) : null}
        {view === 'agenda' ? (
          <>
            <div className="field">
              <label htmlFor="cal-from">From</label>
              <input
                id="cal-from"
                type="date"
                value={draft.from}
                onChange={(e) => setDraft({ ...draft, from: e.target.value })}
              />
            </div>
            <div className={draftError ? 'field field-invalid' : 'field'}>
              <label htmlFor="cal-to">To</label>
              <input
                id="cal-to"
                type="date"
                value={draft.to}
                onChange={(e) => setDraft({ ...draft, to: e.target.value })}
                aria-invalid={draftError ? true : undefined}
                aria-describedby={draftError ? 'cal-to-error' : undefined}
              />
              {draftError ? (
                <p className="field-error" id="cal-to-error">
                  {draftError}
                </p>
              ) : null}
            </div>
          </>
        ) : null}
        {select('body', 'Body', bodies.data?.items)}
        {select('topic', 'Topic', topics.data?.items)}
        {view === 'list' ? (
          <>
            <FilterSelect
              id="cal-kind"
              label="Kind"
              all="All"
              value={draft.kind}
              onChange={(e) => setDraft({ ...draft, kind: e.target.value })}
            >
              <ValueOptions values={EVENT_KINDS} label={kindLabel} />
            </FilterSelect>
            <FilterSelect
              id="cal-status"
              label="Status"
              all="All"
              value={draft.status}
              onChange={(e) => setDraft({ ...draft, status: e.target.value })}
            >
              <ValueOptions values={EVENT_STATUSES} label={statusLabel} />
            </FilterSelect>
            <div className="field">
              <label htmlFor="cal-q">Words in the title</label>
              <input
                id="cal-q"
                type="search"
                value={draft.q}
                onChange={(e) => setDraft({ ...draft, q: e.target.value })}
                maxLength={200}
              />
            </div>
          </>
        ) : null}
        <FilterSubmit>Show</FilterSubmit>
      </form>

      {view === 'month' ? (
        <>
          <nav aria-label="Months" className="cal-month-nav">
            <Link to={link({ month: addMonths(month, -1) })}>← {monthName(addMonths(month, -1))}</Link>
            <Link to={link({ month: today.slice(0, 7) })}>This month</Link>
            <Link to={link({ month: addMonths(month, 1) })}>{monthName(addMonths(month, 1))} →</Link>
          </nav>
          {monthData.status === 'loading' ? <Loading what="the month" /> : null}
          {monthData.error ? <ErrorBox error={monthData.error} retry={monthData.reload} /> : null}
          {monthData.data ? <MonthView data={monthData.data} /> : null}
        </>
      ) : null}
      {view === 'agenda' ? (
        <>
          {agendaData.status === 'loading' ? <Loading what="the agenda" /> : null}
          {agendaData.error ? <ErrorBox error={agendaData.error} retry={agendaData.reload} /> : null}
          {agendaData.data ? <AgendaView data={agendaData.data} /> : null}
        </>
      ) : null}
      {view === 'list' ? (
        <>
          {listData.status === 'loading' ? <Loading what="the events" /> : null}
          {listData.error ? <ErrorBox error={listData.error} retry={listData.reload} /> : null}
          {listData.data ? (
            <>
              <p className="meta">
                {listData.data.total === 1 ? '1 event' : `${listData.data.total} events`} you may see match.
              </p>
              <EventTable items={listData.data.items} total={listData.data.total} />
            </>
          ) : null}
        </>
      ) : null}

      <FeedsSection />
    </>
  );
}
