// Members of the council: groups, the date each joined, and the formats each one sits in (the formats
// have pages of their own, linked from here).
import { Link } from 'react-router';
import { PageTitle } from '../../components/Layout.tsx';
import { ErrorBox, Loading } from '../../components/Status.tsx';
import { longDate } from '../../components/calendar/dates.ts';
import { mayCreate, type Format, type Listed, type Member } from '../../components/members/model.ts';
import { useApi } from '../../use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';

export function MembersPage() {
  const members = useApi<Listed<Member>>('/members');
  const formats = useApi<Listed<Format>>('/formats');
  const formatsOf = (code: string) => (formats.data?.items ?? []).filter((f) => f.members.includes(code));
  // The table waits for both lists, so it never shows a row whose formats are still on their way; if the
  // formats cannot be loaded, the members are still shown and the column says so beside the error.
  const settled = formats.status !== 'loading';
  return (
    <>
      <PageTitle title="Members and delegations">Members and delegations</PageTitle>
      <p>
        Open a member for its delegation. The <Link to="/formats">formats</Link> are the sets of members that meet and
        decide together: they decide who may see what.
      </p>
      {mayCreate(members.data) ? (
        <p>
          <Link className="button" to="/members/new">
            New member
          </Link>
        </p>
      ) : null}
      {members.status === 'loading' || (members.data && !settled) ? <Loading what="the members" /> : null}
      {members.error ? <ErrorBox error={members.error} retry={members.reload} /> : null}
      {formats.error ? <ErrorBox error={formats.error} retry={formats.reload} /> : null}
      {members.data && settled ? (
        <>
          <p className="meta">{members.data.items.length} members, in seating order.</p>
          <DataTable
            caption={`Members of the council, ${members.data.items.length} in all`}
            scrollLabel="Members"
            columns={['Member', 'Groups', 'Joined', 'Formats']}
          >
            {members.data.items.map((m) => (
              <tr key={m.code}>
                <th scope="row">
                  <Link to={`/members/${m.code}`}>{m.name}</Link> <span className="meta">({m.code})</span>
                </th>
                <td>{m.groups.join(', ') || '—'}</td>
                <td>{m.joinedOn ? longDate(m.joinedOn) : 'Not recorded'}</td>
                <td>
                  {formats.data
                    ? formatsOf(m.code)
                        .map((f) => f.name)
                        .join(', ') || 'None'
                    : 'Not available'}
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : null}
    </>
  );
}
