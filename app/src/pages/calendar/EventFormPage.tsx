// Creating and changing an event (secretariat). The date is entered with its precision — a day, days,
// a month, part of a month ("early October") or a year — and sent in the words the API reads. Obvious
// mistakes are caught here before sending; everything else comes back from the server as
// VALIDATION_FAILED details and is shown beside its field, with a summary that takes the focus.
import type { FormEvent } from 'react';
import { useParams } from 'react-router';
import { Field, RefOptions, ValueOptions } from '../../components/Field.tsx';
import { PageTitle } from '../../components/Layout.tsx';
import { CheckboxGroup } from '../../components/calendar/CheckboxGroup.tsx';
import { monthName } from '../../components/calendar/dates.ts';
import { FailureSummary } from '../../components/forms/FailureSummary.tsx';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { useItemForm } from '../../components/forms/use-item-form.tsx';
import {
  DATE_PRECISIONS,
  EVENT_KINDS,
  EVENT_STATUSES,
  kindLabel,
  PRECISION_LABEL,
  statusLabel,
  type DatePrecision,
  type EventDetail,
  type Ref,
} from '../../components/calendar/model.ts';
import { useSession } from '../../session.tsx';
import { PublicReach } from '../../components/forms/PublicReach.tsx';
import { useApi } from '../../use-api.ts';

type Part = 'early' | 'mid' | 'late';
interface FormState {
  kind: string;
  title: string;
  description: string;
  precision: DatePrecision;
  day: string;
  rangeFrom: string;
  rangeTo: string;
  month: string;
  part: Part;
  year: string;
  placeName: string;
  placeCity: string;
  placeCountry: string;
  host: string;
  series: string;
  ordinal: string;
  status: string;
  body: string;
  format: string;
  public: boolean;
  topics: string[];
  projects: string[];
}

const EMPTY: FormState = {
  kind: 'conference',
  title: '',
  description: '',
  precision: 'day',
  day: '',
  rangeFrom: '',
  rangeTo: '',
  month: '',
  part: 'early',
  year: '',
  placeName: '',
  placeCity: '',
  placeCountry: '',
  host: '',
  series: '',
  ordinal: '',
  status: 'planned',
  body: '',
  format: '',
  public: false,
  topics: [],
  projects: [],
};

/** The form's keys and their labels, in the order of the form (for the summary). */
const LABELS: Record<string, string> = {
  kind: 'Kind',
  title: 'Title',
  date: 'Date',
  'date.end': 'Last day',
  place: 'Place',
  'place.name': 'Venue',
  'place.city': 'City',
  'place.country': 'Country',
  host: 'Host member',
  series: 'Series',
  'series.code': 'Series',
  'series.ordinal': 'Number in the series',
  status: 'Status',
  body: 'Body',
  format: 'Format',
  public: 'Public',
  topics: 'Topics',
  projects: 'Linked projects',
  description: 'Description',
};

function fromEvent(e: EventDetail): FormState {
  const { precision, startsOn, endsOn } = e.date;
  const dayOfMonth = Number(startsOn.slice(8));
  return {
    ...EMPTY,
    kind: e.kind,
    title: e.title,
    description: e.description,
    precision,
    day: precision === 'day' ? startsOn : '',
    rangeFrom: precision === 'range' ? startsOn : '',
    rangeTo: precision === 'range' ? endsOn : '',
    month: precision === 'month' || precision === 'part_of_month' ? startsOn.slice(0, 7) : '',
    part: dayOfMonth <= 10 ? 'early' : dayOfMonth <= 20 ? 'mid' : 'late',
    year: precision === 'year' ? startsOn.slice(0, 4) : '',
    placeName: e.place.name ?? '',
    placeCity: e.place.city ?? '',
    placeCountry: e.place.country ?? '',
    host: e.host?.code ?? '',
    series: e.series?.code ?? '',
    ordinal: e.series ? String(e.series.ordinal) : '',
    status: e.status,
    body: e.body?.code ?? '',
    format: e.format.code,
    public: e.public,
    topics: e.topics.map((t) => t.code),
    projects: e.projects.map((p) => p.id),
  };
}

