// The index pages of one facet: a year, a month, a kind, a speaker or a language, with their items.
import type { RecordSummary } from '../../public-record/model.ts';
import { html, layout, type SafeHtml } from '../html.ts';
import { breadcrumbs, pagination, PAGE_SIZE, recordList, searchBox, withPage } from './components.ts';
import { monthName, paths } from './format.ts';
import type { RecordFacets } from '../../public-record/public-record.read.ts';

export type Listing =
  | { by: 'year'; year: number }
  | { by: 'month'; year: number; month: number }
  | { by: 'kind'; slug: string; label: string }
  | { by: 'speaker'; slug: string; label: string }
  | { by: 'language'; code: string; label: string };

export interface ListingPageData {
  listing: Listing;
  list: { total: number; items: RecordSummary[] };
  page: number;
  facets: RecordFacets;
  councilName: string | null;
}

/** Heading, eyebrow, path and breadcrumb of a listing. */
export function describeListing(listing: Listing): {
  heading: string;
  eyebrow: string;
  path: string;
  sentence: string;
  crumbs: [string, string | null][];
} {
  const base: [string, string | null][] = [
    ['Home', paths.home],
    ['The record', paths.record],
  ];
  switch (listing.by) {
    case 'year':
      return {
        heading: String(listing.year),
        eyebrow: 'The record by year',
        path: paths.year(listing.year),
        sentence: `delivered in ${listing.year}`,
        crumbs: [...base, [String(listing.year), null]],
      };
    case 'month': {
      const label = `${monthName(listing.month)} ${listing.year}`;
      return {
        heading: label,
        eyebrow: 'The record by month',
        path: paths.month(listing.year, listing.month),
        sentence: `delivered in ${label}`,
        crumbs: [...base, [String(listing.year), paths.year(listing.year)], [monthName(listing.month), null]],
      };
    }
    case 'kind':
      return {
        heading: listing.label,
        eyebrow: 'The record by kind',
        path: paths.kind(listing.slug),
        sentence: `of the kind “${listing.label}”`,
        crumbs: [...base, [listing.label, null]],
      };
    case 'speaker':
      return {
        heading: listing.label,
        eyebrow: 'The record by speaker',
        path: paths.speaker(listing.slug),
        sentence: `by ${listing.label}`,
        crumbs: [...base, [listing.label, null]],
      };
    case 'language':
      return {
        heading: listing.label,
        eyebrow: 'The record by language',
        path: paths.language(listing.code),
        sentence: `in ${listing.label}`,
        crumbs: [...base, [listing.label, null]],
      };
  }
}

function monthsOf(listing: Listing, facets: RecordFacets): SafeHtml | '' {
  if (listing.by !== 'year' && listing.by !== 'month') return '';
  const year = facets.years.find((y) => y.year === listing.year);
  if (!year || year.months.length === 0) return '';
  return html`<section aria-labelledby="months-h">
  <h2 id="months-h">Months of ${listing.year}</h2>
  <ul class="facet-list">${year.months.map((m) =>
    listing.by === 'month' && m.month === listing.month
      ? html`<li><a href="${paths.month(listing.year, m.month)}" aria-current="page">${m.label}</a> <span class="count">${m.count}</span></li>`
      : html`<li><a href="${paths.month(listing.year, m.month)}">${m.label}</a> <span class="count">${m.count}</span></li>`,
  )}</ul>
</section>`;
}

function otherYears(facets: RecordFacets): SafeHtml | '' {
  if (facets.years.length === 0) return '';
  return html`<section aria-labelledby="years-h">
  <h2 id="years-h">Years</h2>
  <ul class="facet-list">${facets.years.map((y) => html`<li><a href="${paths.year(y.year)}">${y.label}</a> <span class="count">${y.count}</span></li>`)}</ul>
</section>`;
}

/** "1 item" / "21–40 of 45 items". */
export function countLine(total: number, page: number, pageSize: number): string {
  const noun = total === 1 ? 'item' : 'items';
  if (total <= pageSize) return `${total} ${noun}`;
  const first = (page - 1) * pageSize + 1;
  return `${first}–${Math.min(total, page * pageSize)} of ${total} ${noun}`;
}

/** Renders the index page of one year, month, kind, speaker or language. */
export function renderListingPage(data: ListingPageData): string {
  const d = describeListing(data.listing);
  const council = data.councilName ?? 'Concord';
  return layout({
    title: `${d.heading}: ${d.eyebrow.toLowerCase()}${data.page > 1 ? `, page ${data.page}` : ''} · ${council}`,
    description: `${data.list.total} ${data.list.total === 1 ? 'item' : 'items'} of the public record of the ${council} ${d.sentence}.`,
    councilName: council,
    current: 'record',
    body: html`${breadcrumbs(d.crumbs)}
<div class="page-head">
  <p class="eyebrow">${d.eyebrow}</p>
  <h1>${d.heading}</h1>
  <p class="lede">${countLine(data.list.total, data.page, PAGE_SIZE)} ${d.sentence}, newest first.</p>
</div>
<div class="grid">
  <div class="col-main">
    <section aria-labelledby="items-h">
      <h2 id="items-h" class="visually-hidden">Items</h2>
      ${recordList(data.list.items, data.page > 1 ? 'There is no such page: the list is shorter.' : 'Nothing in the record here yet.')}
      ${pagination(data.page, data.list.total, PAGE_SIZE, (p) => withPage(d.path, p))}
    </section>
  </div>
  <div class="col-side">
    ${monthsOf(data.listing, data.facets)}
    ${data.listing.by === 'year' || data.listing.by === 'month' ? otherYears(data.facets) : ''}
    ${searchBox('side-q')}
    <p><a href="${paths.record}">The whole index of the record</a></p>
  </div>
</div>`,
  });
}
