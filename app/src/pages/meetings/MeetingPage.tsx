// One meeting: its facts, the agenda grouped by subject area (topics, documents), participants and the
// outcome. A meeting the user may not see answers 404 from the server, shown exactly like a missing one.
import { useEffect, useRef } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { PageTitle } from '../../components/Layout.tsx';
import { Loading, Notice, PageFailure } from '../../components/Status.tsx';
import { StatusBadge } from '../../components/meetings/StatusBadge.tsx';
import type { Meeting } from '../../components/meetings/types.ts';
import { meetingWhen, venueText } from '../../components/meetings/when.ts';
import { useApi } from '../../use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';

const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

function Agenda({ meeting }: { meeting: Meeting }) {
  if (meeting.agenda.length === 0) return <p className="empty">No agenda yet.</p>;
  let number = 0;
  return (
    <>
      {meeting.agenda.map((group) => (
        <section key={group.subjectArea} className="agenda-area" aria-label={group.subjectArea}>
          <h3>{group.subjectArea}</h3>
          <ol className="agenda-items">
            {group.items.map((item) => {
              number += 1;
              return (
                <li key={item.id} value={number}>
                  <p className="agenda-title">{item.title}</p>
                  {paragraphs(item.description).map((p, i) => (
                    <p key={i}>{p}</p>
                  ))}
                  {item.topics.length ? (
                    <p className="agenda-meta">
                      Topics:{' '}
                      {item.topics.map((t, i) => (
                        <span key={t.code}>
                          {i ? ', ' : ''}
                          {t.name}
                        </span>
                      ))}
                    </p>
                  ) : null}
                  {item.documents.length ? <p className="agenda-meta">Documents: {item.documents.join(', ')}</p> : null}
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </>
  );
}

export function MeetingPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice ?? null;
  const meeting = useApi<Meeting>(`/meetings/${encodeURIComponent(id)}`);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (notice && meeting.status === 'ok') noticeRef.current?.focus();
  }, [notice, meeting.status]);

  if (meeting.status === 'loading') return <Loading what="the meeting" />;
  if (meeting.status === 'error')
    return (
      <PageFailure
        title={meeting.error.status === 404 ? 'Meeting not available' : 'Meeting'}
        error={meeting.error}
        retry={meeting.error.status === 404 ? undefined : meeting.reload}
        back={{ to: '/meetings', label: 'All meetings you may see' }}
      />
    );

  const m = meeting.data;
  return (
    <>
      <Notice text={notice} focusable ref={noticeRef} />
      <div className="toolbar">
        <PageTitle title={m.title}>{m.title}</PageTitle>
        {m.abilities.update ? (
          <Link className="button" to={`/meetings/${m.id}/edit`}>
            Edit meeting
          </Link>
        ) : null}
      </div>
      <dl className="facts">
        <dt>When</dt>
        <dd>{meetingWhen(m.local, m.timeZone)}</dd>
        <dt>Level</dt>
        <dd>{m.level}</dd>
        <dt>Body</dt>
        <dd>
          {m.body ? (
            <Link to={`/meetings?body=${encodeURIComponent(m.body.code)}`}>{m.body.name}</Link>
          ) : (
            'Not shown to you'
          )}
        </dd>
        <dt>Format</dt>
        <dd>{m.format.name}</dd>
        <dt>Venue</dt>
        <dd>{venueText(m.venue) ?? 'Not set'}</dd>
        <dt>Host</dt>
        <dd>{m.host ? <Link to={`/members/${encodeURIComponent(m.host.code)}`}>{m.host.name}</Link> : 'None'}</dd>
        <dt>Status</dt>
        <dd>
          <StatusBadge status={m.status} />
        </dd>
        <dt>Public</dt>
        <dd>{m.public ? 'Yes: on the public calendar' : 'No: only for the members of the format'}</dd>
      </dl>

      <section aria-labelledby="agenda-h">
        <h2 id="agenda-h">Agenda</h2>
        <Agenda meeting={m} />
      </section>

      <section aria-labelledby="participants-h">
        <h2 id="participants-h">Participants</h2>
        {m.participants.length ? (
          <DataTable labelledBy="participants-h" columns={['Person', 'Member', 'Function']}>
            {m.participants.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.person.name}</th>
                <td>{p.member?.name ?? '—'}</td>
                <td>{p.function}</td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p className="empty">No participants recorded.</p>
        )}
      </section>

      <section aria-labelledby="outcome-h">
        <h2 id="outcome-h">Outcome</h2>
        {m.outcome.summary.trim() ? (
          paragraphs(m.outcome.summary).map((p, i) => <p key={i}>{p}</p>)
        ) : (
          <p className="empty">No outcome recorded yet.</p>
        )}
        {m.outcome.decisions.length ? (
          <>
            <h3>Decisions</h3>
            <ol>
              {m.outcome.decisions.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ol>
          </>
        ) : null}
      </section>
      <p>
        <Link to="/meetings">All meetings</Link>
      </p>
    </>
  );
}
