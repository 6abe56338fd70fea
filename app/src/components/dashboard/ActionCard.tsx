// "Needs your action": drafts under silence procedure that a head of delegation may break and a chair
// oversees, with their deadlines. It reads GET /api/v1/texts?status=under_silence (issue 5); until that
// endpoint exists the server answers 404 and the card says that nothing needs the user's action. The
// deadline is shown in the zone the chair set it in.
import { Link } from 'react-router';
import type { ApiError } from '../../api.ts';
import { useApi } from '../../use-api.ts';
import { isTextEvent, useLive } from '../../live.ts';
import { ErrorBox, Loading } from '../Status.tsx';
import { instantWhen } from '../meetings/when.ts';

interface SilenceText {
  id: string;
  title: string;
  format?: { name: string };
  deadline?: string;
  deadlineTimeZone?: string | null;
}

function deadlineOf(t: SilenceText): string | null {
  const at = t.deadline;
  if (!at) return null;
  const zone = t.deadlineTimeZone ?? 'UTC';
  return instantWhen(at, zone);
}

const notThereYet = (error: ApiError) => error.status === 404;

function SilenceList() {
  const texts = useApi<{ items: SilenceText[] }>('/texts?status=under_silence');
  useLive(() => texts.reload(), isTextEvent);
  if (texts.status === 'loading') return <Loading what="texts under silence" />;
  if (texts.status === 'error')
    return notThereYet(texts.error) ? (
      <p className="empty">Nothing needs your action.</p>
    ) : (
      <ErrorBox error={texts.error} retry={texts.reload} />
    );
  if (texts.data.items.length === 0) return <p className="empty">Nothing needs your action.</p>;
  return (
    <ul>
      {texts.data.items.map((t) => {
        const deadline = deadlineOf(t);
        return (
          <li key={t.id}>
            <Link to={`/texts/${t.id}`}>{t.title}</Link>
            <span className="entry-meta">
              <span className="badge warn">Under silence</span> {t.format ? `${t.format.name} · ` : ''}
              {deadline ? `Silence ends ${deadline}` : 'Deadline not given'}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** Heads of delegation (who may break silence) and the chair see the texts under silence. */
export function ActionCard({ concerned }: { concerned: boolean }) {
  return (
    <section className="card" aria-labelledby="action-h">
      <h2 id="action-h">Needs your action</h2>
      {concerned ? <SilenceList /> : <p className="empty">Nothing needs your action.</p>}
    </section>
  );
}
