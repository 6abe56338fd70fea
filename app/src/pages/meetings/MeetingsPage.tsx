// The meetings the signed-in user may see (the server filters with `can`), upcoming first, then past
// ones newest first; optionally those of one body (?body=nrc, filtered by the server).
import { Link, useSearchParams } from 'react-router';
import { PageTitle } from '../../components/Layout.tsx';
import { Empty, ErrorBox, Loading } from '../../components/Status.tsx';
import { StatusBadge } from '../../components/meetings/StatusBadge.tsx';
import type { MeetingList, MeetingSummary } from '../../components/meetings/types.ts';
import { meetingWhen, venueText } from '../../components/meetings/when.ts';
import { useSession } from '../../session.tsx';
import { useApi } from '../../use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';

function MeetingTable({ id, meetings }: { id: string; meetings: MeetingSummary[] }) {
  return (
    <DataTable
      className="meetings-table"
      labelledBy={id}
      columns={['Meeting', 'Date and time', 'Body and format', 'Venue', 'Status']}
    >
      {meetings.map((m) => (
        <tr key={m.id}>
          <th scope="row">
            <Link to={`/meetings/${m.id}`}>{m.title}</Link>
            <span className="meeting-level">{m.level}</span>
          </th>
          <td>{meetingWhen(m.local, m.timeZone)}</td>
          <td>
            {m.body ? m.body.name : 'A body not shown to you'}
            <span className="meeting-level">{m.format.name}</span>
          </td>
          <td>{venueText(m.venue) ?? 'Not set'}</td>
          <td>
            <StatusBadge status={m.status} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

export function MeetingsPage() {
  const { abilities } = useSession();
  const [params] = useSearchParams();
  const body = params.get('body');
  const list = useApi<MeetingList>(`/meetings?limit=500${body ? `&body=${encodeURIComponent(body)}` : ''}`);
  const now = new Date().toISOString();

  let content;
  if (list.status === 'loading') content = <Loading what="meetings" />;
  else if (list.status === 'error') content = <ErrorBox error={list.error} retry={list.reload} />;
  else {
    const upcoming = list.data.items.filter((m) => m.endsAt >= now);
    const past = list.data.items.filter((m) => m.endsAt < now).reverse();
    const bodyName = body ? (list.data.items[0]?.body?.name ?? body) : null;
    content = (
      <>
        {bodyName ? (
          <p>
            Meetings of {bodyName}. <Link to="/meetings">Show the meetings of every body</Link>
          </p>
        ) : null}
        <section aria-labelledby="upcoming-h">
          <h2 id="upcoming-h">Upcoming</h2>
          {upcoming.length ? (
            <MeetingTable id="upcoming-h" meetings={upcoming} />
          ) : (
            <Empty>No upcoming meetings.</Empty>
          )}
        </section>
        <section aria-labelledby="past-h">
          <h2 id="past-h">Past</h2>
          {past.length ? <MeetingTable id="past-h" meetings={past} /> : <Empty>No past meetings.</Empty>}
        </section>
      </>
    );
  }

  return (
    <>
      <div className="toolbar">
        <PageTitle title="Meetings">Meetings</PageTitle>
        {abilities.createMeetings ? (
          <Link className="button" to="/meetings/new">
            New meeting
          </Link>
        ) : null}
      </div>
      {content}
    </>
  );
}
