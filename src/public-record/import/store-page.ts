// Stores one parsed legacy page in the public record, idempotently and in one audited transaction:
// - the same source with the same content changes nothing (no write, no audit event);
// - the same source with changed content becomes a new revision; the old one is kept;
// - another source saying the same document (another rendering) is linked to the existing item;
// - items sharing a reference, or a date and a file stem (language suffix aside), are linked as
//   versions of one document (e.g. the English and French texts).
import { createHash } from 'node:crypto';
import { uuidv7 } from '../../kernel/ids.ts';
import { auditedWorkOn, type Tx, type WriteContext } from '../../kernel/audit/audited-write.ts';
import { diffFields } from '../../kernel/diff.ts';
import type { Database } from '../../kernel/db/connect.ts';
import { contentFingerprint, type LegacyItem } from '../legacy-parser/index.ts';
import type { RecordItem } from '../model.ts';
import * as repo from '../record.repository.ts';
import { recordWriter, type RecordWriter } from '../record-writer.ts';
import { itemSlugBase, kindSlug, speakerSlug, slugify } from '../slug.ts';

export type StoreStatus = 'imported' | 'unchanged' | 'revised' | 'linked';

export interface StoreOutcome {
  status: StoreStatus;
  itemId: string;
  slug: string;
  revision: number;
  needsReview: boolean;
}

/** The fields of an item that a revision records. */
function stableContent(item: RecordItem) {
  return {
    kind: item.kind,
    title: item.title,
    date: item.date,
    updated: item.updated,
    collection: item.collection,
    place: item.place,
    speaker: item.speaker,
    occasion: item.occasion,
    reference: item.reference,
    language: item.language,
    body: item.body,
    flags: item.flags,
  };
}

const normalise = (text: string | null) => (text ?? '').toLowerCase().replace(/\s+/g, ' ').trim();

