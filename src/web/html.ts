// A tiny, safe HTML templating: every interpolated value is escaped unless it is already SafeHtml
// (the result of another `html` template), so a stored string can never become markup.

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for use in HTML content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

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

export interface PageOptions {
  title: string;
  description: string;
  lang?: string;
  councilName?: string;
  body: SafeHtml;
}

/** The common page frame: skip link, header, main, footer; print and screen styles in one sheet. */
export function layout(page: PageOptions): string {
  const council = page.councilName ?? 'Concord';
  return `<!doctype html>${html`<html lang="${page.lang ?? 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<meta name="description" content="${page.description}">
<link rel="stylesheet" href="/assets/site.css">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="masthead">
  <div class="wrap">
    <a class="brand" href="/">${council}</a>
    <nav aria-label="Site">
      <ul>
        <li><a href="/">The council</a></li>
        <li><a href="/api/docs">API</a></li>
      </ul>
    </nav>
  </div>
</header>
<main id="main" class="wrap">
${page.body}
</main>
<footer class="colophon">
  <div class="wrap"><p>Served by Concord, the council secretariat system.</p></div>
</footer>
</body>
</html>`}\n`;
}
