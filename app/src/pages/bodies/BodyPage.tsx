// One body: its description, kind, format, who may see it, its parent and the bodies under it, its chair
// and topics, its meetings and projects, and its record of achievements. Change and Delete are shown
// when the body's abilities allow them; a delete is confirmed first, and a refusal (IN_USE names what
// still refers to the body) is shown in an alert that takes the focus.
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api, ApiError, asApiError } from '../../api.ts';
import { ConfirmDelete } from '../../components/ConfirmDelete.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { PageTitle } from '../../components/Layout.tsx';
import { Empty, ErrorBox, Loading, Notice, PageFailure, Refusal } from '../../components/Status.tsx';
import { kindLabel, whoMaySee, type Body, type Topic } from '../../components/bodies/model.ts';
import { StatusBadge } from '../../components/meetings/StatusBadge.tsx';
import type { MeetingList } from '../../components/meetings/types.ts';
import { meetingWhen } from '../../components/meetings/when.ts';
import { mayDelete, mayUpdate, type Format, type Listed } from '../../components/members/model.ts';
import { AchievementList } from '../../components/work-programme/AchievementList.tsx';
import { WpBadge } from '../../components/work-programme/WpBadge.tsx';
import type { Achievements, ProjectSummary } from '../../components/work-programme/model.ts';
import { useApi } from '../../use-api.ts';

/** Links to coded items, separated by commas; `empty` when there are none. */
function LinkList({
  items,
  to,
  empty,
}: {
  items: readonly { code: string; name: string }[];
  to: (code: string) => string;
  empty: string;
}) {
  if (items.length === 0) return <>{empty}</>;
  return (
    <>
      {items.map((item, i) => (
        <span key={item.code}>
          {i > 0 ? ', ' : ''}
          <Link to={to(item.code)}>{item.name}</Link>
        </span>
      ))}
    </>
  );
}

