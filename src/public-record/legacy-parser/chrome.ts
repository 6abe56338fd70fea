// Page chrome: the navigation, site furniture and press-office contact blocks that archives wrapped
// around every statement. Chrome is removed from the body but always reported in `dropped`.
import { isSpace } from './whitespace.ts';

export type ChromeStrength = 'nav' | 'edge';

// Phrases that are navigation wherever they stand, even between two paragraphs.
const NAV_PHRASES = [
  'go to homepage',
  'go to home page',
  'go to index',
  'go to top',
  'back to top',
  'back to index',
  'back to homepage',
  'top of page',
  'top of the page',
  'return to top',
  'return to index',
  'return to homepage',
  'print this page',
  'printer-friendly version',
  'printer friendly version',
  'printable version',
  'e-mail this page',
  'email this page',
  'send to a friend',
  'skip to content',
  'skip to main content',
  'skip navigation',
  'site map',
  'sitemap',
  'contact us',
  'previous page',
  'next page',
  'all rights reserved',
  'haut de page',
  'retour en haut',
  "retour à l'accueil",
  "retour à la page d'accueil",
  "page d'accueil",
  'plan du site',
  'imprimer cette page',
  'version imprimable',
  'на главную',
  'наверх',
  'версия для печати',
  'карта сайта',
  'к началу страницы',
  'zurück zum anfang',
  'seitenanfang',
  'druckversion',
  '[end]',
  'end',
  'send this page',
  'envoyer cette page',
  'envoyer à un ami',
  'imprimer',
  'print version',
  'print-friendly version',
  'mentions légales',
  'terms & conditions',
  'terms and conditions',
  'вернуться к списку документов',
  'вернуться',
  'распечатать',
  'отправить по почте',
];

// Words that are chrome only at the top or bottom of a page: in the middle they could be content.
const EDGE_PHRASES = [
  'header',
  'footer',
  'home',
  'homepage',
  'index',
  'search',
  'print',
  'top',
  'menu',
  'main menu',
  'navigation',
  'back',
  'next',
  'previous',
  'accueil',
  'recherche',
  'imprimer',
  'главная',
  'поиск',
  'startseite',
  'suche',
  'related links',
  'see also',
  'in this section',
  'share',
  'disclaimer',
  'privacy',
  'accessibility',
  'rss',
  'liens utiles',
  'voir aussi',
  'ссылки по теме',
  'см. также',
  'video record of the speech',
  'video',
  'audio',
  'english only',
  'french only',
  'russian only',
  'original: english',
  'original: french',
  'original: russian',
];

