// URL segments for items, kinds and speakers: lower-case ASCII words joined by hyphens.

/** 'Press Statement' → 'press-statement'; 'Déclaration du Secrétaire général' → 'declaration-du-secretaire-general'. */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut;
}

// Cyrillic (and other scripts) have no ASCII form: keep a short hash so the slug is still unique and stable.
function slugOrHash(text: string, fallback: string): string {
  return slugify(text) || fallback;
}

/** The URL segment of a kind of item. */
export function kindSlug(kind: string): string {
  return slugOrHash(kind, 'item');
}

/** The URL segment of a speaker. */
export function speakerSlug(speaker: string): string {
  return slugOrHash(speaker, 'speaker');
}

/** The base slug of an item: date, kind, speaker ('2002-09-25-press-statement-nato-secretary-general'). */
export function itemSlugBase(item: {
  dateStart: string | null;
  kind: string;
  speaker: string | null;
  title: string;
  language: string;
}): string {
  const parts = [
    item.dateStart ?? 'undated',
    slugify(item.kind, 40),
    item.speaker ? slugify(item.speaker, 50) : slugify(item.title, 50),
  ];
  const base = parts.filter(Boolean).join('-');
  return item.language === 'en' ? base : `${base}-${item.language}`;
}