/** Same language, date, kind, speaker and title: the same document, whatever file it came from. */
export function identityKey(page: LegacyItem): string {
  const parts = [
    page.language ?? 'und',
    page.date ?? '',
    normalise(page.kind),
    normalise(page.speaker),
    normalise(page.title),
  ];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

// 'archive/s020925a-fr.htm' → 's020925a'; language markers at the end of a file name are dropped.
function fileStem(source: string): string {
  const name = source.split(/[\\/]/).pop() ?? source;
  return name
    .replace(/\.[a-z0-9]+$/i, '')
    .replace(/[-_.](en|fr|ru|de|es|it|e|f|r)$/i, '')
    .toLowerCase();
}

/** The key that links versions of one document across languages and renderings. */
export function versionGroupKey(page: LegacyItem, source: string): string {
  if (page.reference) return `ref:${page.reference.replace(/\s+/g, '').toLowerCase()}`;
  return `stem:${page.date ?? 'undated'}:${fileStem(source)}`;
}

function buildItem(
  page: LegacyItem,
  source: string,
  base: { id: string; slug: string; revision: number; versionGroup: string; firstPublishedAt: string },
  now: string,
): RecordItem {
  const kind = page.kind ?? 'Document';
  return {
    id: base.id,
    slug: base.slug,
    kind,
    title: page.title ?? [kind, page.speaker ? `by ${page.speaker}` : null].filter(Boolean).join(' '),
    date: page.date,
    dateStart: page.date ? page.date.split('/')[0]! : null,
    updated: page.updated,
    collection: page.collection,
    place: page.place,
    speaker: page.speaker,
    occasion: page.occasion,
    reference: page.reference,
    language: page.language ?? 'und',
    body: page.body,
    flags: page.flags,
    revision: base.revision,
    versionGroup: base.versionGroup,
    firstPublishedAt: base.firstPublishedAt,
    lastUpdatedAt: now,
  };
}

// The readable base when free; otherwise the base plus a few characters of the item's id, taken from
// its random end (ids are time-ordered UUIDs, whose first characters are shared by items made close
// together). Exact, indexed lookups only: a LIKE scan here made every import slower than the one before.
async function uniqueSlug(w: RecordWriter, base: string, id: string): Promise<string> {
  if (!(await w.slugTaken(base))) return base;
  const hex = id.replace(/-/g, '');
  for (let length = 6; length <= hex.length; length += 4) {
    const candidate = `${base}-${hex.slice(-length)}`;
    if (!(await w.slugTaken(candidate))) return candidate;
  }
  return `${base}-${hex}`;
}

/**
 * Stores a parsed page (status 'document') from `source`; see the file comment for the rules. Runs in
 * its own transaction, or inside `within` (a transaction or savepoint the caller commits).
 */
export async function storeParsedPage(
  database: Database,
  ctx: WriteContext,
  source: string,
  page: LegacyItem,
  within?: Tx,
): Promise<StoreOutcome> {
  if (within) return storePage(recordWriter(database, within), ctx, source, page);
  return database.db.transaction().execute((tx) => storePage(recordWriter(database, tx), ctx, source, page));
}

/**
 * What storing a page needs that depends on the page and its source alone (pure): the reader thread
 * works it out during an import, so the storing thread, the busier one, only reads and writes.
 */
export interface PreparedPage {
  fingerprint: string;
  identity: string;
  versionGroup: string;
  /** The revision's content: the stable fields as JSON. */
  content: string;
  /** The readable slug ('' when the page gives nothing to build one from). */
  slugBase: string;
  kindSlug: string;
  speakerSlug: string | null;
}

/** The page-only part of storing `page` from `source`. */
export function preparePage(page: LegacyItem, source: string): PreparedPage {
  const draft = buildItem(page, source, { id: '', slug: '', revision: 0, versionGroup: '', firstPublishedAt: '' }, '');
  return {
    fingerprint: contentFingerprint(page),
    identity: identityKey(page),
    versionGroup: versionGroupKey(page, source),
    content: JSON.stringify(stableContent(draft)),
    slugBase: itemSlugBase(draft),
    kindSlug: kindSlug(draft.kind),
    speakerSlug: draft.speaker ? speakerSlug(draft.speaker) : null,
  };
}

/**
 * The rules of storing a page, over the writer of the caller's transaction (one place for both
 * databases). `prepared` is preparePage(page, source), passed in when the reader thread made it.
 */
export async function storePage(
  w: RecordWriter,
  ctx: WriteContext,
  source: string,
  page: LegacyItem,
  prepared = preparePage(page, source),
): Promise<StoreOutcome> {
  if (page.status !== 'document') throw new Error(`storeParsedPage: ${source} is not a document (${page.status})`);
  const { fingerprint, identity, content } = prepared;
  const now = ctx.now.toISOString();
  const needsReview = page.flags.some((f) => f.confidence < 1);

  return auditedWorkOn(
    w.audit,
    ctx,
    async (audit): Promise<StoreOutcome> => {
      const known = await w.findSource(source);
      const current = known ? await w.findItemById(known.item_id) : await w.findItemByIdentity(identity);
      // The source row is inserted the first time a file is seen and updated afterwards.
      const saveSource = (itemId: string) =>
        known
          ? w.updateSource({ source, itemId, fingerprint, at: now })
          : w.insertSource({ source, itemId, fingerprint, at: now });
      const extra = (seq: number) => ({
        seq,
        identityKey: identity,
        kindSlug: prepared.kindSlug,
        speakerSlug: prepared.speakerSlug,
        published: true,
      });

      if (!current) {
        const id = uuidv7();
        const seq = await w.nextSeq();
        const draft = buildItem(
          page,
          source,
          { id, slug: '', revision: 1, versionGroup: prepared.versionGroup, firstPublishedAt: now },
          now,
        );
        draft.slug = await uniqueSlug(w, prepared.slugBase || slugify(id), id);
        await w.insertItem(repo.toRow(draft, extra(seq)));
        await w.insertRevision({ itemId: id, revision: 1, fingerprint, content, source, at: now });
        await saveSource(id);
        audit.record({
          action: 'record.imported',
          objectType: 'record_item',
          objectId: id,
          summary: {
            slug: draft.slug,
            source,
            fingerprint,
            title: draft.title,
            flags: draft.flags.map((f) => f.field),
          },
        });
        return { status: 'imported' as const, itemId: id, slug: draft.slug, revision: 1, needsReview };
      }

      const existing = repo.toItem(current);
      // A known source is compared with what it said last time, not with the item's latest revision:
      // two renderings of one document must not take turns revising it on every re-import.
      if (known?.fingerprint === fingerprint)
        return {
          status: 'unchanged' as const,
          itemId: existing.id,
          slug: existing.slug,
          revision: existing.revision,
          needsReview,
        };
      if ((await w.revisionFingerprint(existing.id, existing.revision)) === fingerprint) {
        // Another rendering of a document we already hold: remember the source, change nothing else.
        await saveSource(existing.id);
        audit.record({
          action: 'record.source_linked',
          objectType: 'record_item',
          objectId: existing.id,
          summary: { source, fingerprint },
        });
        return {
          status: 'linked' as const,
          itemId: existing.id,
          slug: existing.slug,
          revision: existing.revision,
          needsReview,
        };
      }

      const next = buildItem(
        page,
        source,
        {
          id: existing.id,
          slug: existing.slug,
          revision: existing.revision + 1,
          versionGroup: existing.versionGroup,
          firstPublishedAt: existing.firstPublishedAt,
        },
        now,
      );
      await w.updateItem(repo.toRow(next, extra(Number(current.seq))));
      await w.insertRevision({ itemId: next.id, revision: next.revision, fingerprint, content, source, at: now });
      await saveSource(next.id);
      const changes = diffFields(stableContent(existing), stableContent(next));
      if (changes.body)
        changes.body = { from: `${existing.body.length} characters`, to: `${next.body.length} characters` };
      audit.record({
        action: 'record.revised',
        objectType: 'record_item',
        objectId: next.id,
        summary: { slug: next.slug, source, revision: next.revision, fingerprint, changes },
      });
      return { status: 'revised' as const, itemId: next.id, slug: next.slug, revision: next.revision, needsReview };
    },
    { allowNoEvent: true },
  );
}
