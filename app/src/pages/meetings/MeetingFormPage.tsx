// Creating and editing a meeting (secretariat work; the server refuses anyone else). The form checks
// the obvious first (required fields, end after start), then sends; the server's field errors come
// back with paths such as "agenda.0.title" and are shown beside their fields, with a focused summary.
// A new meeting is one write (POST); an edit is the meeting's own fields (PATCH), then the agenda,
// participants and outcome (PUT) and the status (POST), as the API separates them.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError, asApiError } from '../../api.ts';
import { Field, RefOptions, ValueOptions } from '../../components/Field.tsx';
import { FailureSummary } from '../../components/forms/FailureSummary.tsx';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { useFormFailure } from '../../components/forms/use-form-failure.ts';
import { PageTitle } from '../../components/Layout.tsx';
import { ErrorBox, Loading } from '../../components/Status.tsx';
import { STATUS_LABELS } from '../../components/meetings/StatusBadge.tsx';
import {
  MEETING_STATUSES,
  type Body,
  type Format,
  type Items,
  type Meeting,
  type Member,
  type Person,
  type Topic,
} from '../../components/meetings/types.ts';
import { zoneLabel } from '../../components/meetings/when.ts';
import { PublicReach } from '../../components/forms/PublicReach.tsx';
import { useApi } from '../../use-api.ts';
import {
  agendaPayload,
  checkDraft,
  createPayload,
  draftFrom,
  emptyAgendaItem,
  emptyDraft,
  emptyParticipant,
  errorOf,
  fieldName,
  fieldsPayload,
  normalisePath,
  outcomePayload,
  participantsPayload,
  type Draft,
  type FieldErrors,
} from './form-model.ts';

/** A refused write of the form: the error, how its paths map onto the form, and how many writes succeeded before it. */
class StepFailure extends Error {
  readonly error: ApiError;
  constructor(
    error: unknown,
    readonly prefix: { from: string; to: string } | null,
    readonly done: number,
  ) {
    const apiError = asApiError(error);
    super(apiError.message, { cause: error });
    this.error = apiError;
  }
}

function timeZones(current: string): string[] {
  const all =
    typeof Intl.supportedValuesOf === 'function'
      ? Intl.supportedValuesOf('timeZone')
      : ['Europe/Brussels', 'Europe/Warsaw', 'Europe/Moscow'];
  const set = new Set(all);
  set.add('UTC');
  if (current) set.add(current);
  return [...set].sort();
}

function useReference() {
  const bodies = useApi<Items<Body>>('/bodies');
  const formats = useApi<Items<Format>>('/formats');
  const members = useApi<Items<Member>>('/members');
  const topics = useApi<Items<Topic>>('/topics');
  const persons = useApi<Items<Person>>('/persons');
  const all = [bodies, formats, members, topics, persons];
  const failed = all.find((l) => l.status === 'error');
  if (failed && failed.status === 'error') return { status: 'error' as const, error: failed.error };
  if (
    bodies.status === 'ok' &&
    formats.status === 'ok' &&
    members.status === 'ok' &&
    topics.status === 'ok' &&
    persons.status === 'ok'
  )
    return {
      status: 'ok' as const,
      bodies: bodies.data.items,
      formats: formats.data.items,
      members: members.data.items,
      topics: topics.data.items,
      persons: persons.data.items,
    };
  return { status: 'loading' as const };
}
type Reference = Extract<ReturnType<typeof useReference>, { status: 'ok' }>;

export function MeetingFormPage() {
  const { id } = useParams();
  const reference = useReference();
  const existing = useApi<Meeting>(id ? `/meetings/${encodeURIComponent(id)}` : null);
  const heading = id ? 'Edit meeting' : 'New meeting';

  if (reference.status === 'error')
    return (
      <>
        <PageTitle title={heading}>{heading}</PageTitle>
        <ErrorBox error={reference.error} />
      </>
    );
  if (id && existing.status === 'error')
    return (
      <>
        <PageTitle title={heading}>{heading}</PageTitle>
        <ErrorBox error={existing.error} />
      </>
    );
  if (reference.status === 'loading' || (id && existing.status !== 'ok')) return <Loading what="the form" />;
  return (
    <MeetingForm key={id ?? 'new'} reference={reference} meeting={existing.status === 'ok' ? existing.data : null} />
  );
}

