// One text: facts, the current wording, its versions and a word-level comparison of any two, its
// language versions, the positions of members and the procedure panel. The page listens for live
// events about this text: it reads the text again and says what changed in a polite live region
// ("Silence broken by Sergei Ivanov for Russia at 14:02").
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api.ts';
import { Field } from '../../components/Field.tsx';
import { PageTitle } from '../../components/Layout.tsx';
import { ErrorBox, Loading } from '../../components/Status.tsx';
import { ActionForm } from '../../components/texts/ActionForm.tsx';
import { DiffView } from '../../components/texts/DiffView.tsx';
import {
  clockTime,
  KIND_LABELS,
  languageName,
  localWhen,
  STATUS_BADGE,
  STATUS_LABELS,
} from '../../components/texts/format.ts';
import { PositionsPanel } from '../../components/texts/PositionsPanel.tsx';
import { brokenByWho, ProcedurePanel } from '../../components/texts/ProcedurePanel.tsx';
import type { TextDetail, TextSummary } from '../../components/texts/types.ts';
import { useLive } from '../../live.ts';
import { useApi } from '../../use-api.ts';
import { useMinuteClock } from './TextsPage.tsx';
import { DataTable } from '../../components/DataTable.tsx';

/** What changed between two readings of a text, in one sentence (null when nothing people would notice). */
export function describeChange(before: TextDetail, after: TextDetail): string | null {
  const p = after.procedure;
  const q = before.procedure;
  if (p?.brokenBy && !(q?.brokenBy && q.sequence === p.sequence))
    return `Silence broken by ${brokenByWho(p.brokenBy)} at ${clockTime(p.brokenBy.at)}. The procedure failed; the text is back in drafting.`;
  if (after.status === 'adopted' && before.status !== 'adopted')
    return `Adopted${after.reference ? ` as ${after.reference}` : ''}.`;
  if (p && p.outcome === null && (!q || q.sequence !== p.sequence))
    return `Version ${p.version} put under silence at ${clockTime(p.openedAt)}.`;
  if (p && q && p.sequence === q.sequence && p.deadline !== q.deadline)
    return `Deadline extended at ${clockTime(p.extensions[p.extensions.length - 1]?.at ?? new Date().toISOString())}.`;
  if (after.versions.length > before.versions.length) return `Version ${after.currentVersion} added.`;
  if (after.reservations.length > before.reservations.length)
    return `Reservation placed by ${after.reservations.find((r) => !before.reservations.some((b) => b.member.code === r.member.code))?.member.name ?? 'a member'}.`;
  if (after.reservations.length < before.reservations.length)
    return `Reservation lifted by ${before.reservations.find((r) => !after.reservations.some((b) => b.member.code === r.member.code))?.member.name ?? 'a member'}.`;
  if (after.positions.length > before.positions.length) {
    const last = after.positions[after.positions.length - 1];
    return last ? `New position of ${last.member.name} at ${clockTime(last.at)}.` : 'A new position was recorded.';
  }
  if (after.decision?.released && !before.decision?.released) return 'Released to the public record.';
  return null;
}

function NewVersion({ text, onDone }: { text: TextDetail; onDone: () => void }) {
  const [wording, setWording] = useState(text.current.text);
  const [note, setNote] = useState('');
  return (
    <ActionForm
      label="New version"
      submitLabel="Save as a new version"
      validate={() =>
        !wording.trim()
          ? { text: 'Enter the wording.' }
          : wording === text.current.text
            ? { text: 'The wording is the same as the current version; change it first.' }
            : {}
      }
      send={() =>
        api.post(`/texts/${text.id}/versions`, { text: wording, ...(note.trim() ? { note: note.trim() } : {}) })
      }
      onDone={() => {
        setNote('');
        onDone();
      }}
    >
      {({ fields }) => (
        <>
          <h3>New version</h3>
          <Field label="Wording" error={fields.text}>
            <textarea value={wording} onChange={(e) => setWording(e.target.value)} rows={10} />
          </Field>
          <Field
            label="Note (optional)"
            hint="What changed and why, e.g. “Comments of the Allies”."
            error={fields.note}
          >
            <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
          </Field>
        </>
      )}
    </ActionForm>
  );
}

