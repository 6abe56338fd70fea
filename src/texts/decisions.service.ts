// Releasing an adopted statement to the public record, in one audited transaction: the record item
// (published, kind Statement or Chairman's Statement, body = the adopted version's wording, the
// decision's reference, a link back through its source `decision:<reference>`) and the decision's
// `released_record_item_slug` commit together or not at all.
//
// Rules: only the secretariat (and the machine: admin token, system) releases; only statements and
// chairman's statements are released (decisions and concepts stay in the register: NOT_RELEASABLE);
// a decision exists only for an adopted text, so only adopted texts can be released; and only once
// (ALREADY_RELEASED names the record item).
import { createHash } from 'node:crypto';
import { can } from '../kernel/access/can.ts';
import { auditedWrite } from '../kernel/audit/audited-write.ts';
import { actorName } from '../kernel/access/can.ts';
import { findPerson } from '../council/repositories/persons.repository.ts';
import { refuseUnknown } from '../kernel/access/visibility.ts';
import { AppError, notFound } from '../kernel/errors.ts';
import { uuidv7 } from '../kernel/ids.ts';
import type { RecordItem } from '../public-record/model.ts';
import * as records from '../public-record/record.repository.ts';
import { itemSlugBase, kindSlug, slugify, speakerSlug } from '../public-record/slug.ts';
import { TEXT_KIND_LABELS } from './model.ts';
import { isReleasableKind } from './text-abilities.ts';
import type { TextChange } from './text-change.ts';
import * as repo from './texts.repository.ts';
import { announce, type Caller, type TextServiceDeps } from './texts.service.ts';

export interface ReleaseInput {
  /** A person of the council model who delivered the statement (optional). */
  speaker?: string | null | undefined;
  /** The date delivered, YYYY-MM-DD; defaults to the date of adoption (UTC). */
  date?: string | undefined;
  place: { city: string | null; country: string | null };
}

export interface ReleaseResult {
  reference: string;
  slug: string;
  recordItemId: string;
}

/** Releases decision `reference` to the public record; see the file comment. */
export async function releaseDecision(
  deps: TextServiceDeps,
  caller: Caller,
  reference: string,
  input: ReleaseInput,
): Promise<ReleaseResult> {
  const now = deps.now();
  const { result, change } = await auditedWrite(
    deps.database,
    { actor: actorName(caller.actor), requestId: caller.requestId, now },
    async (tx, audit) => {
      const decision = await repo.findDecision(tx, reference);
      const text = decision ? await repo.lockText(tx, deps.database.dialect, decision.textId) : null;
      const resource = (part: 'register' | 'release') => ({
        type: 'decision' as const,
        formatMembers: text?.state.formatMembers ?? [],
        part,
      });
      if (!decision || !text || !can(caller.actor, 'read', resource('register'))) throw notFound('decision', reference);
      if (!can(caller.actor, 'update', resource('release')))
        throw new AppError('FORBIDDEN', 'Only the secretariat may release a decision to the public record.');
      if (!isReleasableKind(text.kind)) {
        throw new AppError(
          'NOT_RELEASABLE',
          `${reference} adopted a ${TEXT_KIND_LABELS[text.kind].toLowerCase()}; only statements and chairman's statements are released to the public record. It stays in the decision register.`,
        );
      }
      if (decision.releasedRecordItemSlug) {
        throw new AppError(
          'ALREADY_RELEASED',
          `${reference} was already released, at ${decision.releasedAt}, as /record/${decision.releasedRecordItemSlug}. Open that record item.`,
          [{ path: 'reference', message: decision.releasedRecordItemSlug }],
        );
      }
      const speaker = input.speaker ? await findPerson(tx, input.speaker) : null;
      refuseUnknown([input.speaker && !speaker ? { path: 'speaker', message: `no person "${input.speaker}"` } : null]);
      const version = await repo.findVersion(tx, text.id, decision.version);
      if (!version) throw new Error(`decision ${reference}: version ${decision.version} of text ${text.id} is missing`);

      const at = now.toISOString();
      const id = uuidv7();
      const date = input.date ?? decision.adoptedAt.slice(0, 10);
      const item: RecordItem = {
        id,
        slug: '',
        kind: TEXT_KIND_LABELS[text.kind],
        title: text.title,
        date,
        dateStart: date,
        updated: null,
        collection: null,
        place:
          input.place.city || input.place.country ? { city: input.place.city, country: input.place.country } : null,
        speaker: speaker?.name ?? null,
        occasion: null,
        reference,
        language: text.language,
        body: version.body,
        flags: [],
        revision: 1,
        versionGroup: `ref:${reference.replace(/\s+/g, '').toLowerCase()}`,
        firstPublishedAt: at,
        lastUpdatedAt: at,
      };
      const base = itemSlugBase(item) || slugify(id);
      item.slug = (await records.slugTaken(tx, base)) ? `${base}-${slugify(reference)}` : base;
      const content = JSON.stringify({
        kind: item.kind,
        title: item.title,
        date: item.date,
        place: item.place,
        speaker: item.speaker,
        reference,
        language: item.language,
        body: item.body,
      });
      const fingerprint = createHash('sha256').update(content).digest('hex');
      await records.insertItem(
        tx,
        records.toRow(item, {
          seq: await records.nextSeq(tx),
          identityKey: `decision:${reference}`,
          kindSlug: kindSlug(item.kind),
          speakerSlug: item.speaker ? speakerSlug(item.speaker) : null,
          published: true,
        }),
      );
      await records.insertRevision(tx, {
        itemId: id,
        revision: 1,
        fingerprint,
        content,
        source: `decision:${reference}`,
        at,
      });
      await records.insertSource(tx, { source: `decision:${reference}`, itemId: id, fingerprint, at });
      await repo.markReleased(tx, reference, item.slug, at);
      audit.record({
        action: 'decision.released',
        objectType: 'decision',
        objectId: reference,
        summary: {
          textId: text.id,
          version: decision.version,
          recordItemId: id,
          slug: item.slug,
          date,
          speaker: item.speaker,
          place: item.place,
        },
      });
      const change: TextChange = {
        kind: 'released',
        textId: text.id,
        title: text.title,
        textKind: text.kind,
        bodyCode: text.bodyCode,
        formatCode: text.formatCode,
        formatMembers: text.state.formatMembers,
        at,
        recordedAt: at,
        by: actorName(caller.actor),
        status: text.state.status,
        version: decision.version,
        reference,
        recordSlug: item.slug,
      };
      await deps.enqueueNotifications?.(tx, change);
      return { result: { reference, slug: item.slug, recordItemId: id }, change };
    },
  );
  await announce(deps, [change]);
  return result;
}
