// One topic: its description and source, the bodies working on it (those the reader may see), and the
// record of achievements on it. Change and Delete are shown when the topic's abilities allow them; a
// delete is confirmed first, and a refusal (IN_USE names what still refers to it) takes the focus.
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api, ApiError, asApiError } from '../../api.ts';
import { ConfirmDelete } from '../../components/ConfirmDelete.tsx';
import { PageTitle } from '../../components/Layout.tsx';
import { Empty, ErrorBox, Loading, Notice, PageFailure, Refusal } from '../../components/Status.tsx';
import { kindLabel, type Body, type Topic } from '../../components/bodies/model.ts';
import { mayDelete, mayUpdate, type Listed } from '../../components/members/model.ts';
import { AchievementList } from '../../components/work-programme/AchievementList.tsx';
import type { Achievements } from '../../components/work-programme/model.ts';
import { useApi } from '../../use-api.ts';

export function TopicPage() {
  const { code = '' } = useParams();
  // A fresh page per topic, so a refusal shown for one topic never stays on the next one.
  return <TopicView key={code} code={code} />;
}

function TopicView({ code }: { code: string }) {
  const navigate = useNavigate();
  const location = useLocation();
  const topic = useApi<Topic>(`/topics/${code}`);
  const bodies = useApi<Listed<Body>>('/bodies');
  const record = useApi<Achievements>(`/topics/${code}/achievements`);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const notice = refusal ? null : ((location.state as { notice?: string } | null)?.notice ?? null);

  if (topic.status === 'loading') return <Loading what="the topic" />;
  if (topic.error)
    return (
      <PageFailure
        title="Topic"
        error={topic.error}
        retry={topic.error.status === 404 ? undefined : topic.reload}
        back={{ to: '/topics', label: 'All topics' }}
      />
    );
  const t = topic.data;
  const on = (bodies.data?.items ?? []).filter((b) => b.topics.includes(t.code));

  async function remove() {
    setRefusal(null);
    try {
      await api.delete(`/topics/${t.code}`);
      void navigate('/topics', { state: { notice: `${t.name} is deleted.` } });
    } catch (e) {
      setRefusal(asApiError(e));
    }
  }

  return (
    <>
      <p className="eyebrow">
        <Link to="/topics">Topics</Link>
      </p>
      <PageTitle title={t.name}>{t.name}</PageTitle>
      <Notice text={notice} />
      {t.description ? <p>{t.description}</p> : null}
      <dl className="facts">
        <dt>Code</dt>
        <dd>{t.code}</dd>
        <dt>Source</dt>
        <dd>{t.source ?? 'Not recorded'}</dd>
        <dt>Position</dt>
        <dd>{t.position}</dd>
      </dl>
      <Refusal error={refusal} />
      {mayUpdate(t) || mayDelete(t) ? (
        <div className="form-actions">
          {mayUpdate(t) ? (
            <Link className="button" to={`/topics/${t.code}/edit`}>
              Change the topic
            </Link>
          ) : null}
          {mayDelete(t) ? (
            <ConfirmDelete
              key={refusal ? 'refused' : 'ready'}
              label="Delete the topic"
              confirmLabel={`Yes, delete ${t.name}`}
              onConfirm={() => void remove()}
            />
          ) : null}
        </div>
      ) : null}
      <section aria-labelledby="topic-bodies-h">
        <h2 id="topic-bodies-h">Bodies on this topic</h2>
        {bodies.status === 'loading' ? <Loading what="the bodies" /> : null}
        {bodies.error ? <ErrorBox error={bodies.error} retry={bodies.reload} /> : null}
        {bodies.data && on.length === 0 ? <Empty>No body you may see works on this topic.</Empty> : null}
        {on.length > 0 ? (
          <ul>
            {on.map((b) => (
              <li key={b.code}>
                <Link to={`/bodies/${b.code}`}>{b.name}</Link> <span className="meta">({kindLabel(b.kind)})</span>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section aria-labelledby="topic-record-h">
        <h2 id="topic-record-h">Record of achievements</h2>
        <div className="wp-record">
          {record.status === 'loading' ? <Loading what="the record" /> : null}
          {record.error ? <ErrorBox error={record.error} retry={record.reload} /> : null}
          {record.data ? <AchievementList data={record.data} showBody /> : null}
        </div>
      </section>
    </>
  );
}