function LanguageVersions({ text, onDone }: { text: TextDetail; onDone: () => void }) {
  const others = useApi<{ items: TextSummary[] }>(text.abilities.linkLanguageVersion ? '/texts?limit=200' : null);
  const [other, setOther] = useState('');
  const linked = new Set([text.id, ...text.languageVersions.map((v) => v.id)]);
  // The server accepts only texts of the same body and format in a language the group does not have yet.
  const languages = new Set([text.language, ...text.languageVersions.map((v) => v.language)]);
  const candidates =
    others.status === 'ok'
      ? others.data.items.filter(
          (t) =>
            !linked.has(t.id) &&
            !languages.has(t.language) &&
            t.body?.code === text.body?.code &&
            t.format.code === text.format.code,
        )
      : [];
  return (
    <section aria-labelledby="languages-h">
      <h2 id="languages-h">Language versions</h2>
      {text.languageVersions.length ? (
        <ul>
          {text.languageVersions.map((v) => (
            <li key={v.id} lang={v.language}>
              <Link to={`/texts/${v.id}`}>{v.title}</Link> <span lang="en">({languageName(v.language)})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">No other language version is linked.</p>
      )}
      {text.abilities.linkLanguageVersion && candidates.length ? (
        <ActionForm
          label="Link a language version"
          submitLabel="Link"
          validate={() => (other ? {} : { text: 'Choose the text to link.' })}
          send={() => api.post(`/texts/${text.id}/language-versions`, { text: other })}
          onDone={onDone}
        >
          {({ fields }) => (
            <Field label="Link another text as a language version" error={fields.text}>
              <select value={other} onChange={(e) => setOther(e.target.value)}>
                <option value="">Choose a text</option>
                {candidates.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.title} ({languageName(t.language)})
                  </option>
                ))}
              </select>
            </Field>
          )}
        </ActionForm>
      ) : text.abilities.linkLanguageVersion && others.status === 'ok' ? (
        <p className="hint">
          To add a language version, start a new text of the same body and format in another language, then link it
          here.
        </p>
      ) : null}
    </section>
  );
}

function TextView({ text, reload }: { text: TextDetail; reload: () => void }) {
  const now = useMinuteClock();
  const [editing, setEditing] = useState(false);
  return (
    <>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <span className={STATUS_BADGE[text.status]}>{STATUS_LABELS[text.status]}</span>
          {text.reference ? ` ${text.reference}` : ''}{' '}
          {/* On a phone the procedure panel comes after the wording: a way straight to it. */}
          <a href="#procedure-h" className="to-procedure">
            The procedure
          </a>
        </dd>
        <dt>Kind</dt>
        <dd>{KIND_LABELS[text.kind]}</dd>
        <dt>Body</dt>
        <dd>{text.body ? text.body.name : 'A body not shown to you'}</dd>
        <dt>Format</dt>
        <dd>{text.format.name}</dd>
        <dt>Language</dt>
        <dd>{languageName(text.language)}</dd>
        <dt>Current version</dt>
        <dd>
          {text.currentVersion}, last changed {localWhen(text.updatedAt)}
        </dd>
      </dl>
      <div className="text-layout">
        <div className="text-main">
          <section aria-labelledby="wording-h">
            <h2 id="wording-h">Wording of version {text.current.number}</h2>
            <div className="wording" lang={text.language}>
              {text.current.text}
            </div>
            {text.abilities.newVersion ? (
              editing ? (
                <NewVersion
                  text={text}
                  onDone={() => {
                    setEditing(false);
                    reload();
                  }}
                />
              ) : (
                <p>
                  <button type="button" className="button secondary" onClick={() => setEditing(true)}>
                    Write a new version
                  </button>
                </p>
              )
            ) : text.status === 'under_silence' ? (
              <p className="hint">The version under silence cannot be changed until the procedure ends.</p>
            ) : null}
          </section>
          <section aria-labelledby="versions-h">
            <h2 id="versions-h">Versions</h2>
            <DataTable labelledBy="versions-h" scrollLabel="Versions" columns={['Version', 'Author', 'When', 'Note']}>
              {[...text.versions].reverse().map((v) => (
                <tr key={v.number}>
                  <th scope="row">{v.number}</th>
                  <td>{v.authorName}</td>
                  <td>{localWhen(v.createdAt)}</td>
                  <td>{v.note || '—'}</td>
                </tr>
              ))}
            </DataTable>
          </section>
          <section aria-labelledby="diff-h">
            <h2 id="diff-h">Compare versions</h2>
            <DiffView textId={text.id} versions={text.versions.map((v) => v.number)} />
          </section>
          <LanguageVersions text={text} onDone={reload} />
        </div>
        <div className="text-side">
          <ProcedurePanel text={text} now={now} onChanged={reload} />
          <PositionsPanel text={text} onChanged={reload} />
        </div>
      </div>
    </>
  );
}

export function TextPage() {
  const { id = '' } = useParams();
  const text = useApi<TextDetail>(`/texts/${id}`);
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef<TextDetail | null>(null);

  useLive(
    () => text.reload(),
    (message) => message.itemId === id,
  );

  // After each reading, say what changed since the one before (a live event or the user's own act).
  useEffect(() => {
    if (text.status !== 'ok') return;
    const before = previous.current;
    previous.current = text.data;
    if (before && before.id === text.data.id) {
      const said = describeChange(before, text.data);
      if (said) setAnnouncement(said);
    }
  }, [text.status, text.data]);

  return (
    <>
      <p className="crumbs">
        <Link to="/texts">Texts</Link>
      </p>
      {text.status === 'ok' ? (
        <PageTitle title={text.data.title}>{text.data.title}</PageTitle>
      ) : text.status === 'error' ? (
        <PageTitle title="Text not available">Text not available</PageTitle>
      ) : (
        <PageTitle title="Text">Text</PageTitle>
      )}
      <p className="live-news" role="status" aria-live="polite">
        {announcement}
      </p>
      {text.status === 'loading' ? <Loading what="the text" /> : null}
      {text.status === 'error' ? <ErrorBox error={text.error} retry={text.reload} /> : null}
      {text.status === 'ok' ? <TextView text={text.data} reload={text.reload} /> : null}
    </>
  );
}