/** The date in the words the API reads, or the problems with it. */
function dateValue(f: FormState): { date: string } | { errors: Record<string, string> } {
  switch (f.precision) {
    case 'day':
      return f.day ? { date: f.day } : { errors: { date: 'Enter the day of the event.' } };
    case 'range': {
      const errors: Record<string, string> = {};
      if (!f.rangeFrom) errors.date = 'Enter the first day.';
      if (!f.rangeTo) errors['date.end'] = 'Enter the last day.';
      else if (f.rangeFrom && f.rangeTo < f.rangeFrom)
        errors['date.end'] = 'The last day must be on or after the first day.';
      return Object.keys(errors).length ? { errors } : { date: `${f.rangeFrom}/${f.rangeTo}` };
    }
    case 'month':
      return /^\d{4}-\d{2}$/.test(f.month) ? { date: f.month } : { errors: { date: 'Enter the month, e.g. 2002-12.' } };
    case 'part_of_month':
      return /^\d{4}-\d{2}$/.test(f.month)
        ? { date: `${f.part} ${monthName(f.month)}` }
        : { errors: { date: 'Enter the month, e.g. 2002-10.' } };
    case 'year':
      return /^\d{4}$/.test(f.year.trim())
        ? { date: f.year.trim() }
        : { errors: { date: 'Enter the year as four digits, e.g. 2003.' } };
  }
}

