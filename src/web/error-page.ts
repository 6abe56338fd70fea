// The HTML face of a catalogued error, for browsers.
import type { AppError } from '../kernel/errors.ts';
import { html, layout } from './html.ts';

/** Renders an error as a readable page that says what happened and where to go. */
export function renderErrorPage(error: AppError): string {
  const heading =
    error.status === 404
      ? 'Page not found'
      : error.status >= 500
        ? 'Something went wrong'
        : 'The request could not be completed';
  return layout({
    title: `${heading} (${error.status})`,
    description: error.message,
    body: html`<h1>${heading}</h1>
<p class="lede">${error.message}</p>
${error.status === 404 ? html`<p>Items of the public record keep their addresses: try <a href="/search">searching the record</a> or browse <a href="/record">its index</a>.</p>` : ''}
<p><a href="/">Go to the council’s home page</a></p>
<p class="meta">Error code: <code>${error.code}</code></p>`,
  });
}
