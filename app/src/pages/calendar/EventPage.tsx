// One event: when (in the words it was announced with, and how exact that is), where, who hosts it, its
// place in a series, status, who may see it, and the projects and topics it belongs to.
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api, ApiError, asApiError } from '../../api.ts';
import { PageTitle } from '../../components/Layout.tsx';
import { ErrorBox, Loading, Notice, PageFailure } from '../../components/Status.tsx';
import { AccessBadge, StatusBadge } from '../../components/calendar/Badges.tsx';
import { placeText } from '../../components/calendar/EventTable.tsx';
import { eventDateText, precisionNote } from '../../components/calendar/dates.ts';
import { kindLabel, type EventDetail } from '../../components/calendar/model.ts';
import { useApi } from '../../use-api.ts';
import { ConfirmDelete } from '../../components/ConfirmDelete.tsx';

export function EventPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice ?? null;
  const event = useApi<EventDetail>(`/events/${id}`);
  const [deleteError, setDeleteError] = useState<ApiError | null>(null);

  if (event.status === 'loading') return <Loading what="the event" />;
  if (event.error)
    return (
      <PageFailure
        title="Event"
        error={event.error}
        retry={event.reload}
        back={{ to: '/calendar', label: 'Back to the calendar' }}
      />
    );
  const e = event.data;
  const note = precisionNote(e.date.precision);
  const place = placeText(e.place);

  async function remove() {
    try {
      await api.delete(`/events/${e.id}`);
      void navigate('/calendar?view=list');
    } catch (err) {
      setDeleteError(asApiError(err));
    }
  }

  return (
    <>
      <p className="eyebrow">
        <Link to="/calendar">Calendar</Link> · {kindLabel(e.kind)}
      </p>
      <PageTitle title={e.title}>{e.title}</PageTitle>
      <Notice text={notice} />
      <p className="cal-entry-badges">
        <StatusBadge status={e.status} /> <AccessBadge isPublic={e.public} format={e.format} />
      </p>
      <dl className="facts">
        <dt>When</dt>
        <dd>
          {eventDateText(e.date)}
          {note ? <span className="cal-precision"> ({note})</span> : null}
        </dd>
        <dt>Where</dt>
        <dd>{place || 'Not yet announced'}</dd>
        <dt>Host</dt>
        <dd>{e.host ? <Link to={`/members/${e.host.code}`}>{e.host.name}</Link> : 'No host member'}</dd>
        {e.series ? (
          <>
            <dt>Series</dt>
            <dd>
              {e.series.phrase[0]!.toUpperCase() + e.series.phrase.slice(1)}: {e.series.name}
            </dd>
          </>
        ) : null}
        <dt>Body</dt>
        <dd>{e.body ? e.body.name : 'None'}</dd>
        <dt>Who may see it</dt>
        <dd>
          {e.public ? `Everyone (public); the event belongs to ${e.format.name}` : `Members of ${e.format.name} only`}
        </dd>
        <dt>Topics</dt>
        <dd>{e.topics.length ? e.topics.map((t) => t.name).join(', ') : 'None'}</dd>
        <dt>Projects</dt>
        <dd>
          {e.projects.length === 0 ? (
            'None'
          ) : (
            <ul className="plain">
              {e.projects.map((p) => (
                <li key={p.id}>
                  <Link to={`/projects/${p.id}`}>{p.title}</Link>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {e.description ? (
        <section aria-labelledby="about-h">
          <h2 id="about-h">About</h2>
          <p>{e.description}</p>
        </section>
      ) : null}

      {e.abilities.update || e.abilities.delete ? (
        <div className="form-actions">
          <Link className="button" to={`/events/${e.id}/edit`}>
            Change the event
          </Link>
          <ConfirmDelete
            label="Delete the event"
            confirmLabel={`Yes, delete “${e.title}”`}
            onConfirm={() => void remove()}
          />
        </div>
      ) : null}
      {deleteError ? <ErrorBox error={deleteError} /> : null}
    </>
  );
}
