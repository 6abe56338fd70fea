// The formats: the sets of members that meet and decide together. Who is in a format decides who may
// see everything in it (a delegate sees an item only if their member is in the item's format).
import { Link, useLocation } from 'react-router';
import { PageTitle } from '../../components/Layout.tsx';
import { ErrorBox, Loading } from '../../components/Status.tsx';
import { mayCreate, type Format, type Listed, type Member } from '../../components/members/model.ts';
import { useApi } from '../../use-api.ts';

export function FormatsPage() {
  const formats = useApi<Listed<Format>>('/formats');
  const members = useApi<Listed<Member>>('/members');
  const notice = (useLocation().state as { notice?: string } | null)?.notice ?? null;
  const nameOf = (code: string) => members.data?.items.find((m) => m.code === code)?.name ?? code;
  return (
    <>
      <p className="eyebrow">
        <Link to="/members">Members and delegations</Link>
      </p>
      <PageTitle title="Formats">Formats</PageTitle>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <p>
        A format is a set of members that meets and decides together. A delegate sees a meeting, project, event, body or
        text only if their member is in its format.
      </p>
      {mayCreate(formats.data) ? (
        <p>
          <Link className="button" to="/formats/new">
            New format
          </Link>
        </p>
      ) : null}
      {(formats.status === 'loading' || members.status === 'loading') && !formats.error && !members.error ? (
        <Loading what="the formats" />
      ) : null}
      {formats.error ? <ErrorBox error={formats.error} retry={formats.reload} /> : null}
      {members.error ? <ErrorBox error={members.error} retry={members.reload} /> : null}
      {formats.data && members.data ? (
        <ul className="plain format-list">
          {formats.data.items.map((f) => (
            <li key={f.code} className="cal-entry">
              <h2 className="format-name">
                <Link to={`/formats/${f.code}`}>{f.name}</Link>
              </h2>
              {f.description ? <p>{f.description}</p> : null}
              <p className="cal-entry-meta">
                {f.members.length} {f.members.length === 1 ? 'member' : 'members'}: {f.members.map(nameOf).join(', ')}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
