// HTML to lines of text, so that HTML pages go through the same header and body reading as plain
// text. Layout chrome (navigation, banners, sidebars, link-only table cells) is set aside here,
// where the markup still shows it, and reported in `dropped`.
import { DomUtils, parseDocument } from 'htmlparser2';
import type { SourceLine } from './types.ts';

type DomNode = ReturnType<typeof parseDocument>['children'][number];
type DomElement = Parameters<typeof DomUtils.getAttributeValue>[0];

export interface HtmlText {
  lines: SourceLine[];
  dropped: string[];
  /** The page's <title>, a fallback when the text has no title of its own. */
  title: string | null;
  /** The page's declared language (<html lang>, content-language). */
  lang: string | null;
}

const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'map',
  'head',
]);
const FORM_CONTROLS = new Set(['select', 'button', 'textarea', 'option', 'label']);
const SEMANTIC_CHROME = new Set(['nav', 'aside', 'menu']);
const CHROME_ROLES = /^(?:navigation|banner|contentinfo|complementary|search|menu|menubar)$/i;
const CHROME_HINT =
  /(?:^|[\s_-])(?:nav|navbar|navigation|menu|sidebar|side-bar|sidenav|breadcrumbs?|footer|site-header|masthead|banner|toolbar|topbar|skiplinks?|share|social|leftcol|rightcol|leftnav|rightnav|searchbox)(?:$|[\s_-])/i;
const BLOCKS = new Set(
  (
    'address article aside blockquote body caption center dd details dialog dir div dl dt fieldset figcaption figure ' +
    'footer form h1 h2 h3 h4 h5 h6 header hr html li main menu nav ol p pre section summary table tbody td tfoot th thead tr ul'
  ).split(' '),
);
const LINK_CONTAINERS = new Set(['table', 'tr', 'td', 'th', 'ul', 'ol', 'div', 'p', 'dl', 'center', 'font', 'span']);

interface Stats {
  text: number;
  linkText: number;
  links: number;
}

/** Converts an HTML page into lines (blank line between blocks), setting chrome aside. */
export function htmlToLines(html: string): HtmlText {
  const doc = parseDocument(html, { decodeEntities: true });
  const stats = new Map<DomNode, Stats>();
  const total = measure(doc.children, stats, false).text;
  const out = new LineBuilder();
  const dropped: string[] = [];

  const walk = (node: DomNode, inLink: boolean, pre: boolean, heading: boolean, inArticle: boolean): void => {
    if (DomUtils.isText(node)) {
      out.add(node.data, inLink, pre);
      return;
    }
    if (!DomUtils.isTag(node)) return;
    const name = node.name.toLowerCase();
    if (SKIPPED.has(name)) return;
    if (FORM_CONTROLS.has(name) || isChrome(node, name, inArticle) || isLinkBlock(name, stats.get(node), total)) {
      dropped.push(...textLines(node));
      return;
    }
    const block = BLOCKS.has(name);
    if (block) out.breakBlock();
    if (name === 'br') out.breakLine();
    const isHeading = heading || /^h[1-3]$/.test(name);
    if (isHeading && !heading) out.markHeading();
    const article = inArticle || name === 'article' || name === 'main';
    for (const child of node.children) walk(child, inLink || name === 'a', pre || name === 'pre', isHeading, article);
    if (block) out.breakBlock();
  };
  for (const child of doc.children) walk(child, false, false, false, false);

  return { lines: out.finish(), dropped, title: pageTitle(doc.children), lang: pageLanguage(doc.children) };
}

// <header> inside an article holds the document's own title and date, so only a page-level one is
// chrome; a <footer> is chrome wherever it stands.
function isChrome(el: DomElement, name: string, inArticle: boolean): boolean {
  if (SEMANTIC_CHROME.has(name)) return true;
  if (name === 'footer' || (name === 'header' && !inArticle)) return true;
  const role = el.attribs['role'] ?? '';
  if (CHROME_ROLES.test(role)) return true;
  return CHROME_HINT.test(`${el.attribs['id'] ?? ''} ${el.attribs['class'] ?? ''}`);
}

// A container that is mostly links and a small part of the page: a menu, a sidebar, a link table.
function isLinkBlock(name: string, s: Stats | undefined, total: number): boolean {
  if (s === undefined || !LINK_CONTAINERS.has(name) || s.links < 2 || s.text === 0) return false;
  return s.linkText / s.text >= 0.6 && s.text < 0.4 * total;
}

