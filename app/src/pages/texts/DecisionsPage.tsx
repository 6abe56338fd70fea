// The decision register: every adopted text the reader may see, with its reference, the date and how
// it was adopted, the history of its procedures and the positions recorded. The secretariat may
// release an adopted statement to the public record (speaker, date, place) after a confirmation;
// a released one links to its page on the public site.
import { useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError } from '../../api.ts';
import { Field, FormErrors } from '../../components/Field.tsx';
import { PageTitle } from '../../components/Layout.tsx';
import { Empty, ErrorBox, Loading } from '../../components/Status.tsx';
import { fieldErrorsOf } from '../../components/texts/NewTextForm.tsx';
import { deadlineWhen, KIND_LABELS, localWhen, POSITION_LABELS } from '../../components/texts/format.ts';
import type { Decision } from '../../components/texts/types.ts';
import { isTextEvent, useLive } from '../../live.ts';
import { useApi } from '../../use-api.ts';

interface Person {
  id: string;
  name: string;
  honorific: string | null;
}

const RELEASABLE = new Set(['statement', 'chairmans_statement']);

function ReleaseForm({ decision, onDone }: { decision: Decision; onDone: () => void }) {
  const persons = useApi<{ items: Person[] }>('/persons');
  const people = persons.status === 'ok' ? persons.data.items : [];
  const [speaker, setSpeaker] = useState('');
  const [date, setDate] = useState(decision.adoptedAt.slice(0, 10));
  const [city, setCity] = useState('');
  const [country, setCountry] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const prefix = `rel-${decision.reference.replace(/[^A-Za-z0-9]/g, '')}`;

  async function release() {
    setBusy(true);
    try {
      await api.post(`/decisions/${encodeURIComponent(decision.reference)}/release`, {
        speaker: speaker || null,
        date,
        place: { city: city.trim() || null, country: country.trim() || null },
      });
      onDone();
    } catch (error) {
      setFields(fieldErrorsOf(error));
      setMessage(error instanceof ApiError ? error.message : String(error));
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="form act-form"
      noValidate
      aria-labelledby={`${prefix}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
          setFields({ date: 'Enter the date the statement was delivered.' });
          return;
        }
        setFields({});
        setConfirming(true);
      }}
    >
      <h4 id={`${prefix}-h`}>Release to the public record</h4>
      <FormErrors message={message} fields={fields} />
      <div className="field-row">
        <Field label="Speaker (optional)" error={fields.speaker}>
          <select value={speaker} onChange={(e) => setSpeaker(e.target.value)} disabled={confirming}>
            <option value="">No speaker named</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.honorific ? `${p.honorific} ${p.name}` : p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Date delivered" error={fields.date}>
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} disabled={confirming} />
        </Field>
      </div>
      <div className="field-row">
        <Field label="City (optional)" error={fields['place.city']}>
          <input value={city} onChange={(e) => setCity(e.target.value)} disabled={confirming} />
        </Field>
        <Field label="Country (optional)" error={fields['place.country']}>
          <input value={country} onChange={(e) => setCountry(e.target.value)} disabled={confirming} />
        </Field>
      </div>
      {confirming ? (
        <div className="confirm" role="alertdialog" aria-labelledby={`${prefix}-q`}>
          <p id={`${prefix}-q`}>
            <strong>Publish {decision.reference} on the public site?</strong> Everyone will be able to read its wording;
            this cannot be undone.
          </p>
          <div className="form-actions">
            <button type="button" className="button" disabled={busy} onClick={() => void release()}>
              {busy ? 'Releasing…' : 'Yes, release it'}
            </button>
            <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
              No, go back
            </button>
          </div>
        </div>
      ) : (
        <div className="form-actions">
          <button type="submit" className="button">
            Release…
          </button>
        </div>
      )}
    </form>
  );
}

function DecisionEntry({ d, onChanged }: { d: Decision; onChanged: () => void }) {
  const canRelease = d.abilities.release;
  const id = `dec-${d.reference.replace(/[^A-Za-z0-9]/g, '')}`;
  const last = d.history[d.history.length - 1];
  const failures = d.history.filter((h) => h.outcome === 'failed');
  return (
    <article className="card decision" aria-labelledby={id}>
      <h2 id={id}>
        <span className="reference">{d.reference}</span> <Link to={`/texts/${d.text.id}`}>{d.text.title}</Link>
      </h2>
      <dl className="facts">
        <dt>Kind</dt>
        <dd>{KIND_LABELS[d.text.kind]}</dd>
        <dt>Body and format</dt>
        <dd>
          {d.body ? d.body.name : 'A body not shown to you'}, {d.format.name}
        </dd>
        <dt>Adopted</dt>
        <dd>
          {d.how === 'silence' && last ? deadlineWhen(d.adoptedAt, last.timeZone) : localWhen(d.adoptedAt)},{' '}
          {d.how === 'silence' ? `by silence procedure${d.procedure ? ` ${d.procedure}` : ''}` : 'at a meeting'}{' '}
          (version {d.version})
        </dd>
        <dt>Procedures</dt>
        <dd>
          {d.history.length === 0
            ? 'None: agreed at a meeting.'
            : `${d.history.length} silence ${d.history.length === 1 ? 'procedure' : 'procedures'}${failures.length ? `; ${failures.length} failed (${failures.map((f) => `broken by ${f.brokenBy?.member ?? '?'}`).join(', ')})` : ''}${last && last.extensions.length ? `; deadline extended ${last.extensions.length} ${last.extensions.length === 1 ? 'time' : 'times'}` : ''}.`}
        </dd>
        <dt>Public record</dt>
        <dd>
          {d.released ? (
            <a href={`/record/${d.released.slug}`}>Released: /record/{d.released.slug}</a>
          ) : RELEASABLE.has(d.text.kind) ? (
            'Not released'
          ) : (
            'Stays in the register (only statements are released)'
          )}
        </dd>
      </dl>
      <details>
        <summary>Wording and positions recorded ({d.positions.length})</summary>
        <div className="wording">{d.wording}</div>
        {d.positions.length ? (
          <ul>
            {d.positions.map((p, i) => (
              <li key={i}>
                <strong>{p.member.name}</strong>: {POSITION_LABELS[p.kind] ?? p.kind} on version {p.version}
                {p.statement ? ` — “${p.statement}”` : ''} ({localWhen(p.at)})
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">No positions were recorded.</p>
        )}
      </details>
      {canRelease && !d.released ? <ReleaseForm decision={d} onDone={onChanged} /> : null}
    </article>
  );
}

export function DecisionsPage() {
  const list = useApi<{ total: number; items: Decision[] }>('/decisions?limit=200');
  useLive(() => list.reload(), isTextEvent);
  return (
    <>
      <p className="crumbs">
        <Link to="/texts">Texts</Link>
      </p>
      <PageTitle title="Decision register">Decision register</PageTitle>
      {list.status === 'loading' ? <Loading what="the decision register" /> : null}
      {list.status === 'error' ? <ErrorBox error={list.error} retry={list.reload} /> : null}
      {list.status === 'ok' ? (
        list.data.items.length ? (
          <div className="decisions">
            {list.data.items.map((d) => (
              <DecisionEntry key={d.reference} d={d} onChanged={list.reload} />
            ))}
          </div>
        ) : (
          <Empty>No text has been adopted yet.</Empty>
        )
      ) : null}
    </>
  );
}