function BodyMeetings({ code, name }: { code: string; name: string }) {
  const meetings = useApi<MeetingList>(`/meetings?body=${encodeURIComponent(code)}&limit=500`);
  return (
    <section aria-labelledby="body-meetings-h">
      <h2 id="body-meetings-h">Meetings</h2>
      {meetings.status === 'loading' ? <Loading what="the meetings" /> : null}
      {meetings.error ? <ErrorBox error={meetings.error} retry={meetings.reload} /> : null}
      {meetings.data && meetings.data.items.length === 0 ? <Empty>No meetings of {name} you may see.</Empty> : null}
      {meetings.data && meetings.data.items.length > 0 ? (
        <DataTable
          className="meetings-table"
          caption={`Meetings of ${name}`}
          columns={['Meeting', 'Date and time', 'Status']}
        >
          {meetings.data.items.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                <Link to={`/meetings/${m.id}`}>{m.title}</Link>
                <span className="meeting-level">{m.level}</span>
              </th>
              <td>{meetingWhen(m.local, m.timeZone)}</td>
              <td>
                <StatusBadge status={m.status} />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}

function BodyProjects({ code, name }: { code: string; name: string }) {
  const projects = useApi<{ total: number; items: ProjectSummary[] }>(
    `/projects?body=${encodeURIComponent(code)}&limit=500`,
  );
  const record = useApi<Achievements>(`/bodies/${code}/achievements`);
  return (
    <section aria-labelledby="body-projects-h">
      <h2 id="body-projects-h">Projects</h2>
      {projects.status === 'loading' ? <Loading what="the projects" /> : null}
      {projects.error ? <ErrorBox error={projects.error} retry={projects.reload} /> : null}
      {projects.data && projects.data.items.length === 0 ? <Empty>No projects of {name} you may see.</Empty> : null}
      {projects.data && projects.data.items.length > 0 ? (
        <DataTable caption={`Projects of ${name}`} columns={['Project', 'Status', 'Topics']}>
          {projects.data.items.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <Link to={`/projects/${p.id}`}>{p.title}</Link>
              </th>
              <td>
                <WpBadge status={p.status} />
              </td>
              <td>{p.topics.map((t) => t.name).join(', ') || '—'}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <div className="wp-record">
        <h3>Record of achievements</h3>
        {record.status === 'loading' ? <Loading what="the record" /> : null}
        {record.error ? <ErrorBox error={record.error} retry={record.reload} /> : null}
        {record.data ? <AchievementList data={record.data} /> : null}
      </div>
    </section>
  );
}

export function BodyPage() {
  const { code = '' } = useParams();
  // A fresh page per body, so a refusal shown for one body never stays on the next one opened from it.
  return <BodyView key={code} code={code} />;
}

function BodyView({ code }: { code: string }) {
  const navigate = useNavigate();
  const location = useLocation();
  const body = useApi<Body>(`/bodies/${code}`);
  const bodies = useApi<Listed<Body>>('/bodies');
  const formats = useApi<Listed<Format>>('/formats');
  const topics = useApi<Listed<Topic>>('/topics');
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const notice = refusal ? null : ((location.state as { notice?: string } | null)?.notice ?? null);

  if (body.status === 'loading') return <Loading what="the body" />;
  if (body.error)
    return (
      <PageFailure
        title="Body"
        error={body.error}
        retry={body.error.status === 404 ? undefined : body.reload}
        back={{ to: '/bodies', label: 'All bodies' }}
      />
    );
  const b = body.data;
  const all = bodies.data?.items ?? [];
  const parent = b.parent ? all.find((x) => x.code === b.parent) : undefined;
  const children = all.filter((x) => x.parent === b.code);
  const format = formats.data?.items.find((f) => f.code === b.format);
  const bodyTopics = (topics.data?.items ?? []).filter((t) => b.topics.includes(t.code));

  async function remove() {
    setRefusal(null);
    try {
      await api.delete(`/bodies/${b.code}`);
      void navigate('/bodies', { state: { notice: `${b.name} is deleted.` } });
    } catch (e) {
      setRefusal(asApiError(e));
    }
  }

  return (
    <>
      <p className="eyebrow">
        <Link to="/bodies">Bodies</Link>
        {b.parent ? (
          parent ? (
            <>
              {' '}
              · <Link to={`/bodies/${parent.code}`}>{parent.name}</Link>
            </>
          ) : null
        ) : null}
      </p>
      <PageTitle title={b.name}>{b.name}</PageTitle>
      <Notice text={notice} />
      {b.description ? <p>{b.description}</p> : null}
      <dl className="facts">
        <dt>Code</dt>
        <dd>{b.code}</dd>
        <dt>Kind</dt>
        <dd>{kindLabel(b.kind)}</dd>
        <dt>Format</dt>
        <dd>
          <Link to={`/formats/${b.format}`}>{format?.name ?? b.format}</Link>
        </dd>
        <dt>Who may see it</dt>
        <dd>{whoMaySee(b.public, format?.name ?? b.format)}</dd>
        <dt>Part of</dt>
        <dd>
          {b.parent ? (
            parent ? (
              <Link to={`/bodies/${parent.code}`}>{parent.name}</Link>
            ) : bodies.data ? (
              'A body not shown to you'
            ) : (
              '…'
            )
          ) : (
            'None: it is at the top'
          )}
        </dd>
        <dt>Bodies under it</dt>
        <dd>{bodies.data ? <LinkList items={children} to={(c) => `/bodies/${c}`} empty="None" /> : '…'}</dd>
        <dt>Chair</dt>
        <dd>{b.chair ? b.chair.name : 'Not recorded'}</dd>
        <dt>Topics</dt>
        <dd>{topics.data ? <LinkList items={bodyTopics} to={(c) => `/topics/${c}`} empty="None" /> : '…'}</dd>
      </dl>
      {bodies.error ? <ErrorBox error={bodies.error} retry={bodies.reload} /> : null}
      {topics.error ? <ErrorBox error={topics.error} retry={topics.reload} /> : null}
      <Refusal error={refusal} />
      {mayUpdate(b) || mayDelete(b) ? (
        <div className="form-actions">
          {mayUpdate(b) ? (
            <Link className="button" to={`/bodies/${b.code}/edit`}>
              Change the body
            </Link>
          ) : null}
          {mayDelete(b) ? (
            <ConfirmDelete
              key={refusal ? 'refused' : 'ready'}
              label="Delete the body"
              confirmLabel={`Yes, delete ${b.name}`}
              onConfirm={() => void remove()}
            />
          ) : null}
        </div>
      ) : null}
      <BodyMeetings code={b.code} name={b.name} />
      <BodyProjects code={b.code} name={b.name} />
    </>
  );
}
