// /search: a plain GET form (works without JavaScript), filters from the facets, results with the
// matched words highlighted, and pagination. Errors are shown in the page, next to the form.
import type { SearchResults } from '../../public-record/model.ts';
import { html, layout, SafeHtml } from '../html.ts';
import { pagination, recordEntry } from './components.ts';
import { languageName, paths } from './format.ts';
import type { RecordFacets } from '../../public-record/public-record.read.ts';

export interface SearchQuery {
  q: string;
  kind?: string | undefined;
  year?: number | undefined;
  speaker?: string | undefined;
  language?: string | undefined;
  page: number;
}

export interface SearchPageData {
  query: SearchQuery;
  /** null when there is nothing to search for yet (or the query was refused). */
  results: SearchResults | null;
  /** The message of a refused query, shown beside the form. */
  error: string | null;
  facets: RecordFacets;
  councilName: string | null;
}

/**
 * Keeps a snippet's <mark> tags and nothing else. The reader already escapes snippets; this is a
 * second lock, so that a bug there can never turn stored text into markup here.
 */
export function safeSnippet(snippet: string): SafeHtml {
  return new SafeHtml(snippet.replace(/<(?!\/?mark>)/g, '&lt;'));
}

/** The URL of a search with the same query and filters, at another page. */
export function searchHref(query: SearchQuery, page: number): string {
  const params = new URLSearchParams();
  params.set('q', query.q);
  if (query.kind) params.set('kind', query.kind);
  if (query.year !== undefined) params.set('year', String(query.year));
  if (query.speaker) params.set('speaker', query.speaker);
  if (query.language) params.set('language', query.language);
  if (page > 1) params.set('page', String(page));
  return `${paths.search}?${params.toString()}`;
}

function select(
  name: string,
  label: string,
  any: string,
  options: { value: string; label: string }[],
  selected: string | undefined,
): SafeHtml {
  return html`<div class="field">
  <label for="f-${name}">${label}</label>
  <select id="f-${name}" name="${name}">
    <option value="">${any}</option>
    ${options.map((o) => (o.value === selected ? html`<option value="${o.value}" selected>${o.label}</option>` : html`<option value="${o.value}">${o.label}</option>`))}
  </select>
</div>`;
}

function form(data: SearchPageData): SafeHtml {
  const { query, facets, error } = data;
  return html`<form class="search-form" role="search" action="${paths.search}" method="get">
  <div class="field field-q">
    <label for="q">Words to search for</label>
    <div class="search-row">
      <input id="q" type="search" name="q" value="${query.q}" autocomplete="off" spellcheck="false" aria-describedby="q-help${error ? ' q-error' : ''}"${error ? html` aria-invalid="true"` : ''}>
      <button type="submit">Search</button>
    </div>
    <p id="q-help" class="help">Put a phrase in double quotes, as in <kbd>"joint peacekeeping"</kbd>; put a minus sign before a word to leave it out, as in <kbd>peacekeeping -Balkans</kbd>.</p>
  </div>
  <fieldset class="filters">
    <legend>Narrow the search</legend>
    ${select(
      'kind',
      'Kind',
      'Any kind',
      facets.kinds.map((k) => ({ value: k.slug, label: `${k.label} (${k.count})` })),
      query.kind,
    )}
    ${select(
      'year',
      'Year',
      'Any year',
      facets.years.map((y) => ({ value: String(y.year), label: `${y.label} (${y.count})` })),
      query.year === undefined ? undefined : String(query.year),
    )}
    ${select(
      'speaker',
      'Speaker',
      'Any speaker',
      facets.speakers.map((s) => ({ value: s.slug, label: `${s.label} (${s.count})` })),
      query.speaker,
    )}
    ${select(
      'language',
      'Language',
      'Any language',
      facets.languages.map((l) => ({ value: l.slug, label: `${languageName(l.slug)} (${l.count})` })),
      query.language,
    )}
  </fieldset>
</form>`;
}

function resultsSection(data: SearchPageData, results: SearchResults): SafeHtml {
  const { query } = data;
  const noun = results.total === 1 ? 'result' : 'results';
  const last = Math.max(1, Math.ceil(results.total / results.pageSize));
  return html`<section class="results" aria-labelledby="results-h">
  <h2 id="results-h">${results.total} ${noun} for “${query.q}”${last > 1 ? html` <span class="count">page ${results.page} of ${last}</span>` : ''}</h2>
  ${
    results.hits.length === 0
      ? html`<p class="empty">${results.total === 0 ? 'Nothing in the record matches. Try other or fewer words, check the spelling, or remove a filter.' : 'There is no such page: the results are fewer.'}</p>`
      : html`<ol class="entries">${results.hits.map((hit) => recordEntry(hit, { snippet: safeSnippet(hit.snippet) }))}</ol>`
  }
  ${pagination(results.page, results.total, results.pageSize, (p) => searchHref(query, p))}
</section>`;
}

/** Renders the search page: the form, then a hint, an error, or the results. */
export function renderSearchPage(data: SearchPageData): string {
  const council = data.councilName ?? 'Concord';
  const { query, results, error } = data;
  const shown = query.q.length > 60 ? `${query.q.slice(0, 60)}…` : query.q;
  const title = error
    ? `Search: the query cannot be run · ${council}`
    : results
      ? `Search: “${shown}”, ${results.total} ${results.total === 1 ? 'result' : 'results'}${results.page > 1 ? `, page ${results.page}` : ''} · ${council}`
      : `Search the record · ${council}`;
  return layout({
    title,
    description: `Full-text search of the public record of the ${council}: statements, speeches and press releases, with filters by kind, year, speaker and language.`,
    councilName: council,
    current: 'search',
    // Result pages are endless combinations: keep them out of search engines, follow their links.
    head: results || error ? html`<meta name="robots" content="noindex, follow">` : undefined,
    body: html`<div class="page-head">
  <p class="eyebrow">Public record</p>
  <h1>Search the record</h1>
</div>
${form(data)}
${error ? html`<div class="alert" id="q-error" role="alert"><h2>The search cannot be run</h2><p>${error}</p></div>` : ''}
${!error && !results ? html`<p class="hint">Type one or more words above: every item containing all of them is found, best matches first. Or browse <a href="${paths.record}">the index of the record</a> by year, kind and speaker.</p>` : ''}
${results ? resultsSection(data, results) : ''}`,
  });
}