function measure(nodes: readonly DomNode[], stats: Map<DomNode, Stats>, inLink: boolean): Stats {
  const sum: Stats = { text: 0, linkText: 0, links: 0 };
  for (const node of nodes) {
    let s: Stats = { text: 0, linkText: 0, links: 0 };
    if (DomUtils.isText(node)) {
      const n = node.data.replace(/\s+/g, '').length;
      s = { text: n, linkText: inLink ? n : 0, links: 0 };
    } else if (DomUtils.isTag(node) && !SKIPPED.has(node.name.toLowerCase())) {
      const isLink = node.name.toLowerCase() === 'a' && node.attribs['href'] !== undefined;
      s = measure(node.children, stats, inLink || isLink);
      if (isLink) s = { ...s, links: s.links + 1 };
      stats.set(node, s);
    }
    sum.text += s.text;
    sum.linkText += s.linkText;
    sum.links += s.links;
  }
  return sum;
}

function textLines(el: DomElement): string[] {
  const b = new LineBuilder();
  const walk = (node: DomNode, pre: boolean): void => {
    if (DomUtils.isText(node)) b.add(node.data, false, pre);
    if (!DomUtils.isTag(node) || SKIPPED.has(node.name.toLowerCase())) return;
    const name = node.name.toLowerCase();
    if (BLOCKS.has(name) || name === 'br' || name === 'option') b.breakBlock();
    for (const child of node.children) walk(child, pre || name === 'pre');
  };
  walk(el, false);
  return b
    .finish()
    .map((l) => l.text)
    .filter((t) => t !== '');
}

function findElement(nodes: DomNode[], name: string): DomElement | null {
  const found = DomUtils.findOne((el) => el.name.toLowerCase() === name, nodes, true);
  return found ?? null;
}

function pageTitle(nodes: DomNode[]): string | null {
  const el = findElement(nodes, 'title');
  const text = el === null ? '' : DomUtils.textContent(el).replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

function pageLanguage(nodes: DomNode[]): string | null {
  const html = findElement(nodes, 'html');
  const lang = html?.attribs['lang'] ?? html?.attribs['xml:lang'];
  if (lang !== undefined && lang.trim() !== '') return lang.trim();
  const meta = DomUtils.findOne(
    (el) => el.name.toLowerCase() === 'meta' && (el.attribs['http-equiv'] ?? '').toLowerCase() === 'content-language',
    nodes,
    true,
  );
  const content = meta?.attribs['content']?.trim();
  return content === undefined || content === '' ? null : content;
}

interface PendingLine {
  text: string;
  linkChars: number;
}

// Collects text into lines and blocks the way a browser would lay them out, whitespace collapsed.
class LineBuilder {
  private readonly lines: SourceLine[] = [];
  private block: PendingLine[] = [{ text: '', linkChars: 0 }];
  private heading = false;

  add(data: string, inLink: boolean, pre: boolean): void {
    const parts = pre ? data.split('\n') : [data.replace(/\s+/g, ' ')];
    parts.forEach((part, i) => {
      if (i > 0) this.breakLine();
      const line = this.current();
      const text = !pre && line.text.endsWith(' ') && part.startsWith(' ') ? part.slice(1) : part;
      line.text += text;
      if (inLink) line.linkChars += text.replace(/\s+/g, '').length;
    });
  }

  breakLine(): void {
    this.block.push({ text: '', linkChars: 0 });
  }

  markHeading(): void {
    this.heading = true;
  }

  breakBlock(): void {
    const trimmed = this.block.map((l) => ({ ...l, text: l.text.trim() }));
    while (trimmed[0]?.text === '') trimmed.shift();
    while (trimmed[trimmed.length - 1]?.text === '') trimmed.pop();
    if (trimmed.length > 0) {
      if (this.lines.length > 0) this.lines.push({ text: '', link: false, heading: false });
      for (const l of trimmed) {
        const letters = l.text.replace(/\s+/g, '').length;
        const blankRun = l.text === '' && this.lines[this.lines.length - 1]?.text === '';
        if (blankRun) continue;
        this.lines.push({
          text: l.text,
          link: letters > 0 && l.linkChars / letters >= 0.5,
          heading: this.heading && l.text !== '',
        });
      }
    }
    this.block = [{ text: '', linkChars: 0 }];
    this.heading = false;
  }

  finish(): SourceLine[] {
    this.breakBlock();
    return this.lines;
  }

  private current(): PendingLine {
    const last = this.block[this.block.length - 1];
    if (last !== undefined) return last;
    const fresh = { text: '', linkChars: 0 };
    this.block.push(fresh);
    return fresh;
  }
}
