// The topics: the areas of consultation the bodies work on, in their order, each with the bodies on it
// that the reader may see. "New topic" appears only when the list's abilities allow it.
import { Link, useLocation } from 'react-router';
import { PageTitle } from '../../components/Layout.tsx';
import { Empty, ErrorBox, Loading, Notice } from '../../components/Status.tsx';
import type { Body, Topic } from '../../components/bodies/model.ts';
import { mayCreate, type Listed } from '../../components/members/model.ts';
import { useApi } from '../../use-api.ts';

export function TopicsPage() {
  const topics = useApi<Listed<Topic>>('/topics');
  const bodies = useApi<Listed<Body>>('/bodies');
  const notice = (useLocation().state as { notice?: string } | null)?.notice ?? null;
  const bodiesOn = (code: string) => (bodies.data?.items ?? []).filter((b) => b.topics.includes(code));
  const settled = bodies.status !== 'loading';
  return (
    <>
      <div className="toolbar">
        <PageTitle title="Topics">Topics</PageTitle>
        {mayCreate(topics.data) ? (
          <Link className="button" to="/topics/new">
            New topic
          </Link>
        ) : null}
      </div>
      <Notice text={notice} />
      <p>
        The areas of consultation. Each <Link to="/bodies">body</Link> names the topics it works on; meetings, projects
        and events are filed under them.
      </p>
      {topics.status === 'loading' || (topics.data && !settled) ? <Loading what="the topics" /> : null}
      {topics.error ? <ErrorBox error={topics.error} retry={topics.reload} /> : null}
      {bodies.error ? <ErrorBox error={bodies.error} retry={bodies.reload} /> : null}
      {topics.data && settled ? (
        topics.data.items.length === 0 ? (
          <Empty>No topics yet.</Empty>
        ) : (
          <ul className="plain format-list">
            {topics.data.items.map((t) => {
              const on = bodiesOn(t.code);
              return (
                <li key={t.code} className="cal-entry">
                  <h2 className="format-name">
                    <Link to={`/topics/${t.code}`}>{t.name}</Link>
                  </h2>
                  {t.description ? <p>{t.description}</p> : null}
                  <p className="cal-entry-meta">
                    {bodies.data
                      ? on.length
                        ? `Bodies: ${on.map((b) => b.name).join(', ')}`
                        : 'No body you may see works on it'
                      : 'Bodies not available'}
                    {t.source ? ` · Source: ${t.source}` : ''}
                  </p>
                </li>
              );
            })}
          </ul>
        )
      ) : null}
    </>
  );
}
