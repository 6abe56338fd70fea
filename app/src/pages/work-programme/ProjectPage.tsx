// One project: its body, topics and lead members, the milestones and deliverables (due, status,
// result) and the progress reports; the secretariat adds and changes them here.
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api, ApiError, asApiError } from '../../api.ts';
import { PageTitle } from '../../components/Layout.tsx';
import { Empty, ErrorBox, Loading, Notice, PageFailure } from '../../components/Status.tsx';
import { longDate } from '../../components/calendar/dates.ts';
import { DeliverableForm } from '../../components/work-programme/DeliverableForm.tsx';
import { ProgressReportForm } from '../../components/work-programme/ProgressReportForm.tsx';
import { wpLabel, type Project } from '../../components/work-programme/model.ts';
import { WpBadge } from '../../components/work-programme/WpBadge.tsx';
import { useApi } from '../../use-api.ts';
import { ConfirmDelete } from '../../components/ConfirmDelete.tsx';
import { DataTable } from '../../components/DataTable.tsx';

export function ProjectPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const loaded = useApi<Project>(`/projects/${id}`);
  const [project, setProject] = useState<Project | null>(null);
  // Changing the project (and its deliverables and reports) is what the server says this reader may do.
  const mayEdit = project?.abilities.update ?? false;
  const [editing, setEditing] = useState<string | null>(null); // deliverable id, 'new', or null
  const [reporting, setReporting] = useState(false);
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  useEffect(() => setProject(loaded.data), [loaded.data]);

  if (loaded.status === 'loading' && !project) return <Loading what="the project" />;
  if (loaded.error)
    return (
      <PageFailure
        title="Project"
        error={loaded.error}
        retry={loaded.reload}
        back={{ to: '/work-programme', label: 'Back to the work programme' }}
      />
    );
  if (!project) return <Loading what="the project" />;
  const p = project;

  const saved = (message: string) => (next: Project) => {
    setProject(next);
    setEditing(null);
    setReporting(false);
    setNotice(message);
  };
  async function removeDeliverable(deliverableId: string, title: string) {
    setActionError(null);
    try {
      await api.delete(`/projects/${p.id}/deliverables/${deliverableId}`);
      setProject({ ...p, deliverables: p.deliverables.filter((d) => d.id !== deliverableId) });
      setNotice(`“${title}” is removed.`);
    } catch (e) {
      setActionError(asApiError(e));
    }
  }
  async function removeProject() {
    setActionError(null);
    try {
      await api.delete(`/projects/${p.id}`);
      void navigate('/work-programme');
    } catch (e) {
      setActionError(asApiError(e));
    }
  }

  return (
    <>
      <p className="eyebrow">
        <Link to="/work-programme">Work programme</Link>
        {p.body ? ` · ${p.body.name}` : null}
      </p>
      <PageTitle title={p.title}>{p.title}</PageTitle>
      <Notice text={notice} />
      {actionError ? <ErrorBox error={actionError} /> : null}
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <WpBadge status={p.status} />
        </dd>
        <dt>Body</dt>
        <dd>{p.body?.name ?? '—'}</dd>
        <dt>Who may see it</dt>
        <dd>
          {p.public ? `Everyone (public); the project belongs to ${p.format.name}` : `Members of ${p.format.name} only`}
        </dd>
        <dt>Topics</dt>
        <dd>{p.topics.map((t) => t.name).join(', ') || 'None'}</dd>
        <dt>Lead members</dt>
        <dd>
          {p.leadMembers.length === 0
            ? 'None named'
            : p.leadMembers.map((m, i) => (
                <span key={m.code}>
                  {i > 0 ? ', ' : ''}
                  <Link to={`/members/${m.code}`}>{m.name}</Link>
                </span>
              ))}
        </dd>
        <dt>Period</dt>
        <dd>
          {p.startsOn || p.endsOn
            ? `${p.startsOn ? longDate(p.startsOn) : '…'} – ${p.endsOn ? longDate(p.endsOn) : 'open'}`
            : 'No dates set'}
        </dd>
      </dl>
      {p.description ? <p>{p.description}</p> : null}
      {mayEdit ? (
        <div className="form-actions">
          <Link className="button" to={`/projects/${p.id}/edit`}>
            Change the project
          </Link>
          <ConfirmDelete
            label="Delete the project"
            confirmLabel="Yes, delete the project"
            onConfirm={() => void removeProject()}
          />
        </div>
      ) : null}

      <section aria-labelledby="deliverables-h">
        <h2 id="deliverables-h">Milestones and deliverables</h2>
        {p.deliverables.length === 0 ? <Empty>None yet.</Empty> : null}
        {p.deliverables.length > 0 ? (
          <DataTable
            caption={`Milestones and deliverables of ${p.title}`}
            columns={[
              'Item',
              'Due',
              'Status',
              'Result',
              mayEdit ? <span className="visually-hidden">Actions</span> : null,
            ]}
          >
            {p.deliverables.map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  <span className="meta">{wpLabel(d.kind)}: </span>
                  {d.title}
                </th>
                <td>{d.dueOn ? longDate(d.dueOn) : '—'}</td>
                <td>
                  <WpBadge status={d.status} />
                  {d.achievedOn ? <span className="meta"> {longDate(d.achievedOn)}</span> : null}
                </td>
                <td>{d.result || '—'}</td>
                {mayEdit ? (
                  <td>
                    <button type="button" className="button secondary" onClick={() => setEditing(d.id)}>
                      Change<span className="visually-hidden"> {d.title}</span>
                    </button>{' '}
                    <button
                      type="button"
                      className="button secondary"
                      onClick={() => void removeDeliverable(d.id, d.title)}
                    >
                      Remove<span className="visually-hidden"> {d.title}</span>
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </DataTable>
        ) : null}
        {editing ? (
          <DeliverableForm
            key={editing}
            projectId={p.id}
            deliverable={p.deliverables.find((d) => d.id === editing) ?? null}
            onSaved={saved(editing === 'new' ? 'The item is added.' : 'The item is saved.')}
            onCancel={() => setEditing(null)}
          />
        ) : mayEdit ? (
          <p>
            <button type="button" className="button secondary" onClick={() => setEditing('new')}>
              Add a milestone or deliverable
            </button>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="reports-h">
        <h2 id="reports-h">Progress reports</h2>
        {p.progressReports.length === 0 ? <Empty>No progress reports yet.</Empty> : null}
        <ul className="plain">
          {p.progressReports.map((r) => (
            <li key={r.id} className="cal-entry">
              <p className="cal-entry-when">{longDate(r.reportedOn)}</p>
              <p>{r.summary}</p>
            </li>
          ))}
        </ul>
        {reporting ? (
          <ProgressReportForm
            projectId={p.id}
            onSaved={saved('The progress report is filed.')}
            onCancel={() => setReporting(false)}
          />
        ) : mayEdit ? (
          <p>
            <button type="button" className="button secondary" onClick={() => setReporting(true)}>
              File a progress report
            </button>
          </p>
        ) : null}
      </section>
    </>
  );
}
