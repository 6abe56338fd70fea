// Pieces shared by the public record pages: the list of items, pagination, breadcrumbs, the search box.
import type { RecordSummary } from '../../public-record/model.ts';
import { html, type SafeHtml } from '../html.ts';
import { formatPlace, formatRecordDate, paths } from './format.ts';
import { byline } from './item-text.ts';

/** Ten or twenty items a page: enough to scan, short enough to print. */
export const PAGE_SIZE = 20;

/** A lang attribute only where the text's language differs from the page's. */
export function langAttr(language: string, pageLang = 'en'): SafeHtml | '' {
  return language === pageLang ? '' : html` lang="${language}"`;
}

/** One item in a list: date and place, title linking to the item, who said it and on what occasion. */
export function recordEntry(item: RecordSummary, options: { headingLevel?: 2 | 3; snippet?: SafeHtml } = {}): SafeHtml {
  const lang = langAttr(item.language);
  const title = html`<a href="${paths.item(item.slug)}"${lang}>${item.title}</a>`;
  const heading =
    options.headingLevel === 2
      ? html`<h2 class="entry-title">${title}</h2>`
      : html`<h3 class="entry-title">${title}</h3>`;
  const place = formatPlace(item.place);
  const by = byline(item);
  return html`<li class="entry">
  <p class="entry-meta"><span class="entry-kind">${item.kind}</span> <span class="entry-when">${formatRecordDate(item.date) || 'Undated'}${place ? html` · <span${lang}>${place}</span>` : ''}</span></p>
  ${heading}
  ${by ? html`<p class="entry-by"${lang}>${by}</p>` : ''}
  ${options.snippet ? html`<p class="snippet"${lang}>${options.snippet}</p>` : ''}
</li>`;
}

/** A list of items, or a calm sentence when there are none. */
export function recordList(items: RecordSummary[], empty: string): SafeHtml {
  if (items.length === 0) return html`<p class="empty">${empty}</p>`;
  return html`<ol class="entries">${items.map((item) => recordEntry(item))}</ol>`;
}

/** Page numbers to show: the first, the last, and two either side of the current one. */
export function pageWindow(current: number, last: number): (number | null)[] {
  const wanted = new Set(
    [1, last, current - 2, current - 1, current, current + 1, current + 2].filter((p) => p >= 1 && p <= last),
  );
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1]! > 1) out.push(null); // a gap, shown as an ellipsis
    out.push(p);
  });
  return out;
}

/** Previous / numbered / next links; nothing when everything fits on one page. */
export function pagination(
  current: number,
  total: number,
  pageSize: number,
  hrefFor: (page: number) => string,
): SafeHtml | '' {
  const last = Math.max(1, Math.ceil(total / pageSize));
  if (last <= 1) return '';
  return html`<nav class="pagination" aria-label="Pages">
  <ul>
    ${current > 1 ? html`<li><a rel="prev" href="${hrefFor(current - 1)}">Previous<span class="visually-hidden"> page</span></a></li>` : ''}
    ${pageWindow(current, last).map((p) =>
      p === null
        ? html`<li class="gap" aria-hidden="true">…</li>`
        : p === current
          ? html`<li><a href="${hrefFor(p)}" aria-current="page"><span class="visually-hidden">Page </span>${p}</a></li>`
          : html`<li><a href="${hrefFor(p)}"><span class="visually-hidden">Page </span>${p}</a></li>`,
    )}
    ${current < last ? html`<li><a rel="next" href="${hrefFor(current + 1)}">Next<span class="visually-hidden"> page</span></a></li>` : ''}
  </ul>
</nav>`;
}

/** Adds ?page=N to a path (page 1 is the bare path, so it has one URL only). */
export function withPage(path: string, page: number): string {
  if (page <= 1) return path;
  return `${path}${path.includes('?') ? '&' : '?'}page=${page}`;
}

/** Where the page sits in the archive: Home › The record › 2002 › … */
export function breadcrumbs(trail: [string, string | null][]): SafeHtml {
  return html`<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>${trail.map(([label, href]) =>
    href ? html`<li><a href="${href}">${label}</a></li>` : html`<li><span aria-current="page">${label}</span></li>`,
  )}</ol></nav>`;
}

/** The small search box used on the homepage and the indexes: a plain GET form. */
export function searchBox(id: string, value = ''): SafeHtml {
  return html`<form class="search-box" role="search" action="${paths.search}" method="get">
  <label for="${id}">Search the record</label>
  <div class="search-row"><input id="${id}" type="search" name="q" value="${value}" autocomplete="off" spellcheck="false"><button type="submit">Search</button></div>
</form>`;
}
