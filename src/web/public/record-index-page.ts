// /record: the whole index of the public record — every year (with its months), kind, speaker and
// language — and all items, newest first, in pages.
import type { RecordSummary } from '../../public-record/model.ts';
import { html, layout, type SafeHtml } from '../html.ts';
import { breadcrumbs, pagination, PAGE_SIZE, recordList, searchBox, withPage } from './components.ts';
import { languageName, paths } from './format.ts';
import { countLine } from './listing-page.ts';
import type { RecordFacets } from '../../public-record/public-record.read.ts';

export interface RecordIndexData {
  facets: RecordFacets;
  list: { total: number; items: RecordSummary[] };
  page: number;
  councilName: string | null;
}

function facetList(entries: { href: string; label: string; count: number; lang?: string }[]): SafeHtml {
  return html`<ul class="facet-list">${entries.map(
    (e) =>
      html`<li><a href="${e.href}"${e.lang && e.lang !== 'en' ? html` lang="${e.lang}"` : ''}>${e.label}</a> <span class="count">${e.count}</span></li>`,
  )}</ul>`;
}

function yearsSection(facets: RecordFacets): SafeHtml | '' {
  if (facets.years.length === 0) return '';
  return html`<section aria-labelledby="by-year-h">
  <h2 id="by-year-h">By year</h2>
  <ul class="years">${facets.years.map(
    (y) => html`<li><a class="year" href="${paths.year(y.year)}">${y.label}</a> <span class="count">${y.count}</span>
    ${y.months.length ? html`<ul class="months" aria-label="Months of ${y.label}">${y.months.map((m) => html`<li><a href="${paths.month(y.year, m.month)}">${m.label}</a> <span class="count">${m.count}</span></li>`)}</ul>` : ''}</li>`,
  )}</ul>
</section>`;
}

/** Renders the index of the whole record. */
export function renderRecordIndex(data: RecordIndexData): string {
  const { facets } = data;
  const council = data.councilName ?? 'Concord';
  return layout({
    title: `The record: index by year, kind, speaker and language${data.page > 1 ? `, page ${data.page}` : ''} · ${council}`,
    description: `The public record of the ${council}: ${data.list.total} items, indexed by year and month, kind, speaker and language.`,
    councilName: council,
    current: 'record',
    body: html`${breadcrumbs([
      ['Home', paths.home],
      ['The record', null],
    ])}
<div class="page-head">
  <p class="eyebrow">Public record</p>
  <h1>The record</h1>
  <p class="lede">Everything the ${council} has made public: ${data.list.total} ${data.list.total === 1 ? 'item' : 'items'}, indexed by date, kind, speaker and language.</p>
</div>
<div class="grid">
  <div class="col-main">
    <section aria-labelledby="all-h">
      <h2 id="all-h">All items <span class="count">${countLine(data.list.total, data.page, PAGE_SIZE)}</span></h2>
      ${recordList(data.list.items, data.page > 1 ? 'There is no such page: the list is shorter.' : 'Nothing has been published in the record yet.')}
      ${pagination(data.page, data.list.total, PAGE_SIZE, (p) => withPage(paths.record, p))}
    </section>
  </div>
  <div class="col-side">
    ${searchBox('index-q')}
    ${yearsSection(facets)}
    ${facets.kinds.length ? html`<section aria-labelledby="by-kind-h"><h2 id="by-kind-h">By kind</h2>${facetList(facets.kinds.map((k) => ({ href: paths.kind(k.slug), label: k.label, count: k.count })))}</section>` : ''}
    ${facets.speakers.length ? html`<section aria-labelledby="by-speaker-h"><h2 id="by-speaker-h">By speaker</h2>${facetList(facets.speakers.map((s) => ({ href: paths.speaker(s.slug), label: s.label, count: s.count })))}</section>` : ''}
    ${facets.languages.length ? html`<section aria-labelledby="by-language-h"><h2 id="by-language-h">By language</h2>${facetList(facets.languages.map((l) => ({ href: paths.language(l.slug), label: languageName(l.slug), count: l.count })))}</section>` : ''}
  </div>
</div>`,
  });
}
