// The work programme: projects grouped under the bodies that run them, each body with its record of
// achievements, and the record per topic. Only what the server answered for this user is listed.
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { RefOptions, ValueOptions } from '../../components/Field.tsx';
import { FilterSelect, FilterSubmit } from '../../components/forms/Filters.tsx';
import { PageTitle } from '../../components/Layout.tsx';
import { Empty, ErrorBox, Loading } from '../../components/Status.tsx';
import { longDate } from '../../components/calendar/dates.ts';
import type { Ref } from '../../components/calendar/model.ts';
import { AchievementList } from '../../components/work-programme/AchievementList.tsx';
import {
  PROJECT_STATUSES,
  wpLabel,
  type Achievements,
  type Body,
  type ProjectSummary,
} from '../../components/work-programme/model.ts';
import { WpBadge } from '../../components/work-programme/WpBadge.tsx';
import { useSession } from '../../session.tsx';
import { useApi } from '../../use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';

const period = (p: ProjectSummary) =>
  p.startsOn || p.endsOn
    ? `${p.startsOn ? longDate(p.startsOn) : '…'} – ${p.endsOn ? longDate(p.endsOn) : 'open'}`
    : 'Ongoing, no dates set';

function BodyRecord({ body }: { body: Body }) {
  const record = useApi<Achievements>(`/bodies/${body.code}/achievements`);
  return (
    <div className="wp-record">
      <h3>Record of achievements</h3>
      {record.status === 'loading' ? <Loading what="the record" /> : null}
      {record.error ? <ErrorBox error={record.error} retry={record.reload} /> : null}
      {record.data ? <AchievementList data={record.data} /> : null}
    </div>
  );
}

function TopicRecord({ topics }: { topics: Ref[] }) {
  const [chosen, setChosen] = useState('');
  const [shown, setShown] = useState('');
  const record = useApi<Achievements>(shown ? `/topics/${shown}/achievements` : null);
  return (
    <section aria-labelledby="topic-record-h" className="wp-body">
      <h2 id="topic-record-h">Record of achievements by topic</h2>
      <form
        className="cal-filters"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          setShown(chosen);
        }}
      >
        <FilterSelect
          id="wp-record-topic"
          label="Topic"
          all="Choose a topic"
          value={chosen}
          onChange={(e) => setChosen(e.target.value)}
        >
          <RefOptions list={topics} />
        </FilterSelect>
        <FilterSubmit>Show the record</FilterSubmit>
      </form>
      {shown && record.status === 'loading' ? <Loading what="the record" /> : null}
      {record.error ? <ErrorBox error={record.error} retry={record.reload} /> : null}
      {shown && record.data ? (
        <div className="wp-record" aria-live="polite">
          <h3>Record of achievements: {record.data.subject.name}</h3>
          <AchievementList data={record.data} showBody />
        </div>
      ) : null}
    </section>
  );
}

export function WorkProgrammePage() {
  const { abilities } = useSession();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const topic = params.get('topic') ?? '';
  const [draft, setDraft] = useState({ status, topic });
  const q = new URLSearchParams({ limit: '500' });
  if (status) q.set('status', status);
  if (topic) q.set('topic', topic);
  const projects = useApi<{ total: number; items: ProjectSummary[] }>(`/projects?${q.toString()}`);
  const bodies = useApi<{ items: Body[] }>('/bodies');
  const topics = useApi<{ items: Ref[] }>('/topics');

  const groups = (bodies.data?.items ?? [])
    .map((body) => ({ body, items: (projects.data?.items ?? []).filter((p) => p.body?.code === body.code) }))
    .filter((g) => g.items.length > 0);
  const unplaced = (projects.data?.items ?? []).filter(
    (p) => !p.body || !(bodies.data?.items ?? []).some((b) => b.code === p.body!.code),
  );

  return (
    <>
      <div className="toolbar">
        <PageTitle title="Work programme">Work programme</PageTitle>
        {abilities.createProjects ? (
          <Link className="button" to="/projects/new">
            New project
          </Link>
        ) : null}
      </div>
      <form
        className="cal-filters"
        aria-label="Filter projects"
        onSubmit={(e) => {
          e.preventDefault();
          const next: Record<string, string> = {};
          if (draft.status) next.status = draft.status;
          if (draft.topic) next.topic = draft.topic;
          setParams(next);
        }}
      >
        <FilterSelect
          id="wp-status"
          label="Status"
          all="All"
          value={draft.status}
          onChange={(e) => setDraft({ ...draft, status: e.target.value })}
        >
          <ValueOptions values={PROJECT_STATUSES} label={wpLabel} />
        </FilterSelect>
        <FilterSelect
          id="wp-topic"
          label="Topic"
          all="All"
          value={draft.topic}
          onChange={(e) => setDraft({ ...draft, topic: e.target.value })}
        >
          <RefOptions list={topics.data?.items} />
        </FilterSelect>
        <FilterSubmit>Show</FilterSubmit>
      </form>

      {projects.status === 'loading' || bodies.status === 'loading' ? <Loading what="the work programme" /> : null}
      {projects.error ? <ErrorBox error={projects.error} retry={projects.reload} /> : null}
      {bodies.error ? <ErrorBox error={bodies.error} retry={bodies.reload} /> : null}
      {projects.data && bodies.data ? (
        <>
          <p className="meta">
            {projects.data.total === 1 ? '1 project' : `${projects.data.total} projects`} you may see.
          </p>
          {projects.data.total === 0 ? <Empty>No projects match.</Empty> : null}
          {[...groups, ...(unplaced.length ? [{ body: null, items: unplaced }] : [])].map(({ body, items }) => (
            <section key={body?.code ?? '-'} className="wp-body" aria-labelledby={`wp-${body?.code ?? 'other'}`}>
              <h2 id={`wp-${body?.code ?? 'other'}`}>{body ? body.name : 'Other projects'}</h2>
              <DataTable
                caption={`Projects of ${body ? body.name : 'no body'}`}
                columns={['Project', 'Status', 'Topics', 'Lead members', 'Period']}
              >
                {items.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link to={`/projects/${p.id}`}>{p.title}</Link>
                    </th>
                    <td>
                      <WpBadge status={p.status} />
                    </td>
                    <td>{p.topics.map((t) => t.name).join(', ') || '—'}</td>
                    <td>{p.leadMembers.map((m) => m.name).join(', ') || 'None named'}</td>
                    <td>{period(p)}</td>
                  </tr>
                ))}
              </DataTable>
              {body ? <BodyRecord body={body} /> : null}
            </section>
          ))}
        </>
      ) : null}
      {topics.data ? <TopicRecord topics={topics.data.items} /> : null}
    </>
  );
}
