// All SQL of the public record. Full-text search is dialect-specific and lives in search/search-index.ts.
import type { Kysely, Selectable } from 'kysely';
import type { DB, RecordItemTable } from '../kernel/db/schema.ts';
import type { Facet, LanguageVersion, RecordItem, RecordSummary } from './model.ts';

export type Executor = Kysely<DB>;
type Row = Selectable<RecordItemTable>;

/** Maps a stored row to the domain item: the summary's fields plus the rest. */
export function toItem(r: Row): RecordItem {
  return {
    ...toSummary(r),
    updated: r.updated,
    collection: r.collection,
    reference: r.reference,
    body: r.body,
    flags: JSON.parse(r.flags) as RecordItem['flags'],
    revision: Number(r.revision),
    versionGroup: r.version_group,
  };
}

export const SUMMARY_COLUMNS = [
  'id',
  'slug',
  'kind',
  'title',
  'date',
  'date_start',
  'place_city',
  'place_country',
  'speaker',
  'occasion',
  'language',
  'first_published_at',
  'last_updated_at',
] as const;
type SummaryRow = Pick<Row, (typeof SUMMARY_COLUMNS)[number]>;

/** Maps a summary row to the list shape. */
export function toSummary(r: SummaryRow): RecordSummary {
  return {
    id: r.id,
    slug: r.slug,
    kind: r.kind,
    title: r.title,
    date: r.date,
    dateStart: r.date_start,
    place: r.place_city || r.place_country ? { city: r.place_city, country: r.place_country } : null,
    speaker: r.speaker,
    occasion: r.occasion,
    language: r.language,
    firstPublishedAt: r.first_published_at,
    lastUpdatedAt: r.last_updated_at,
  };
}

/** Item fields as stored, for inserts and updates. */
export function toRow(
  item: RecordItem,
  extra: { seq: number; identityKey: string; kindSlug: string; speakerSlug: string | null; published: boolean },
): Row {
  const start = item.dateStart;
  return {
    id: item.id,
    seq: extra.seq,
    slug: item.slug,
    identity_key: extra.identityKey,
    version_group: item.versionGroup,
    kind: item.kind,
    kind_slug: extra.kindSlug,
    title: item.title,
    date: item.date,
    date_start: start,
    year: start ? Number(start.slice(0, 4)) : null,
    month: start && start.length >= 7 ? Number(start.slice(5, 7)) : null,
    updated: item.updated,
    collection: item.collection,
    place_city: item.place?.city ?? null,
    place_country: item.place?.country ?? null,
    speaker: item.speaker,
    speaker_slug: extra.speakerSlug,
    occasion: item.occasion,
    reference: item.reference,
    language: item.language,
    body: item.body,
    flags: JSON.stringify(item.flags),
    revision: item.revision,
    published: extra.published ? 1 : 0,
    first_published_at: item.firstPublishedAt,
    last_updated_at: item.lastUpdatedAt,
  };
}

