// Search across the workspace: meetings, calendar events, work-programme projects and texts. The server
// answers with what `can` lets this user read — hits, total and the counts per kind — so an item outside
// the user's formats is neither shown nor counted. Snippets arrive as plain text pieces with the
// matching words flagged, rendered as <mark> here (never as HTML from the server).
import { Form, Link, useSearchParams } from 'react-router';
import { PageTitle } from '../components/Layout.tsx';
import { Empty, ErrorBox, Loading } from '../components/Status.tsx';
import { humanDate } from '../components/meetings/when.ts';
import { useApi } from '../use-api.ts';

type Kind = 'meeting' | 'event' | 'project' | 'text';
interface Hit {
  kind: Kind;
  id: string;
  title: string;
  subtitle: string;
  date: string | null;
  snippet: { text: string; hit: boolean }[];
}
interface Results {
  total: number;
  page: number;
  pageSize: number;
  kinds: Record<Kind, number>;
  hits: Hit[];
}

const KINDS: { kind: Kind; label: string; one: string; path: string }[] = [
  { kind: 'meeting', label: 'Meetings', one: 'Meeting', path: '/meetings' },
  { kind: 'event', label: 'Calendar events', one: 'Event', path: '/events' },
  { kind: 'project', label: 'Projects', one: 'Project', path: '/projects' },
  { kind: 'text', label: 'Texts', one: 'Text', path: '/texts' },
];
const KIND_OF = Object.fromEntries(KINDS.map((k) => [k.kind, k])) as Record<Kind, (typeof KINDS)[number]>;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function searchHref(q: string, kind: Kind | '', page = 1): string {
  const params = new URLSearchParams({ q });
  if (kind) params.set('kind', kind);
  if (page > 1) params.set('page', String(page));
  return `/search?${params.toString()}`;
}

export function SearchPage() {
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const kindParam = params.get('kind') ?? '';
  const kind = (KINDS.some((k) => k.kind === kindParam) ? kindParam : '') as Kind | '';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const path = q
    ? `/workspace/search?${new URLSearchParams({ q, ...(kind ? { kind } : {}), page: String(page) }).toString()}`
    : null;
  // One loader per query (keyed below): results of the previous query are never shown under the new one.
  return <SearchView key={path ?? ''} q={q} kind={kind} path={path} />;
}

function SearchView({ q, kind, path }: { q: string; kind: Kind | ''; path: string | null }) {
  const results = useApi<Results>(path);
  const invalid = results.status === 'error' && results.error.status === 400 ? results.error : null;

  return (
    <>
      <PageTitle title={q ? `Search: ${q}` : 'Search'}>Search the workspace</PageTitle>
      <Form method="get" action="/search" role="search" className="search-form" key={`${q}|${kind}`}>
        <div className="field field-q">
          <label htmlFor="search-q">Meetings, events, projects and texts</label>
          <div className="search-row">
            <input
              id="search-q"
              type="search"
              name="q"
              defaultValue={q}
              maxLength={500}
              aria-invalid={invalid ? true : undefined}
              aria-describedby={invalid ? 'search-q-error search-q-help' : 'search-q-help'}
            />
            {kind ? <input type="hidden" name="kind" value={kind} /> : null}
            <button type="submit">Search</button>
          </div>
          {invalid ? (
            <p className="field-error" id="search-q-error">
              {invalid.message}
            </p>
          ) : null}
          <p className="help" id="search-q-help">
            All words must match. Use <kbd>"quotes"</kbd> for a phrase and <kbd>-word</kbd> to leave a word out.
          </p>
        </div>
      </Form>

      {!q ? (
        <Empty>Type the words to look for: a title, a place, a subject of an agenda, a phrase of a text.</Empty>
      ) : results.status === 'loading' ? (
        <Loading what="results" />
      ) : results.status === 'error' ? (
        invalid ? null : (
          <ErrorBox error={results.error} retry={results.reload} />
        )
      ) : (
        <ResultList q={q} kind={kind} results={results.data} />
      )}
    </>
  );
}

function ResultList({ q, kind, results }: { q: string; kind: Kind | ''; results: Results }) {
  const all = KINDS.reduce((n, k) => n + results.kinds[k.kind], 0);
  const pages = Math.max(1, Math.ceil(results.total / results.pageSize));
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading" className="visually-hidden">
        Results
      </h2>
      <p role="status" className="results-count">
        {results.total === 0
          ? `Nothing found for “${q}”${kind ? ` among ${KIND_OF[kind].label.toLowerCase()}` : ''}.`
          : `${plural(results.total, 'result', 'results')} for “${q}”${kind ? ` among ${KIND_OF[kind].label.toLowerCase()}` : ''}.`}
      </p>
      <nav aria-label="Kinds of result" className="cal-views search-kinds">
        <Link to={searchHref(q, '')} aria-current={kind === '' ? 'page' : undefined}>
          Everything ({all})
        </Link>
        {KINDS.map((k) => (
          <Link key={k.kind} to={searchHref(q, k.kind)} aria-current={kind === k.kind ? 'page' : undefined}>
            {k.label} ({results.kinds[k.kind]})
          </Link>
        ))}
      </nav>
      {results.hits.length === 0 ? (
        <Empty>
          {results.total > 0 ? (
            <>
              This page is past the last result. <Link to={searchHref(q, kind)}>Go to the first page</Link>.
            </>
          ) : (
            'Try fewer words or other words.'
          )}
        </Empty>
      ) : (
        <ol className="entries search-hits" start={(results.page - 1) * results.pageSize + 1}>
          {results.hits.map((hit) => (
            <li className="entry" key={`${hit.kind}:${hit.id}`}>
              <p className="entry-meta">
                <span className="entry-kind">{KIND_OF[hit.kind].one}</span>
                {hit.date ? humanDate(hit.date.slice(0, 10)) : null}
              </p>
              <h3 className="entry-title">
                <Link to={`${KIND_OF[hit.kind].path}/${hit.id}`}>{hit.title}</Link>
              </h3>
              {hit.subtitle ? <p className="entry-by">{hit.subtitle}</p> : null}
              {hit.snippet.length > 0 ? (
                <p className="snippet">
                  {hit.snippet.map((part, i) =>
                    part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
                  )}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {pages > 1 ? (
        <nav aria-label="Pages of results" className="pager">
          {results.page > 1 ? <Link to={searchHref(q, kind, results.page - 1)}>← Previous</Link> : null}
          <span>
            Page {results.page} of {pages}
          </span>
          {results.page < pages ? <Link to={searchHref(q, kind, results.page + 1)}>Next →</Link> : null}
        </nav>
      ) : null}
      <p className="more">
        Statements and speeches are in the{' '}
        <a href={`/search?${new URLSearchParams({ q }).toString()}`}>search of the public record</a>.
      </p>
    </section>
  );
}
