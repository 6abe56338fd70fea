// One item of the public record: every field, the body as delivered, and its other language versions.
import type { LanguageVersion, RecordItem } from '../../public-record/model.ts';
import { html, layout, type SafeHtml } from '../html.ts';
import { breadcrumbs, langAttr } from './components.ts';
import {
  absoluteUrl,
  formatDay,
  formatPlace,
  formatRecordDate,
  languageName,
  monthName,
  nativeLanguageName,
  paths,
} from './format.ts';
import { byline, excerpt, itemSentence, paragraphs } from './item-text.ts';

export interface ItemPageData {
  item: RecordItem;
  versions: LanguageVersion[];
  /** URL segments of the item's kind and speaker indexes (the reader's kindSlug / speakerSlug). */
  kindSlug: string;
  speakerSlug: string | null;
  councilName: string | null;
  publicUrl: string;
}

const MACHINE_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

function fact(label: string, value: string | SafeHtml | null, lang?: string): SafeHtml | '' {
  if (value === null || value === '') return '';
  return html`<div><dt>${label}</dt><dd${lang ? langAttr(lang) : ''}>${value}</dd></div>`;
}

function facts(item: RecordItem, slugs: { kind: string; speaker: string | null }): SafeHtml {
  const l = item.language;
  const date = formatRecordDate(item.date);
  const [year, month] = [
    item.dateStart ? Number(item.dateStart.slice(0, 4)) : null,
    item.dateStart && item.dateStart.length >= 7 ? Number(item.dateStart.slice(5, 7)) : null,
  ];
  // <time> only for a day, a month or a year: HTML has no form for a range such as 2–3 October.
  const when = (iso: string | null, text: string) =>
    iso && MACHINE_DATE.test(iso) ? html`<time datetime="${iso}">${text}</time>` : text;
  // The facts panel is the site's own words, and kinds are English whatever the language (see the
  // legacy parser's kinds.ts); the item's own text (place, speaker, occasion) is marked in its language.
  return html`<section class="item-facts" aria-labelledby="facts-h"${langAttr('en', l)}>
  <h2 id="facts-h" class="visually-hidden">About this item</h2>
  <dl>
    ${fact('Date', date ? when(item.date, date) : 'Undated')}
    ${fact('Place', formatPlace(item.place), l)}
    ${fact('Kind', html`<a href="${paths.kind(slugs.kind)}">${item.kind}</a>`)}
    ${fact('Speaker', item.speaker && slugs.speaker ? html`<a href="${paths.speaker(slugs.speaker)}">${item.speaker}</a>` : item.speaker, l)}
    ${fact('Occasion', item.occasion, l)}
    ${fact('Reference', item.reference)}
    ${fact('Collection', item.collection, l)}
    ${fact('Language', languageName(l))}
    ${fact('Updated', item.updated ? when(item.updated, formatRecordDate(item.updated)) : null)}
  </dl>
  ${year ? html`<p class="more">More from <a href="${paths.year(year)}">${year}</a>${month ? html`, <a href="${paths.month(year, month)}">${monthName(month)} ${year}</a>` : ''}</p>` : ''}
</section>`;
}

function versionsSection(versions: LanguageVersion[], pageLang: string): SafeHtml | '' {
  if (versions.length === 0) return '';
  return html`<section class="versions" aria-labelledby="versions-h"${langAttr('en', pageLang)}>
  <h2 id="versions-h">Other language versions</h2>
  <ul>${versions.map(
    (v) =>
      html`<li><a href="${paths.item(v.slug)}" hreflang="${v.language}" lang="${v.language}">${nativeLanguageName(v.language)}</a>: <span lang="${v.language}">${v.title}</span></li>`,
  )}</ul>
</section>`;
}

/** Renders the page of one item. */
export function renderItemPage(data: ItemPageData): string {
  const { item, versions, publicUrl } = data;
  const council = data.councilName ?? 'Concord';
  const l = item.language;
  const by = byline(item);
  const where = [formatPlace(item.place), formatRecordDate(item.date)].filter(Boolean).join(' · ');
  const year = item.dateStart ? Number(item.dateStart.slice(0, 4)) : null;
  const head = html`<link rel="canonical" href="${absoluteUrl(publicUrl, paths.item(item.slug))}">
${versions.length ? html`<link rel="alternate" hreflang="${l}" href="${absoluteUrl(publicUrl, paths.item(item.slug))}">` : ''}
${versions.map((v) => html`<link rel="alternate" hreflang="${v.language}" href="${absoluteUrl(publicUrl, paths.item(v.slug))}">`)}`;
  const crumbs: [string, string | null][] = [
    ['Home', paths.home],
    ['The record', paths.record],
  ];
  if (year) crumbs.push([String(year), paths.year(year)]);
  crumbs.push([item.kind, null]);
  return layout({
    title: `${item.title} (${[formatRecordDate(item.date), formatPlace(item.place)].filter(Boolean).join(', ') || item.kind}) · ${council}`,
    description: excerpt(`${itemSentence(item)} ${item.body}`),
    lang: l,
    councilName: council,
    current: 'record',
    head,
    body: html`<div${langAttr('en', l)}>${breadcrumbs(crumbs)}</div>
<article class="record-item">
  <header class="item-head">
    <p class="eyebrow"${langAttr('en', l)}>${item.kind}</p>
    <h1>${item.title}</h1>
    ${by ? html`<p class="byline">${by}</p>` : ''}
    ${where ? html`<p class="dateline">${where}</p>` : ''}
  </header>
  <div class="item-grid">
    ${facts(item, { kind: data.kindSlug, speaker: data.speakerSlug })}
    <div class="item-body">
      ${paragraphs(item.body)}
    </div>
  </div>
  ${versionsSection(versions, l)}
  <footer class="item-foot"${langAttr('en', l)}>
    <p class="meta">Permanent address: <a href="${paths.item(item.slug)}">${absoluteUrl(publicUrl, paths.item(item.slug))}</a><br>
    Entered this archive on ${formatDay(item.firstPublishedAt)}${item.lastUpdatedAt.slice(0, 10) !== item.firstPublishedAt.slice(0, 10) ? `; last changed on ${formatDay(item.lastUpdatedAt)}` : ''}${item.revision > 1 ? ` (revision ${item.revision})` : ''}.</p>
  </footer>
</article>`,
  });
}
