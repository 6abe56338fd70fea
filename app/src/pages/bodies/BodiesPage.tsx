// The council and its bodies as the reader may see them (the server lists only those `can` allows),
// drawn as their hierarchy: each body with its kind, format, chair and whether it is public, and the
// bodies under it. "New body" appears only when the list's abilities allow it.
import { Link, useLocation } from 'react-router';
import { PageTitle } from '../../components/Layout.tsx';
import { Empty, ErrorBox, Loading, Notice } from '../../components/Status.tsx';
import { bodyTree, kindLabel, type Body, type BodyNode } from '../../components/bodies/model.ts';
import { mayCreate, type Format, type Listed } from '../../components/members/model.ts';
import { useApi } from '../../use-api.ts';

function BodyEntries({
  nodes,
  depth,
  formatName,
}: {
  nodes: BodyNode[];
  depth: number;
  formatName: (code: string) => string;
}) {
  // The headings follow the hierarchy: the council h2, the bodies under it h3, and so on.
  const Heading = (['h2', 'h3', 'h4', 'h5', 'h6'] as const)[Math.min(depth, 4)]!;
  return (
    <ul className="plain format-list">
      {nodes.map(({ body, children }) => (
        <li key={body.code} className="cal-entry">
          <Heading className="format-name">
            <Link to={`/bodies/${body.code}`}>{body.name}</Link>
          </Heading>
          <p className="cal-entry-meta">
            {kindLabel(body.kind)} · {formatName(body.format)} ·{' '}
            {body.chair ? `Chair: ${body.chair.name}` : 'No chair recorded'} · {body.public ? 'Public' : 'Not public'}
          </p>
          {children.length > 0 ? <BodyEntries nodes={children} depth={depth + 1} formatName={formatName} /> : null}
        </li>
      ))}
    </ul>
  );
}

export function BodiesPage() {
  const bodies = useApi<Listed<Body>>('/bodies');
  const formats = useApi<Listed<Format>>('/formats');
  const notice = (useLocation().state as { notice?: string } | null)?.notice ?? null;
  const formatName = (code: string) => formats.data?.items.find((f) => f.code === code)?.name ?? code;
  // The list waits for the formats, so a body never shows a bare format code that then changes to a name.
  const settled = formats.status !== 'loading';
  return (
    <>
      <div className="toolbar">
        <PageTitle title="Bodies">Bodies</PageTitle>
        {mayCreate(bodies.data) ? (
          <Link className="button" to="/bodies/new">
            New body
          </Link>
        ) : null}
      </div>
      <Notice text={notice} />
      <p>
        The council and the bodies under it. A body that is not public is seen only by the members of its format. The{' '}
        <Link to="/topics">topics</Link> are the areas of consultation the bodies work on.
      </p>
      {bodies.status === 'loading' || (bodies.data && !settled) ? <Loading what="the bodies" /> : null}
      {bodies.error ? <ErrorBox error={bodies.error} retry={bodies.reload} /> : null}
      {formats.error ? <ErrorBox error={formats.error} retry={formats.reload} /> : null}
      {bodies.data && settled ? (
        bodies.data.items.length === 0 ? (
          <Empty>No bodies you may see.</Empty>
        ) : (
          <BodyEntries nodes={bodyTree(bodies.data.items)} depth={0} formatName={formatName} />
        )
      ) : null}
    </>
  );
}
