// One format: its members and, for those who may change it, what is in it (the usage counts) and the
// form to change its name, description and members — a change of members confirmed first, since it
// changes who may see everything in the format. A format still in use cannot be deleted (the server
// answers 409 naming what uses it, shown here).
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api, ApiError, asApiError } from '../../api.ts';
import { ConfirmDelete } from '../../components/ConfirmDelete.tsx';
import { PageTitle } from '../../components/Layout.tsx';
import { Loading, Notice, PageFailure, Refusal } from '../../components/Status.tsx';
import { andList, type MembersChange } from '../../components/members/format-change.ts';
import { FormatForm } from '../../components/members/FormatForm.tsx';
import {
  mayDelete,
  mayUpdate,
  type Format,
  type FormatUsage,
  type Listed,
  type Member,
} from '../../components/members/model.ts';
import { useApi } from '../../use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';

const KINDS = [
  ['meetings', 'Meetings'],
  ['projects', 'Projects'],
  ['events', 'Events'],
  ['bodies', 'Bodies'],
] as const;

export function FormatPage() {
  const { code } = useParams();
  const navigate = useNavigate();
  const format = useApi<Format>(`/formats/${code}`);
  // What is shown: as loaded, then as the server answered the change (so the notice never sits beside stale members).
  const [shown, setShown] = useState<Format | null>(null);
  useEffect(() => setShown(format.data), [format.data]);
  const members = useApi<Listed<Member>>('/members');
  // The usage is for those who may change the format (the server refuses delegates).
  const usage = useApi<FormatUsage>(mayUpdate(format.data) ? `/formats/${code}/usage` : null);
  const [editing, setEditing] = useState(false);
  // A notice handed over by the page that sent the reader here ("… is created").
  const [notice, setNotice] = useState<string | null>(
    (useLocation().state as { notice?: string } | null)?.notice ?? null,
  );
  const [refusal, setRefusal] = useState<ApiError | null>(null);

  if (format.status === 'loading' || (format.data && ((!members.data && !members.error) || !shown)))
    return <Loading what="the format" />;
  if (format.error || members.error)
    return (
      <PageFailure
        title="Format"
        error={(format.error ?? members.error)!}
        retry={format.error ? format.reload : members.reload}
        back={{ to: '/formats', label: 'All formats' }}
      />
    );
  const f = shown ?? format.data;
  const all = members.data?.items ?? [];
  const nameOf = (c: string) => all.find((m) => m.code === c)?.name ?? c;
  const focusLater = (selector: string) =>
    requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());

  const saved = (next: Format, change: MembersChange) => {
    setEditing(false);
    const parts = [
      change.added.length ? `${andList(change.added.map(nameOf))} added` : null,
      change.removed.length ? `${andList(change.removed.map(nameOf))} removed` : null,
    ].filter(Boolean);
    setShown(next);
    setNotice(`${next.name} is saved${parts.length ? `: ${parts.join('; ')}` : ''}.`);
    usage.reload();
    focusLater('.notice');
  };
  async function remove() {
    setNotice(null);
    setRefusal(null);
    try {
      await api.delete(`/formats/${f.code}`);
      void navigate('/formats', { state: { notice: `${f.name} is deleted.` } });
    } catch (e) {
      setRefusal(asApiError(e));
    }
  }

  return (
    <>
      <p className="eyebrow">
        <Link to="/members">Members</Link> · <Link to="/formats">Formats</Link>
      </p>
      <PageTitle title={f.name}>{f.name}</PageTitle>
      <Notice text={notice} focusable />
      {editing ? (
        <FormatForm
          format={f}
          members={all}
          onSaved={saved}
          onCancel={() => {
            setEditing(false);
            focusLater('[data-focus="edit-format"]');
          }}
        />
      ) : (
        <>
          {f.description ? <p>{f.description}</p> : null}
          <dl className="facts">
            <dt>Code</dt>
            <dd>{f.code}</dd>
            <dt>Members</dt>
            <dd>{f.members.length}</dd>
          </dl>
          <section aria-labelledby="format-members-h">
            <h2 id="format-members-h">Members</h2>
            <ul className="checks checks-columns format-members">
              {f.members.map((c) => (
                <li key={c}>
                  <Link to={`/members/${c}`}>{nameOf(c)}</Link>
                </li>
              ))}
            </ul>
          </section>
          {usage.data ? (
            <section aria-labelledby="format-usage-h">
              <h2 id="format-usage-h">In this format</h2>
              <p className="meta">
                Items that are not public are seen only by the members above (and the secretariat). Texts keep the
                members the format had when each was created.
              </p>
              <DataTable
                className="usage-table"
                caption={`Items in ${f.name}`}
                columns={['Kind', 'In all', 'Not public']}
              >
                {KINDS.map(([key, label]) => (
                  <tr key={key}>
                    <th scope="row">{label}</th>
                    <td>{usage.data[key].total}</td>
                    <td>{usage.data[key].total - usage.data[key].public}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">Texts</th>
                  <td>{usage.data.texts.total}</td>
                  <td>{usage.data.texts.total}</td>
                </tr>
              </DataTable>
            </section>
          ) : null}
          <Refusal error={refusal} />
          {mayUpdate(f) || mayDelete(f) ? (
            <div className="form-actions">
              {mayUpdate(f) ? (
                <button
                  type="button"
                  className="button"
                  data-focus="edit-format"
                  onClick={() => {
                    setNotice(null);
                    setRefusal(null);
                    setEditing(true);
                  }}
                >
                  Change the format
                </button>
              ) : null}
              {mayDelete(f) ? (
                <ConfirmDelete
                  key={refusal ? 'refused' : 'ready'}
                  label="Delete the format"
                  confirmLabel={`Yes, delete ${f.name}`}
                  onConfirm={() => void remove()}
                />
              ) : null}
            </div>
          ) : null}
        </>
      )}
    </>
  );
}