// Lines that are chrome by their opening words wherever they stand: breadcrumbs ("You are in: …",
// "Accueil > Salle de presse"), the media notice of UN releases, source notes, page stamps.
const NAV_START =
  /^(?:you\s+are\s+in\s*:|vous\s+êtes\s+ici\s*:|вы\s+находитесь|for\s+information\s+media\b|à\s+l['’]usage\s+des\s+médias|\(source\s*:|source\s*:\s*(?:site|http|www))/iu;
// Stamps that close a page: when it was issued or last changed, not when the words were spoken.
const STAMP_START =
  /^(?:last\s+updated|last\s+modified|page\s+updated|updated\s*:|released\s+on|issued\s+on|published\s+on|date\s+published|(?:dernière\s+)?mise\s+à\s+jour|documento?\s+publi|документ\s+опубликован|дата\s+публикации|обновлено|опубликовано)(?![\p{L}])/iu;
/** A stamp closing a page ("Last updated: …", "Released on …", "Документ опубликован …"): chrome at the end. */
export function isStampLine(line: string): boolean {
  const n = normalise(line);
  return n.length <= 120 && STAMP_START.test(n);
}

// "Back to Press Statements": a link back, at the edge of a page only (inside a wrapped paragraph a
// line can start with the same words).
const BACK_TO = /^(?:back|return)\s+to\s+(?:the\s+)?\S+(?:\s+\S+){0,2}(?<![.!?;,])$/iu;

// A breadcrumb: two to six short segments joined by ">" or "»".
const BREADCRUMB = /^[^.!?]{1,40}(?:\s+[>»]\s+[^.!?>»]{1,40}){1,5}$/u;

const NAV_SET = new Set(NAV_PHRASES);
const EDGE_SET = new Set(EDGE_PHRASES);
// Separators of a menu bar: "Home | Press | Contact", "[Home] [Index]", "Home • Press".
const MENU_SEPARATOR = /\s*(?:\||•|·|›|»|«|::|\]\s*\[|\t|\s{3,}|\s[-–—/]\s)\s*/u;
// Used only with String.replace, which resets lastIndex, so the /g flag shares no state between calls.
const GO_TO_SEGMENT = /(?:go|back|return)\s+to\s+(?:the\s+)?\S+(?:\s+page)?|retour\s+(?:à|a)\s+(?:la\s+|l['’])?\S+/giu;

// The same as line.trim().replace(/^[[(<>«»|•·\s-]+|[\])<>«»|•·\s]+$/gu, '').replace(/\s+/g, ' ')
// .toLowerCase(), written out: every body line passes here, and the three regex passes over long
// prose lines were a tenth of the parser's time in the import benchmark.
const LEADING = new Set([...'[(<>«»|•·-'].map((c) => c.charCodeAt(0)));
const TRAILING = new Set([...'])<>«»|•·'].map((c) => c.charCodeAt(0)));
const COLLAPSIBLE = /[^\S ]| {2}/;

function normalise(line: string): string {
  const t = line.trim();
  let start = 0;
  let end = t.length;
  while (start < end && (LEADING.has(t.charCodeAt(start)) || isSpace(t.charCodeAt(start)))) start++;
  while (end > start && (TRAILING.has(t.charCodeAt(end - 1)) || isSpace(t.charCodeAt(end - 1)))) end--;
  const core = start === 0 && end === t.length ? t : t.slice(start, end);
  return (COLLAPSIBLE.test(core) ? core.replace(/\s+/g, ' ') : core).toLowerCase();
}

/** Whether `line` is chrome: 'nav' anywhere, 'edge' only before the header or after the body. */
export function chromeStrength(line: string): ChromeStrength | null {
  // Rules and end marks ("-----", "* *** *") close a page; between paragraphs they may be a section break.
  if (/^[\s*_=~#.·•-]+$/u.test(line) && line.trim().length >= 3) return 'edge';
  const n = normalise(line);
  if (n === '') return null;
  if (
    NAV_SET.has(n) ||
    isCopyright(n) ||
    NAV_START.test(n) ||
    ((n.includes('>') || n.includes('»')) && BREADCRUMB.test(n))
  )
    return 'nav';
  if (!/[.!?]$/.test(n) && n.replace(GO_TO_SEGMENT, '').replace(/[\s|•·]+/g, '') === '') return 'nav';
  if (isMenuBar(line)) return 'nav';
  if (EDGE_SET.has(n) || /^(?:https?:\/\/|www\.)\S+$/.test(n) || BACK_TO.test(n)) return 'edge';
  return null;
}

function isCopyright(n: string): boolean {
  return /^(?:©|\(c\)|copyright\b)/u.test(n) && n.length < 120;
}

// Several short segments of which at least one is a known navigation word.
function isMenuBar(line: string): boolean {
  const trimmed = line.trim();
  // A line ending a sentence has a last segment ending one, so it is never a menu bar (and prose
  // lines, the most common, skip the split).
  if (/[.!?]$/.test(trimmed)) return false;
  const pieces = trimmed.replace(/^\[|\]$/g, '').split(MENU_SEPARATOR);
  if (pieces.length < 2) return false;
  const segments = pieces.map(normalise).filter((s) => s !== '');
  if (segments.length < 2) return false;
  const short = segments.every((s) => s.length <= 30 && s.split(' ').length <= 4 && !/[.!?]$/.test(s));
  const known = segments.filter((s) => NAV_SET.has(s) || EDGE_SET.has(s)).length;
  return short && known >= 1 && (segments.length >= 3 || known === segments.length);
}

const FOOTER_START =
  /^(?:for\s+(?:further|more)\s+information|further\s+information|press\s+(?:&|and)\s+media\s+service|press\s+office|press\s+service|media\s+contact|press\s+contact|contact|pour\s+(?:plus\s+d['’]informations|tout\s+renseignement|de\s+plus\s+amples\s+informations)|service\s+de\s+presse|пресс-служба|для\s+справок|pressestelle|weitere\s+informationen)(?:\s*[:,–—-]|\s+(?:please|contact|call|write)\b|\s*$)/iu;
const CONTACT_DETAIL =
  /\b(?:tel|tél|phone|telephone|téléphone|fax|e-?mail|courriel|internet|web)\b\.?|@|https?:|www\.|тел\.?|факс|\+\d[\d\s()./-]{5,}|\(?\d{2,4}\)?[\s-]\d{2,4}[\s-]\d{2,4}/iu;

const MAX_FOOTER_LINES = 12;

/** Where a press-office contact footer starts (index into `lines`), or -1 when there is none. */
export function findContactFooter(lines: readonly string[]): number {
  // A footer is at most a dozen lines at the very end, so only that tail is searched.
  let from = lines.length;
  let kept = 0;
  while (from > 0 && kept < MAX_FOOTER_LINES) {
    from--;
    if ((lines[from] ?? '').trim() !== '') kept++;
  }
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]?.trim() ?? '';
    if (!FOOTER_START.test(line)) continue;
    const block = lines
      .slice(i)
      .map((l) => l.trim())
      .filter((l) => l !== '');
    // A footer is a short block of contact lines: mostly contact details or short address lines. A
    // wrapped paragraph that merely starts with the phrase has long lines and no details.
    const contactLike = block.filter((l) => CONTACT_DETAIL.test(l) || l.length <= 45).length;
    const hasContact =
      block.some((l) => CONTACT_DETAIL.test(l)) || /^press\s+(?:&|and)\s+media\s+service$/iu.test(line);
    if (hasContact && contactLike >= 0.6 * block.length && line.length <= 200) return i;
  }
  return lastContactBlock(lines);
}

// Without an opening phrase, a footer is still recognisable as the last block of the page (lines
// between blank lines) when every line is short or a contact detail and one at least is a detail:
// "Council of Europe Press Service / F-67075 Strasbourg Cedex / Tel: …", "PRESS Rue de la Loi … Tel.: …".
function lastContactBlock(lines: readonly string[]): number {
  let end = lines.length;
  while (end > 0 && (lines[end - 1] ?? '').trim() === '') end--;
  let start = end;
  while (start > 0 && (lines[start - 1] ?? '').trim() !== '') start--;
  if (end - start === 0 || end - start > 8 || start === 0) return -1;
  const block = lines.slice(start, end).map((l) => l.trim());
  if (block.some((l) => l.length > 200)) return -1;
  const detail = (l: string): boolean => CONTACT_DETAIL.test(l) && !(l.length > 100 && /[.!?]$/.test(l));
  const contactLike = (l: string): boolean => (l.length <= 60 && !/[.!?…]["'”’»)]*$/u.test(l)) || detail(l);
  return block.every(contactLike) && block.some(detail) ? start : -1;
}

const RELATED_HEADING =
  /^(?:related\s+(?:links|documents|items|stories)|see\s+also|more\s+on\s+this|liens\s+utiles|voir\s+aussi|à\s+lire\s+aussi|ссылки\s+по\s+теме|см\.\s+также|по\s+теме)\s*:?$/iu;

/** Where a closing "Related links" list starts (its heading, then short link lines only), or -1. */
export function findRelatedLinks(lines: readonly string[]): number {
  let seen = 0;
  for (let i = lines.length - 1; i >= 0 && seen < MAX_FOOTER_LINES; i--) {
    const line = (lines[i] ?? '').trim();
    if (line === '') continue;
    seen++;
    if (RELATED_HEADING.test(line)) return i;
    if (line.length > 80 || /[.!?…]["'”’»)]*$/u.test(line)) return -1;
  }
  return -1;
}
