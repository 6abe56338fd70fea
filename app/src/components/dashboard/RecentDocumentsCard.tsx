// Recent documents: the newest items of the public record (GET /api/v1/record, newest first) and, when
// the texts API exists (issue 5), the drafts the reader may see. Record items open on the public site.
import { Link } from 'react-router';
import { useApi } from '../../use-api.ts';
import { ErrorBox, Loading } from '../Status.tsx';
import { humanDate } from '../meetings/when.ts';

interface RecordSummary {
  slug: string;
  kind: string;
  title: string;
  date: string | null;
}
interface TextSummary {
  id: string;
  title: string;
  status?: string;
}

const recordDate = (date: string | null) =>
  date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? humanDate(date) : (date ?? 'Undated');

function RecentTexts() {
  const texts = useApi<{ items: TextSummary[] }>('/texts');
  // Until the texts API exists (404), or when there are none, the record alone is shown.
  if (texts.status !== 'ok' || texts.data.items.length === 0) return null;
  return (
    <>
      <h3>Draft texts</h3>
      <ul>
        {texts.data.items.slice(0, 5).map((t) => (
          <li key={t.id}>
            <Link to={`/texts/${t.id}`}>{t.title}</Link>
            {t.status ? <span className="entry-meta">{t.status.replace(/_/g, ' ')}</span> : null}
          </li>
        ))}
      </ul>
    </>
  );
}

export function RecentDocumentsCard() {
  const record = useApi<{ total: number; items: RecordSummary[] }>('/record');
  return (
    <section className="card" aria-labelledby="documents-h">
      <h2 id="documents-h">Recent documents</h2>
      <RecentTexts />
      <h3>Public record</h3>
      {record.status === 'loading' ? <Loading what="recent documents" /> : null}
      {record.status === 'error' ? <ErrorBox error={record.error} retry={record.reload} /> : null}
      {record.status === 'ok' && record.data.items.length === 0 ? (
        <p className="empty">The public record is empty.</p>
      ) : null}
      {record.status === 'ok' && record.data.items.length > 0 ? (
        <ul>
          {record.data.items.slice(0, 5).map((item) => (
            <li key={item.slug}>
              <a href={`/record/${encodeURIComponent(item.slug)}`}>{item.title}</a>
              <span className="entry-meta">
                {item.kind} · {recordDate(item.date)}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
