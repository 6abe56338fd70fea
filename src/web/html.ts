// A tiny, safe HTML templating: every interpolated value is escaped unless it is already SafeHtml
// (the result of another `html` template), so a stored string can never become markup.
import { escapeHtml } from '../kernel/escape-html.ts';

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export { escapeHtml };

type Interpolation = SafeHtml | string | number | null | undefined | false | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** Tagged template producing SafeHtml with escaped interpolations. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

export type Section = 'home' | 'record' | 'search' | 'council';

/**
 * Where the masthead shows who is signed in. Pages stay pure functions of their data; the accounts
 * module fills the slot per request (accounts/accounts.web.ts, onSend) with "Signed in as NAME · Sign
 * out" or a sign-in link.
 */
export const ACCOUNT_SLOT = '<!--concord:account-->';

export interface PageOptions {
  title: string;
  description: string;
  /** Language of the page's content (ISO 639-1); the site's own words stay English and say so. */
  lang?: string;
  councilName?: string;
  body: SafeHtml;
  /** Extra tags for <head>: canonical link, alternates, feed. */
  head?: SafeHtml;
  /** The nav entry to mark as current. */
  current?: Section;
}

const NAV: [Section | 'api', string, string][] = [
  ['home', '/', 'Home'],
  ['record', '/record', 'The record'],
  ['search', '/search', 'Search'],
  ['council', '/council', 'The council'],
  ['api', '/api/docs', 'API'],
];

/** The common page frame: skip link, header, main, footer; print and screen styles in one sheet. */
export function layout(page: PageOptions): string {
  const council = page.councilName ?? 'Concord';
  const lang = page.lang ?? 'en';
  // The frame is written in English: when the content is not, the frame says so for screen readers.
  const chromeLang = lang === 'en' ? null : 'en';
  return `<!doctype html>${
    html`<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<meta name="description" content="${page.description}">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/site.css">
<link rel="alternate" type="application/atom+xml" title="${council}: the public record" href="/feed.atom">
${page.head}
</head>
<body>
<a class="skip" href="#main"${chromeLang ? html` lang="${chromeLang}"` : ''}>Skip to content</a>
<header class="masthead"${chromeLang ? html` lang="${chromeLang}"` : ''}>
  <div class="wrap">
    <a class="brand" href="/">${council}</a>
    <nav aria-label="Site">
      <ul>
        ${NAV.map(([key, href, label]) => html`<li><a href="${href}"${key === page.current ? html` aria-current="page"` : ''}>${label}</a></li>`)}
      </ul>
    </nav>
    ${new SafeHtml(ACCOUNT_SLOT)}
  </div>
</header>
<main id="main" class="wrap">
${page.body}
</main>
<footer class="colophon"${chromeLang ? html` lang="${chromeLang}"` : ''}>
  <div class="wrap"><p>Served by Concord, the council secretariat system. <a href="/feed.atom">Atom feed of the record</a></p></div>
</footer>
</body>
</html>`.value
  }\n`;
}
