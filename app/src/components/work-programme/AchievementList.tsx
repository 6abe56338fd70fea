// The record of achievements: deliverables delivered or agreed, with their result and the project.
import { Link } from 'react-router';
import { longDate } from '../calendar/dates.ts';
import type { Achievements } from './model.ts';
import { WpBadge } from './WpBadge.tsx';

export function AchievementList({ data, showBody = false }: { data: Achievements; showBody?: boolean }) {
  if (data.items.length === 0) return <p className="empty">No achievements recorded yet.</p>;
  return (
    <ul>
      {data.items.map((a) => (
        <li key={a.deliverable.id}>
          <p>
            <strong>{a.deliverable.title}</strong> <WpBadge status={a.deliverable.status} />
            {a.deliverable.achievedOn ? <span className="meta"> on {longDate(a.deliverable.achievedOn)}</span> : null}
          </p>
          {a.deliverable.result ? <p>{a.deliverable.result}</p> : null}
          <p className="meta">
            Project: <Link to={`/projects/${a.project.id}`}>{a.project.title}</Link>
            {showBody && a.project.body ? ` · ${a.project.body.name}` : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