function MeetingForm({ reference, meeting }: { reference: Reference; meeting: Meeting | null }) {
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(() => (meeting ? draftFrom(meeting) : emptyDraft()));
  const [saving, setSaving] = useState(false);
  // The summary takes the focus after every refused attempt, so the problems are read out.
  const failure = useFormFailure();
  const { errors, fail: refuse } = failure;
  const focusAfter = useRef<string | null>(null);
  const zones = useMemo(() => timeZones(draft.timeZone), [draft.timeZone]);
  const heading = meeting ? `Edit meeting: ${meeting.title}` : 'New meeting';

  // After moving, adding or removing an agenda item, the focus goes where the user expects it.
  useEffect(() => {
    if (!focusAfter.current) return;
    const wanted = focusAfter.current;
    focusAfter.current = null;
    // A moved item at the top or bottom has that button disabled: the focus goes to its other one.
    const other = wanted.endsWith('-up') ? wanted.replace(/-up$/, '-down') : wanted.replace(/-down$/, '-up');
    const usable = (key: string) => {
      const el = document.querySelector<HTMLElement>(`[data-focus="${key}"]`);
      return el && !(el instanceof HTMLButtonElement && el.disabled) ? el : null;
    };
    const target = usable(wanted) ?? usable(other);
    if (target) target.focus();
    else document.querySelector<HTMLElement>('[data-focus="add-agenda-item"]')?.focus();
  });

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const err = (path: string, label: string) => {
    const problem = errorOf(errors, path);
    return problem ? `${label} ${problem}` : undefined;
  };

  // Agenda: reordering clears the agenda's errors, whose numbers would no longer match.
  const withoutAgendaErrors = () => failure.forget('agenda.');
  const updateItem = (index: number, change: Partial<Draft['agenda'][number]>) =>
    setDraft((d) => ({ ...d, agenda: d.agenda.map((a, i) => (i === index ? { ...a, ...change } : a)) }));
  const moveItem = (index: number, by: -1 | 1) => {
    const item = draft.agenda[index];
    if (!item) return;
    focusAfter.current = `agenda-${item.key}-${by < 0 ? 'up' : 'down'}`;
    withoutAgendaErrors();
    setDraft((d) => {
      const agenda = [...d.agenda];
      const [moved] = agenda.splice(index, 1);
      agenda.splice(index + by, 0, moved!);
      return { ...d, agenda };
    });
  };
  const removeItem = (index: number) => {
    const next = draft.agenda[index + 1] ?? draft.agenda[index - 1];
    focusAfter.current = next ? `agenda-${next.key}-remove` : 'add-agenda-item';
    withoutAgendaErrors();
    setDraft((d) => ({ ...d, agenda: d.agenda.filter((_, i) => i !== index) }));
  };
  const addItem = () => {
    const item = emptyAgendaItem(draft.agenda[draft.agenda.length - 1]?.subjectArea ?? '');
    focusAfter.current = `agenda-${item.key}-subject`;
    setDraft((d) => ({ ...d, agenda: [...d.agenda, item] }));
  };
  const addParticipant = () => {
    const p = emptyParticipant();
    focusAfter.current = `participant-${p.key}-person`;
    setDraft((d) => ({ ...d, participants: [...d.participants, p] }));
  };
  const removeParticipant = (index: number) => {
    focusAfter.current = 'add-participant';
    failure.forget('participants.');
    setDraft((d) => ({ ...d, participants: d.participants.filter((_, i) => i !== index) }));
  };
  const updateParticipant = (index: number, change: Partial<Draft['participants'][number]>) =>
    setDraft((d) => ({ ...d, participants: d.participants.map((p, i) => (i === index ? { ...p, ...change } : p)) }));

  /** Sends the form; a refusal comes back with the paths re-rooted onto the form and how many writes went through. */
  async function save(): Promise<string> {
    if (!meeting) {
      try {
        return (await api.post<Meeting>('/meetings', createPayload(draft))).id;
      } catch (error) {
        throw new StepFailure(error, null, 0);
      }
    }
    const path = `/meetings/${meeting.id}`;
    const steps: [() => Promise<unknown>, { from: string; to: string } | null][] = [
      [() => api.patch(path, fieldsPayload(draft)), null],
      [() => api.put(`${path}/agenda`, { items: agendaPayload(draft) }), { from: 'items', to: 'agenda' }],
      [() => api.put(`${path}/participants`, { participants: participantsPayload(draft) }), null],
      [() => api.put(`${path}/outcome`, outcomePayload(draft)), { from: '', to: 'outcome' }],
    ];
    if (draft.status !== meeting.status) steps.push([() => api.post(`${path}/status`, { status: draft.status }), null]);
    for (const [i, [run, prefix]] of steps.entries()) {
      try {
        await run();
      } catch (error) {
        throw new StepFailure(error, prefix, i);
      }
    }
    return meeting.id;
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems = checkDraft(draft);
    if (Object.keys(problems).length) {
      refuse(problems, 'The meeting was not saved. Correct the fields below.');
      return;
    }
    setSaving(true);
    try {
      const savedId = await save();
      void navigate(`/meetings/${savedId}`, {
        state: { notice: meeting ? 'The meeting was saved.' : 'The meeting was created.' },
      });
    } catch (failure) {
      const { error, prefix, done } = failure instanceof StepFailure ? failure : new StepFailure(failure, null, 0);
      const fieldErrors: FieldErrors = {};
      for (const d of error.details) if (d.path) fieldErrors[normalisePath(d.path, prefix)] ??= d.message;
      const partly =
        done > 0 ? ' The parts of the form before this problem were saved; correct the fields and save again.' : '';
      refuse(fieldErrors, `${error.message}${partly}`);
    } finally {
      setSaving(false);
    }
  }

  const summary = Object.fromEntries(Object.entries(errors).map(([path, text]) => [fieldName(path), text]));
  const subjectAreas = [...new Set(draft.agenda.map((a) => a.subjectArea.trim()).filter(Boolean))];
  const body = reference.bodies.find((b) => b.code === draft.body);
  const bodyFormat = body ? reference.formats.find((f) => f.code === body.format) : undefined;

  return (
    <>
      <PageTitle title={meeting ? 'Edit meeting' : 'New meeting'}>{heading}</PageTitle>
      <form className="form meeting-form" noValidate onSubmit={(e) => void onSubmit(e)}>
        <FailureSummary of={{ ...failure, errors: summary }} />

        <fieldset className="group">
          <legend>The meeting</legend>
          <Field label="Body" error={err('body', 'Body')}>
            <select value={draft.body} onChange={(e) => set('body', e.target.value)}>
              <option value="">Choose a body</option>
              <RefOptions list={reference.bodies} />
            </select>
          </Field>
          <Field
            label="Format"
            hint="Who meets: a meeting of a body is normally in the body's own format."
            error={err('format', 'Format')}
          >
            <select value={draft.format} onChange={(e) => set('format', e.target.value)}>
              <option value="">{bodyFormat ? `The body's format (${bodyFormat.name})` : "The body's format"}</option>
              <RefOptions list={reference.formats} />
            </select>
          </Field>
          <Field label="Title" error={err('title', 'Title')}>
            <input type="text" value={draft.title} onChange={(e) => set('title', e.target.value)} maxLength={300} />
          </Field>
          <Field label="Level" hint='For example "Defence Ministers" or "Ambassadors".' error={err('level', 'Level')}>
            <input type="text" value={draft.level} onChange={(e) => set('level', e.target.value)} maxLength={120} />
          </Field>
        </fieldset>

        <fieldset className="group">
          <legend>When</legend>
          <div className="field-row">
            <Field label="Start" hint="Local date and time at the venue." error={err('startsAt', 'Start')}>
              <input type="datetime-local" value={draft.startsAt} onChange={(e) => set('startsAt', e.target.value)} />
            </Field>
            <Field label="End" hint="Later than the start." error={err('endsAt', 'End')}>
              <input type="datetime-local" value={draft.endsAt} onChange={(e) => set('endsAt', e.target.value)} />
            </Field>
          </div>
          <Field
            label="Time zone"
            hint={`Times above are ${zoneLabel(draft.timeZone || 'UTC')}.`}
            error={err('timeZone', 'Time zone')}
          >
            <select value={draft.timeZone} onChange={(e) => set('timeZone', e.target.value)}>
              <ValueOptions values={zones} label={(z) => z} />
            </select>
          </Field>
        </fieldset>

        <fieldset className="group">
          <legend>Where</legend>
          <Field label="Venue name" error={err('venue.name', 'Venue name')}>
            <input
              type="text"
              value={draft.venueName}
              onChange={(e) => set('venueName', e.target.value)}
              maxLength={200}
            />
          </Field>
          <div className="field-row">
            <Field label="City" error={err('venue.city', 'City')}>
              <input
                type="text"
                value={draft.venueCity}
                onChange={(e) => set('venueCity', e.target.value)}
                maxLength={120}
              />
            </Field>
            <Field label="Country" error={err('venue.country', 'Country')}>
              <input
                type="text"
                value={draft.venueCountry}
                onChange={(e) => set('venueCountry', e.target.value)}
                maxLength={120}
              />
            </Field>
          </div>
          <Field label="Host member" error={err('host', 'Host member')}>
            <select value={draft.host} onChange={(e) => set('host', e.target.value)}>
              <option value="">No host</option>
              <RefOptions list={reference.members} />
            </select>
          </Field>
        </fieldset>

        <fieldset className="group">
          <legend>Status and visibility</legend>
          <Field
            label="Status"
            hint="Planned, then held, then record approved: one step at a time."
            error={err('status', 'Status')}
          >
            <select value={draft.status} onChange={(e) => set('status', e.target.value as Draft['status'])}>
              <ValueOptions values={MEETING_STATUSES} label={(s) => STATUS_LABELS[s]} />
            </select>
          </Field>
          <div className={errorOf(errors, 'public') ? 'field field-invalid' : 'field'}>
            <label className="check">
              <input type="checkbox" checked={draft.public} onChange={(e) => set('public', e.target.checked)} /> Public:
              shown on the public calendar and to everyone
            </label>
            <PublicReach
              checked={draft.public}
              format={reference.formats.find((f) => f.code === (draft.format || body?.format))}
              members={reference.members}
              what="the meeting"
            />
          </div>
        </fieldset>

        <fieldset className="group agenda-editor">
          <legend>Agenda</legend>
          <p className="hint">
            Items are grouped under their subject area on the meeting's page, in the order given here.
          </p>
          <datalist id="subject-areas">
            {subjectAreas.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          {draft.agenda.length === 0 ? <p className="empty">No agenda items yet.</p> : null}
          {draft.agenda.map((item, index) => {
            const n = index + 1;
            const at = `agenda.${index}`;
            return (
              <fieldset key={item.key} className="group agenda-item">
                <legend>Agenda item {n}</legend>
                <Field label="Subject area" error={err(`${at}.subjectArea`, 'Subject area')}>
                  <input
                    type="text"
                    data-focus={`agenda-${item.key}-subject`}
                    list="subject-areas"
                    value={item.subjectArea}
                    onChange={(e) => updateItem(index, { subjectArea: e.target.value })}
                    maxLength={300}
                  />
                </Field>
                <Field label="Title" error={err(`${at}.title`, 'Title')}>
                  <input
                    type="text"
                    value={item.title}
                    onChange={(e) => updateItem(index, { title: e.target.value })}
                    maxLength={300}
                  />
                </Field>
                <Field label="Description" error={err(`${at}.description`, 'Description')}>
                  <textarea
                    value={item.description}
                    onChange={(e) => updateItem(index, { description: e.target.value })}
                  />
                </Field>
                <fieldset className={errorOf(errors, `${at}.topics`) ? 'topics field-invalid' : 'topics'}>
                  <legend>Topics</legend>
                  <ul className="checks">
                    {reference.topics.map((t) => (
                      <li key={t.code}>
                        <label className="check">
                          <input
                            type="checkbox"
                            checked={item.topics.includes(t.code)}
                            onChange={(e) =>
                              updateItem(index, {
                                topics: e.target.checked
                                  ? [...item.topics, t.code]
                                  : item.topics.filter((c) => c !== t.code),
                              })
                            }
                          />{' '}
                          {t.name}
                        </label>
                      </li>
                    ))}
                  </ul>
                  {errorOf(errors, `${at}.topics`) ? (
                    <p className="field-error">Topics {errorOf(errors, `${at}.topics`)}</p>
                  ) : null}
                </fieldset>
                <Field
                  label="Documents"
                  hint="References, separated by commas."
                  error={err(`${at}.documents`, 'Documents')}
                >
                  <input
                    type="text"
                    value={item.documents}
                    onChange={(e) => updateItem(index, { documents: e.target.value })}
                  />
                </Field>
                <div className="item-actions">
                  <button
                    type="button"
                    className="button secondary"
                    data-focus={`agenda-${item.key}-up`}
                    disabled={index === 0}
                    onClick={() => moveItem(index, -1)}
                  >
                    Move up<span className="visually-hidden"> agenda item {n}</span>
                  </button>
                  <button
                    type="button"
                    className="button secondary"
                    data-focus={`agenda-${item.key}-down`}
                    disabled={index === draft.agenda.length - 1}
                    onClick={() => moveItem(index, 1)}
                  >
                    Move down<span className="visually-hidden"> agenda item {n}</span>
                  </button>
                  <button
                    type="button"
                    className="button secondary"
                    data-focus={`agenda-${item.key}-remove`}
                    onClick={() => removeItem(index)}
                  >
                    Remove<span className="visually-hidden"> agenda item {n}</span>
                  </button>
                </div>
              </fieldset>
            );
          })}
          <p>
            <button type="button" className="button secondary" data-focus="add-agenda-item" onClick={addItem}>
              Add agenda item
            </button>
          </p>
        </fieldset>

        <fieldset className="group">
          <legend>Participants</legend>
          {draft.participants.length === 0 ? <p className="empty">No participants recorded.</p> : null}
          {draft.participants.map((p, index) => {
            const n = index + 1;
            const at = `participants.${index}`;
            return (
              <fieldset key={p.key} className="group participant">
                <legend>Participant {n}</legend>
                <div className="field-row">
                  <Field label="Person" error={err(`${at}.person`, 'Person')}>
                    <select
                      data-focus={`participant-${p.key}-person`}
                      value={p.person}
                      onChange={(e) => updateParticipant(index, { person: e.target.value })}
                    >
                      <option value="">Choose a person</option>
                      {reference.persons.map((person) => (
                        <option key={person.id} value={person.id}>
                          {person.name}
                        </option>
                      ))}
                    </select>
                  </Field>
                  <Field label="Member" error={err(`${at}.member`, 'Member')}>
                    <select value={p.member} onChange={(e) => updateParticipant(index, { member: e.target.value })}>
                      <option value="">None (e.g. the chair)</option>
                      <RefOptions list={reference.members} />
                    </select>
                  </Field>
                </div>
                <Field label="Function" error={err(`${at}.function`, 'Function')}>
                  <input
                    type="text"
                    value={p.function}
                    onChange={(e) => updateParticipant(index, { function: e.target.value })}
                    maxLength={200}
                  />
                </Field>
                <div className="item-actions">
                  <button type="button" className="button secondary" onClick={() => removeParticipant(index)}>
                    Remove<span className="visually-hidden"> participant {n}</span>
                  </button>
                </div>
              </fieldset>
            );
          })}
          <p>
            <button type="button" className="button secondary" data-focus="add-participant" onClick={addParticipant}>
              Add participant
            </button>
          </p>
        </fieldset>

        <fieldset className="group">
          <legend>Outcome</legend>
          <Field
            label="Summary"
            hint="Required before the record is approved."
            error={err('outcome.summary', 'Summary')}
          >
            <textarea value={draft.summary} onChange={(e) => set('summary', e.target.value)} />
          </Field>
          <Field label="Decisions" hint="One decision per line." error={err('outcome.decisions', 'Decisions')}>
            <textarea value={draft.decisions} onChange={(e) => set('decisions', e.target.value)} />
          </Field>
        </fieldset>

        <FormActions
          submit={meeting ? 'Save changes' : 'Create meeting'}
          busy={saving}
          busyLabel="Saving…"
          cancelTo={meeting ? `/meetings/${meeting.id}` : '/meetings'}
        />
      </form>
    </>
  );
}