export async function findItemRowById(db: Executor, id: string): Promise<Row | undefined> {
  return db.selectFrom('record_items').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findItemRowBySlug(db: Executor, slug: string): Promise<Row | undefined> {
  return db.selectFrom('record_items').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function findItemRowByIdentity(db: Executor, identityKey: string): Promise<Row | undefined> {
  return db
    .selectFrom('record_items')
    .selectAll()
    .where('identity_key', '=', identityKey)
    .orderBy('seq')
    .executeTakeFirst();
}

export async function findSource(db: Executor, source: string) {
  return db.selectFrom('record_sources').selectAll().where('source', '=', source).executeTakeFirst();
}

/** Whether a slug is taken (an indexed equality lookup). */
export async function slugTaken(db: Executor, slug: string): Promise<boolean> {
  return (await db.selectFrom('record_items').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}

/** The fingerprint of one revision of an item. */
export async function revisionFingerprint(db: Executor, itemId: string, revision: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('record_revisions')
    .select('fingerprint')
    .where('item_id', '=', itemId)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return row?.fingerprint;
}

export async function nextSeq(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('record_items')
    .select((eb) => eb.fn.max('seq').as('max'))
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export async function insertItem(db: Executor, row: Row): Promise<void> {
  await db.insertInto('record_items').values(row).execute();
}

export async function updateItem(db: Executor, row: Row): Promise<void> {
  const { id, seq: _seq, first_published_at: _first, ...rest } = row;
  await db.updateTable('record_items').set(rest).where('id', '=', id).execute();
}

export async function insertRevision(
  db: Executor,
  revision: { itemId: string; revision: number; fingerprint: string; content: string; source: string; at: string },
): Promise<void> {
  await db
    .insertInto('record_revisions')
    .values({
      item_id: revision.itemId,
      revision: revision.revision,
      fingerprint: revision.fingerprint,
      content: revision.content,
      source: revision.source,
      created_at: revision.at,
    })
    .execute();
}

export async function insertSource(
  db: Executor,
  source: { source: string; itemId: string; fingerprint: string; at: string },
): Promise<void> {
  await db
    .insertInto('record_sources')
    .values({ source: source.source, item_id: source.itemId, fingerprint: source.fingerprint, imported_at: source.at })
    .execute();
}

export async function updateSource(
  db: Executor,
  source: { source: string; itemId: string; fingerprint: string; at: string },
): Promise<void> {
  await db
    .updateTable('record_sources')
    .set({ item_id: source.itemId, fingerprint: source.fingerprint, imported_at: source.at })
    .where('source', '=', source.source)
    .execute();
}

/** Published items, newest first by date delivered (undated last), then by arrival. */
export async function latestSummaries(db: Executor, limit: number): Promise<RecordSummary[]> {
  const rows = await db
    .selectFrom('record_items')
    .select(SUMMARY_COLUMNS)
    .where('published', '=', 1)
    .orderBy('date_start', (ob) => ob.desc().nullsLast())
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toSummary);
}

export interface ListFilter {
  year?: number | undefined;
  month?: number | undefined;
  kind?: string | undefined;
  speaker?: string | undefined;
  language?: string | undefined;
}

/** A page of published items matching the filter, with the total count. */
export async function listSummaries(
  db: Executor,
  filter: ListFilter,
  page: { offset: number; limit: number },
): Promise<{ total: number; items: RecordSummary[] }> {
  let base = db.selectFrom('record_items').where('published', '=', 1);
  if (filter.year !== undefined) base = base.where('year', '=', filter.year);
  if (filter.month !== undefined) base = base.where('month', '=', filter.month);
  if (filter.kind) base = base.where('kind_slug', '=', filter.kind);
  if (filter.speaker) base = base.where('speaker_slug', '=', filter.speaker);
  if (filter.language) base = base.where('language', '=', filter.language);
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .select(SUMMARY_COLUMNS)
    .orderBy('date_start', (ob) => ob.desc().nullsLast())
    .orderBy('seq', 'desc')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { total, items: rows.map(toSummary) };
}

/** The other versions (languages, renderings) of an item. */
export async function otherVersions(
  db: Executor,
  item: { id: string; versionGroup: string },
): Promise<LanguageVersion[]> {
  const rows = await db
    .selectFrom('record_items')
    .select(['slug', 'language', 'title'])
    .where('version_group', '=', item.versionGroup)
    .where('id', '!=', item.id)
    .where('published', '=', 1)
    .orderBy('language')
    .execute();
  return rows;
}

/** Counts by year (with months), kind, speaker and language, for the indexes and search filters. */
export async function facetCounts(db: Executor) {
  const published = db.selectFrom('record_items').where('published', '=', 1);
  const months = await published
    .select(['year', 'month', (eb) => eb.fn.countAll().as('n')])
    .where('year', 'is not', null)
    .groupBy(['year', 'month'])
    .orderBy('year', 'desc')
    .orderBy('month', 'asc')
    .execute();
  const kinds = await published
    .select(['kind', 'kind_slug', (eb) => eb.fn.countAll().as('n')])
    .groupBy(['kind', 'kind_slug'])
    .orderBy('kind')
    .execute();
  const speakers = await published
    .select(['speaker', 'speaker_slug', (eb) => eb.fn.countAll().as('n')])
    .where('speaker', 'is not', null)
    .groupBy(['speaker', 'speaker_slug'])
    .orderBy('speaker')
    .execute();
  const languages = await published
    .select(['language', (eb) => eb.fn.countAll().as('n')])
    .groupBy('language')
    .orderBy('language')
    .execute();
  return { months, kinds, speakers, languages };
}

export type { Facet };

/** Every published slug with its last update, in pages (for the sitemap). */
export async function* allPublishedSlugs(
  db: Executor,
  pageSize = 1000,
): AsyncIterable<{ slug: string; lastUpdatedAt: string }> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('record_items')
      .select(['seq', 'slug', 'last_updated_at'])
      .where('published', '=', 1)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const r of rows) yield { slug: r.slug, lastUpdatedAt: r.last_updated_at };
    if (rows.length < pageSize) return;
    after = Number(rows[rows.length - 1]!.seq);
  }
}
