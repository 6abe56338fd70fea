// The dashboard: who the user is, what comes next (GET /api/v1/dashboard), the latest meetings, what
// needs the user's action, recent documents and the counts of what they may see. Every number and
// item comes from the server as this user may see it; nothing is filtered here.
import { Link } from 'react-router';
import { ActionCard } from '../components/dashboard/ActionCard.tsx';
import { RecentDocumentsCard } from '../components/dashboard/RecentDocumentsCard.tsx';
import type { CalendarEntry } from '../components/calendar/model.ts';
import { EntryItem } from '../components/dashboard/UpcomingCard.tsx';
import { PageTitle } from '../components/Layout.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { StatusBadge } from '../components/meetings/StatusBadge.tsx';
import type { MeetingList } from '../components/meetings/types.ts';
import { meetingWhen } from '../components/meetings/when.ts';
import { useSession, type SessionUser } from '../session.tsx';
import { useApi } from '../use-api.ts';

interface Dashboard {
  on: string;
  meetings: { total: number; planned: number; held: number; record_approved: number };
  projects: {
    total: number;
    planned: number;
    active: number;
    completed: number;
    suspended: number;
    achievements: number;
  };
  events: { total: number; planned: number; ongoing: number; held: number; cancelled: number };
  upcoming: CalendarEntry[];
  recent: CalendarEntry[];
}

const ROLE_NAMES: Record<string, string> = {
  admin: 'administrator',
  secretariat: 'secretariat officer',
  chair: 'chair',
  delegate: 'delegate',
  auditor: 'auditor',
};

/** "head of delegation of Russia", "secretariat officer", "chair and administrator". */
function roleText(user: SessionUser, memberName: string | null): string {
  const roles = user.roles.map((r) =>
    r === 'delegate' && user.headOfDelegation ? 'head of delegation' : (ROLE_NAMES[r] ?? r),
  );
  const joined =
    roles.length > 1 ? `${roles.slice(0, -1).join(', ')} and ${roles[roles.length - 1]}` : (roles[0] ?? 'user');
  return memberName ? `${joined} of ${memberName}` : joined;
}

function Greeting() {
  const { user } = useSession();
  const member = useApi<{ code: string; name: string }>(
    user.member ? `/members/${encodeURIComponent(user.member)}` : null,
  );
  const memberName = user.member ? (member.status === 'ok' ? member.data.name : user.member) : null;
  return (
    <>
      <PageTitle title="Dashboard">Welcome, {user.name}</PageTitle>
      <p className="lede">
        You are signed in as {roleText(user, memberName)}. You see what {user.member ? 'your delegation' : 'your role'}{' '}
        may see.
      </p>
    </>
  );
}

function ComingUp({ dashboard }: { dashboard: Dashboard }) {
  return (
    <section className="card" aria-labelledby="upcoming-h">
      <h2 id="upcoming-h">Coming up</h2>
      {dashboard.upcoming.length ? (
        <ul>
          {dashboard.upcoming.map((e) => (
            <EntryItem key={`${e.type}:${e.id}`} entry={e} />
          ))}
        </ul>
      ) : dashboard.recent.length ? (
        <>
          <p className="empty">Nothing is scheduled from today on. The latest:</p>
          <ul>
            {dashboard.recent.map((e) => (
              <EntryItem key={`${e.type}:${e.id}`} entry={e} />
            ))}
          </ul>
        </>
      ) : (
        <p className="empty">No meetings or events from today on.</p>
      )}
      <p className="card-more">
        <Link to="/calendar">The calendar</Link>
      </p>
    </section>
  );
}

function LatestMeetings() {
  const list = useApi<MeetingList>('/meetings?limit=500');
  const now = new Date().toISOString();
  return (
    <section className="card" aria-labelledby="latest-h">
      <h2 id="latest-h">Latest meetings</h2>
      {list.status === 'loading' ? <Loading what="meetings" /> : null}
      {list.status === 'error' ? <ErrorBox error={list.error} retry={list.reload} /> : null}
      {list.status === 'ok'
        ? (() => {
            const past = list.data.items
              .filter((m) => m.startsAt < now)
              .reverse()
              .slice(0, 5);
            return past.length ? (
              <ul>
                {past.map((m) => (
                  <li key={m.id}>
                    <Link to={`/meetings/${m.id}`}>{m.title}</Link>
                    <span className="entry-meta">
                      <StatusBadge status={m.status} /> {meetingWhen(m.local, m.timeZone)}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="empty">No meetings have taken place yet.</p>
            );
          })()
        : null}
      <p className="card-more">
        <Link to="/meetings">All meetings</Link>
      </p>
    </section>
  );
}

function AtAGlance({ dashboard }: { dashboard: Dashboard }) {
  const { meetings, projects, events } = dashboard;
  return (
    <section className="card" aria-labelledby="glance-h">
      <h2 id="glance-h">At a glance</h2>
      <dl className="facts">
        <dt>Meetings</dt>
        <dd>
          {meetings.total} ({meetings.planned} planned, {meetings.held} held, {meetings.record_approved} with the record
          approved)
        </dd>
        <dt>Projects</dt>
        <dd>
          {projects.total} ({projects.active} active, {projects.completed} completed; {projects.achievements}{' '}
          achievements)
        </dd>
        <dt>Events</dt>
        <dd>
          {events.total} ({events.planned} planned, {events.ongoing} ongoing, {events.held} held)
        </dd>
      </dl>
    </section>
  );
}

export function DashboardPage() {
  const { user, isChair } = useSession();
  const dashboard = useApi<Dashboard>('/dashboard');
  return (
    <>
      <Greeting />
      {dashboard.status === 'loading' ? <Loading what="your dashboard" /> : null}
      {dashboard.status === 'error' ? <ErrorBox error={dashboard.error} retry={dashboard.reload} /> : null}
      <div className="cards dashboard">
        {dashboard.status === 'ok' ? <ComingUp dashboard={dashboard.data} /> : null}
        <LatestMeetings />
        <ActionCard concerned={user.headOfDelegation || isChair} />
        <RecentDocumentsCard />
        {dashboard.status === 'ok' ? <AtAGlance dashboard={dashboard.data} /> : null}
      </div>
    </>
  );
}
