// sitemap.xml (sitemaps.org 0.9) and robots.txt: how search engines find every item of the record.
import { absoluteUrl, paths } from './format.ts';
import { xmlEscape as x } from './xml.ts';

/** The sitemap protocol's limit of URLs in one file. */
export const SITEMAP_MAX_URLS = 50_000;

const STATIC_PAGES = [paths.home, paths.record, paths.council];

/**
 * Streams the sitemap, one chunk per URL, so a large archive never sits in memory. Beyond the
 * protocol's 50,000 URLs the rest is left out (a sitemap index would be the next step).
 */
export async function* renderSitemap(
  publicUrl: string,
  entries: AsyncIterable<{ slug: string; lastUpdatedAt: string }>,
): AsyncGenerator<string> {
  yield '<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n';
  for (const path of STATIC_PAGES) yield `  <url><loc>${x(absoluteUrl(publicUrl, path))}</loc></url>\n`;
  let count = STATIC_PAGES.length;
  for await (const entry of entries) {
    if (count >= SITEMAP_MAX_URLS) break;
    count += 1;
    yield `  <url><loc>${x(absoluteUrl(publicUrl, paths.item(entry.slug)))}</loc><lastmod>${x(entry.lastUpdatedAt.slice(0, 10))}</lastmod></url>\n`;
  }
  yield '</urlset>\n';
}

/** robots.txt: everything public may be crawled except the API and the endless search pages. */
export function renderRobots(publicUrl: string): string {
  return `User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /search\n\nSitemap: ${absoluteUrl(publicUrl, paths.sitemap)}\n`;
}
