// Calendar feeds: the public iCalendar feeds anyone may subscribe to, and the user's personal secret
// feeds (everything they may see). A personal URL is shown once, when it is created; revoking it stops
// it at once. The secret never comes back from the server after that answer.
import { useRef, useState, type FormEvent } from 'react';
import { api, ApiError, asApiError } from '../../api.ts';
import { useApi } from '../../use-api.ts';
import { Field, FormErrors } from '../Field.tsx';
import { ErrorBox, Loading } from '../Status.tsx';
import { DataTable } from '../DataTable.tsx';
import { longDate } from './dates.ts';

interface FeedToken {
  id: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}
interface PublicFeeds {
  calendar: string;
  bodies: { code: string; name: string; url: string }[];
  topics: { code: string; name: string; url: string }[];
}

const day = (instant: string) => longDate(instant.slice(0, 10));

export function FeedsSection() {
  const feeds = useApi<PublicFeeds>('/calendar/feeds');
  const tokens = useApi<{ items: FeedToken[] }>('/calendar/feed-tokens');
  const [label, setLabel] = useState('My calendar');
  const [created, setCreated] = useState<{ label: string; url: string } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);
  const urlRef = useRef<HTMLInputElement>(null);
  const errorsRef = useRef<HTMLDivElement>(null);

  async function create(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setCopied(false);
    if (!label.trim()) {
      setFieldErrors({ label: 'Enter a name for this feed, e.g. "Office calendar".' });
      return;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      const answer = await api.post<{ label: string; url: string }>('/calendar/feed-tokens', { label: label.trim() });
      setCreated({ label: answer.label, url: answer.url });
      tokens.reload();
      requestAnimationFrame(() => urlRef.current?.focus());
    } catch (e) {
      const err = asApiError(e);
      setError(err);
      setFieldErrors(err.fieldErrors());
      requestAnimationFrame(() => errorsRef.current?.querySelector<HTMLElement>('[role=alert]')?.focus());
    } finally {
      setBusy(false);
    }
  }

  async function revoke(token: FeedToken) {
    setError(null);
    try {
      await api.delete(`/calendar/feed-tokens/${token.id}`);
      tokens.reload();
    } catch (e) {
      setError(asApiError(e));
    }
  }

  async function copy() {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.url);
      setCopied(true);
    } catch {
      // Without clipboard access the address is selected for the user to copy.
      urlRef.current?.select();
    }
  }

  const active = tokens.data?.items.filter((t) => !t.revokedAt) ?? [];
  const revoked = tokens.data?.items.filter((t) => t.revokedAt) ?? [];

  return (
    <section aria-labelledby="feeds-h" className="cal-feeds">
      <h2 id="feeds-h">Calendar feeds</h2>
      <h3>Public feed</h3>
      {feeds.status === 'loading' ? <Loading what="the public feeds" /> : null}
      {feeds.error ? <ErrorBox error={feeds.error} retry={feeds.reload} /> : null}
      {feeds.data ? (
        <>
          <p>
            Public meetings and events, for any calendar program:{' '}
            <a href={feeds.data.calendar}>{feeds.data.calendar}</a>
          </p>
          <details>
            <summary>Public feeds per body and per topic</summary>
            <ul className="cal-feed-list">
              {feeds.data.bodies.map((b) => (
                <li key={`b-${b.code}`}>
                  <a href={b.url}>{b.name}</a>
                </li>
              ))}
              {feeds.data.topics.map((t) => (
                <li key={`t-${t.code}`}>
                  <a href={t.url}>{t.name}</a>
                </li>
              ))}
            </ul>
          </details>
        </>
      ) : null}

      <h3>Your personal feed</h3>
      <p>
        A personal feed holds everything you may see, restricted items included. Its address is a secret: anyone who has
        it can read your calendar, so keep it to your own calendar program and revoke it if it leaks.
      </p>
      <div ref={errorsRef}>{error ? <FormErrors message={error.message} fields={fieldErrors} /> : null}</div>
      <form className="form cal-feed-form" onSubmit={(e) => void create(e)} noValidate>
        <Field
          label="Name of the new feed"
          error={fieldErrors.label}
          hint="Only you see this name; it helps you tell your feeds apart."
        >
          <input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={100} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            Create a personal feed address
          </button>
        </div>
      </form>
      {created ? (
        <div className="cal-feed-created" role="status">
          <p>
            <strong>Your feed “{created.label}” is ready.</strong> Copy the address now: it is shown only this once.
          </p>
          <div className="cal-copy">
            <label htmlFor="feed-url">Secret feed address</label>
            <input id="feed-url" ref={urlRef} readOnly value={created.url} onFocus={(e) => e.currentTarget.select()} />
            <button type="button" className="button secondary" onClick={() => void copy()}>
              Copy address
            </button>
          </div>
          {copied ? <p>Copied to the clipboard.</p> : null}
        </div>
      ) : null}

      {tokens.status === 'loading' ? <Loading what="your feeds" /> : null}
      {tokens.error ? <ErrorBox error={tokens.error} retry={tokens.reload} /> : null}
      {tokens.data ? (
        active.length === 0 ? (
          <p className="empty">You have no personal feed at the moment.</p>
        ) : (
          <DataTable
            caption="Your personal feeds"
            columns={['Feed', 'Created', <span className="visually-hidden">Actions</span>]}
          >
            {active.map((t) => (
              <tr key={t.id}>
                <th scope="row">{t.label}</th>
                <td>{day(t.createdAt)}</td>
                <td>
                  <button type="button" className="button danger" onClick={() => void revoke(t)}>
                    Revoke<span className="visually-hidden"> {t.label}</span>
                  </button>
                </td>
              </tr>
            ))}
          </DataTable>
        )
      ) : null}
      {revoked.length > 0 ? (
        <p className="meta">Revoked: {revoked.map((t) => `${t.label} (${day(t.revokedAt!)})`).join('; ')}.</p>
      ) : null}
    </section>
  );
}