export function EventFormPage() {
  const { id } = useParams();
  const { abilities } = useSession();
  const item = useItemForm<EventDetail, FormState>({
    collection: 'events',
    noun: 'event',
    id,
    empty: EMPTY,
    toForm: fromEvent,
    keyOf: (e) => e.id,
    nameOf: (e) => e.title,
    mayCreate: abilities.createEvents,
    refusal: 'Only the secretariat creates and changes events.',
    list: { to: '/calendar', label: 'The calendar' },
  });
  const bodies = useApi<{ items: (Ref & { format: string })[] }>('/bodies');
  const formats = useApi<{ items: (Ref & { members: string[] })[] }>('/formats');
  const members = useApi<{ items: Ref[] }>('/members');
  const topics = useApi<{ items: Ref[] }>('/topics');
  const series = useApi<{ items: Ref[] }>('/event-series');
  const projects = useApi<{ items: { id: string; title: string }[] }>('/projects?limit=500');
  const { editing, title, form, set, saving, failure } = item;
  const { errors } = failure;
  if (item.blocked) return item.blocked;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!form.title.trim()) problems.title = 'Enter a title for the event.';
    const date = dateValue(form);
    if ('errors' in date) Object.assign(problems, date.errors);
    if (!form.body && !form.format) problems.format = 'Choose a format, or a body whose format the event takes.';
    if (form.ordinal && !(Number.isInteger(Number(form.ordinal)) && Number(form.ordinal) >= 1))
      problems['series.ordinal'] = 'The number in the series must be a whole number, 1 or more.';
    if (form.ordinal && !form.series) problems.series = 'Choose the series this number belongs to.';
    if (Object.keys(problems).length > 0 || 'errors' in date) {
      failure.fail(problems, 'The event was not saved. Correct the fields below.');
      return;
    }
    const payload: Record<string, unknown> = {
      kind: form.kind,
      title: form.title.trim(),
      description: form.description,
      date: date.date,
      place: {
        name: form.placeName.trim() || null,
        city: form.placeCity.trim() || null,
        country: form.placeCountry.trim() || null,
      },
      host: form.host || null,
      series: form.series ? { code: form.series, ...(form.ordinal ? { ordinal: Number(form.ordinal) } : {}) } : null,
      status: form.status,
      body: form.body || null,
      public: form.public,
      topics: form.topics,
      projects: form.projects,
    };
    if (form.format) payload.format = form.format;
    await item.save(payload, LABELS, () => (editing ? 'The event is saved.' : 'The event is created.'));
  }

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <FailureSummary of={failure} labels={LABELS} />
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field-row">
          <Field label="Kind" error={errors.kind}>
            <select value={form.kind} onChange={(e) => set('kind', e.target.value)}>
              <ValueOptions values={EVENT_KINDS} label={kindLabel} />
            </select>
          </Field>
          <Field label="Status" error={errors.status}>
            <select value={form.status} onChange={(e) => set('status', e.target.value)}>
              <ValueOptions values={EVENT_STATUSES} label={statusLabel} />
            </select>
          </Field>
        </div>
        <Field label="Title" error={errors.title}>
          <input value={form.title} onChange={(e) => set('title', e.target.value)} maxLength={300} />
        </Field>

        <fieldset className="group">
          <legend>Date</legend>
          <Field
            label="How exact is the date?"
            hint="Give only what has been announced: “early October 2002” is honest, “1 October” would not be."
          >
            <select value={form.precision} onChange={(e) => set('precision', e.target.value as DatePrecision)}>
              <ValueOptions values={DATE_PRECISIONS} label={(p) => PRECISION_LABEL[p]} />
            </select>
          </Field>
          {form.precision === 'day' ? (
            <Field label="Day" error={errors.date}>
              <input type="date" value={form.day} onChange={(e) => set('day', e.target.value)} />
            </Field>
          ) : null}
          {form.precision === 'range' ? (
            <div className="field-row">
              <Field label="First day" error={errors.date}>
                <input type="date" value={form.rangeFrom} onChange={(e) => set('rangeFrom', e.target.value)} />
              </Field>
              <Field label="Last day" error={errors['date.end']}>
                <input
                  type="date"
                  value={form.rangeTo}
                  min={form.rangeFrom || undefined}
                  onChange={(e) => set('rangeTo', e.target.value)}
                />
              </Field>
            </div>
          ) : null}
          {form.precision === 'part_of_month' ? (
            <div className="field-row">
              <Field label="Part of the month">
                <select value={form.part} onChange={(e) => set('part', e.target.value as Part)}>
                  <option value="early">Early (1–10)</option>
                  <option value="mid">Mid (11–20)</option>
                  <option value="late">Late (21–end)</option>
                </select>
              </Field>
              <Field label="Month" error={errors.date} hint="For example 2002-10.">
                <input type="month" value={form.month} onChange={(e) => set('month', e.target.value)} />
              </Field>
            </div>
          ) : null}
          {form.precision === 'month' ? (
            <Field label="Month" error={errors.date} hint="For example 2002-12.">
              <input type="month" value={form.month} onChange={(e) => set('month', e.target.value)} />
            </Field>
          ) : null}
          {form.precision === 'year' ? (
            <Field label="Year" error={errors.date}>
              <input
                inputMode="numeric"
                value={form.year}
                onChange={(e) => set('year', e.target.value)}
                maxLength={4}
              />
            </Field>
          ) : null}
        </fieldset>

        <fieldset className="group">
          <legend>Place</legend>
          <Field label="Venue" error={errors['place.name']}>
            <input value={form.placeName} onChange={(e) => set('placeName', e.target.value)} maxLength={200} />
          </Field>
          <div className="field-row">
            <Field label="City" error={errors['place.city']}>
              <input value={form.placeCity} onChange={(e) => set('placeCity', e.target.value)} maxLength={120} />
            </Field>
            <Field label="Country" error={errors['place.country']}>
              <input value={form.placeCountry} onChange={(e) => set('placeCountry', e.target.value)} maxLength={120} />
            </Field>
          </div>
          <Field label="Host member" error={errors.host}>
            <select value={form.host} onChange={(e) => set('host', e.target.value)}>
              <option value="">No host member</option>
              <RefOptions list={members.data?.items} />
            </select>
          </Field>
        </fieldset>

        <fieldset className="group">
          <legend>Series</legend>
          <div className="field-row">
            <Field label="Series" error={errors.series ?? errors['series.code']}>
              <select value={form.series} onChange={(e) => set('series', e.target.value)}>
                <option value="">Not in a series</option>
                <RefOptions list={series.data?.items} />
              </select>
            </Field>
            <Field
              label="Number in the series"
              error={errors['series.ordinal']}
              hint="2 for “the second in a series”; leave empty for the next one."
            >
              <input
                inputMode="numeric"
                value={form.ordinal}
                onChange={(e) => set('ordinal', e.target.value)}
                maxLength={4}
              />
            </Field>
          </div>
        </fieldset>

        <fieldset className="group">
          <legend>Who it is for</legend>
          <div className="field-row">
            <Field label="Body" error={errors.body}>
              <select value={form.body} onChange={(e) => set('body', e.target.value)}>
                <option value="">No body</option>
                <RefOptions list={bodies.data?.items} />
              </select>
            </Field>
            <Field label="Format" error={errors.format} hint="Who may see it. Empty: the body's format.">
              <select value={form.format} onChange={(e) => set('format', e.target.value)}>
                <option value="">The body's format</option>
                <RefOptions list={formats.data?.items} />
              </select>
            </Field>
          </div>
          <div className="field check">
            <label>
              <input type="checkbox" checked={form.public} onChange={(e) => set('public', e.target.checked)} /> Public:
              on the public calendar and its feeds
            </label>
            <PublicReach
              checked={form.public}
              format={formats.data?.items.find(
                (f) => f.code === (form.format || bodies.data?.items.find((b) => b.code === form.body)?.format),
              )}
              members={members.data?.items}
              what="the event"
            />
          </div>
        </fieldset>

        <CheckboxGroup
          legend="Topics"
          error={errors.topics}
          options={(topics.data?.items ?? []).map((t) => ({ value: t.code, label: t.name }))}
          selected={form.topics}
          onChange={(v) => set('topics', v)}
          columns
        />
        <CheckboxGroup
          legend="Linked projects"
          error={errors.projects}
          options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
          selected={form.projects}
          onChange={(v) => set('projects', v)}
        />

        <Field label="Description" error={errors.description}>
          <textarea value={form.description} onChange={(e) => set('description', e.target.value)} maxLength={10000} />
        </Field>

        <FormActions
          submit={editing ? 'Save the event' : 'Create the event'}
          busy={saving}
          cancelTo={editing ? `/events/${id}` : '/calendar'}
        />
      </form>
    </>
  );
}
