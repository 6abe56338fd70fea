// The homepage: the latest of the public record, ways into the archive, and the council at a glance.
import type { Council, Member } from '../../council/model.ts';
import type { RecordSummary } from '../../public-record/model.ts';
import { html, layout, type SafeHtml } from '../html.ts';
import { recordList, searchBox } from './components.ts';
import { paths } from './format.ts';
import type { RecordFacets } from '../../public-record/public-record.read.ts';

export interface HomePageData {
  council: Council | null;
  members: Member[];
  latest: RecordSummary[];
  facets: RecordFacets;
}

function browse(facets: RecordFacets): SafeHtml | '' {
  if (facets.years.length === 0 && facets.kinds.length === 0) return '';
  return html`<section aria-labelledby="browse-h">
  <h2 id="browse-h">Browse the record</h2>
  ${
    facets.years.length
      ? html`<h3>By year</h3>
  <ul class="facet-list">${facets.years.map((y) => html`<li><a href="${paths.year(y.year)}">${y.label}</a> <span class="count">${y.count}</span></li>`)}</ul>`
      : ''
  }
  ${
    facets.kinds.length
      ? html`<h3>By kind</h3>
  <ul class="facet-list">${facets.kinds.map((k) => html`<li><a href="${paths.kind(k.slug)}">${k.label}</a> <span class="count">${k.count}</span></li>`)}</ul>`
      : ''
  }
  <p><a href="${paths.record}">The whole index: years, kinds, speakers and languages</a></p>
</section>`;
}

// The council's membership stays on the homepage: the public should see who the record speaks for.
function councilAside(council: Council, members: Member[]): SafeHtml {
  return html`<section aria-labelledby="council-h" class="council-card">
  <h2 id="council-h"><a href="${paths.council}">The council</a></h2>
  <p class="note">${council.name}: ${members.length} members.</p>
  <ul class="member-names">${members.map((m) => html`<li>${m.name}</li>`)}</ul>
  <p><a href="${paths.council}">Members, formats, bodies and areas of consultation</a></p>
</section>`;
}

/** Renders the homepage of the public record. */
export function renderHomePage(data: HomePageData): string {
  const { council } = data;
  const name = council?.name ?? 'Concord';
  const intro = council
    ? html`<p class="lede">Statements, speeches, press releases and communiqués of the ${council.name}, as published: a permanent, searchable archive.</p>`
    : html`<p class="lede">This installation has no council yet. Load the demonstration council with <code>npx concord demo</code>, or create members, formats and bodies through the <a href="/api/docs">API</a>.</p>`;
  return layout({
    title: council ? `${council.name}: public record` : 'Concord: public record',
    description: council
      ? `The public record of the ${council.name}: the latest statements and speeches, an index by year, kind and speaker, and full-text search.`
      : 'The public record of a council served by Concord.',
    councilName: council?.name,
    current: 'home',
    body: html`<div class="hero">
  <p class="eyebrow">Public record${council ? html` · ${council.shortName}` : ''}</p>
  <h1>${name}</h1>
  ${intro}
  ${searchBox('home-q')}
</div>
<div class="grid">
  <div class="col-main">
    <section aria-labelledby="latest-h">
      <h2 id="latest-h">Latest</h2>
      ${recordList(data.latest, 'Nothing has been published in the record yet.')}
      ${data.latest.length ? html`<p class="more"><a href="${paths.record}">All items in the record</a> · <a href="${paths.feed}">Atom feed</a></p>` : ''}
    </section>
  </div>
  <div class="col-side">
    ${browse(data.facets)}
    ${council ? councilAside(council, data.members) : ''}
  </div>
</div>`,
  });
}
