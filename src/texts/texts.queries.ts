// Reads of texts and decisions filtered by `can`, shared by the API (and later the pages and live
// updates): a text the reader may not see is absent from lists and totals and answers like a missing one.
import { can, type Actor } from '../kernel/access/can.ts';
import type { Executor } from '../kernel/db/executor.ts';
import type { Decision, Text, TextPosition } from './model.ts';
import * as repo from './texts.repository.ts';

export const mayReadText = (actor: Actor, text: Pick<Text, 'state'>) =>
  can(actor, 'read', { type: 'text', formatMembers: text.state.formatMembers, part: 'draft' });

/** The texts `actor` may see that match `filter`, most recently changed first. */
export async function visibleTexts(
  db: Executor,
  actor: Actor,
  filter: repo.TextFilter & { q?: string | undefined } = {},
): Promise<Text[]> {
  const { q, ...rest } = filter;
  const words = (q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return (await repo.listTexts(db, { ...rest, readableBy: actor })).filter(
    (t) => mayReadText(actor, t) && words.every((w) => t.title.toLowerCase().includes(w)),
  );
}

/**
 * One page of the texts `actor` may see that match `filter`, and how many there are in all. Without
 * words (matched in JavaScript), the database selects, counts and pages.
 */
export async function visibleTextsPage(
  db: Executor,
  actor: Actor,
  filter: repo.TextFilter & { q?: string | undefined },
  page: { limit: number; offset: number },
): Promise<{ total: number; items: Text[] }> {
  const { q, ...rest } = filter;
  if ((q ?? '').trim() !== '') {
    const all = await visibleTexts(db, actor, filter);
    return { total: all.length, items: all.slice(page.offset, page.offset + page.limit) };
  }
  const readable = { ...rest, readableBy: actor };
  const [total, items] = await Promise.all([repo.countTexts(db, readable), repo.listTexts(db, readable, page)]);
  return { total, items };
}

/** One text if it exists and `actor` may see it; otherwise null, the same answer for both. */
export async function visibleText(db: Executor, actor: Actor, id: string): Promise<Text | null> {
  const text = await repo.findText(db, id);
  return text && mayReadText(actor, text) ? text : null;
}

/** Everything the detail of a text shows. */
export async function textDetail(db: Executor, actor: Actor, text: Text) {
  const [versions, positions, events, decision, group] = await Promise.all([
    repo.listVersions(db, text.id),
    repo.listPositions(db, text.id),
    repo.listProcedureEvents(db, text.id),
    repo.findDecisionOfText(db, text.id),
    repo.textsInLanguageGroup(db, text.languageGroupId),
  ]);
  const people = await peopleOf(db, text, positions);
  return {
    text,
    versions,
    positions,
    events,
    decision,
    people,
    languageVersions: group.filter((t) => t.id !== text.id && mayReadText(actor, t)),
  };
}

/** Names of the people who took part in the text's positions and procedures (see displayNamesOf). */
export async function peopleOf(
  db: Executor,
  text: Text,
  positions: readonly TextPosition[],
): Promise<Map<string, string>> {
  const state = text.state;
  const procedures = [...state.history, ...(state.procedure ? [state.procedure] : [])];
  return repo.displayNamesOf(db, [
    ...positions.map((p) => p.by),
    ...Object.values(state.reservations).map((r) => r.placedBy),
    ...procedures.flatMap((p) => [
      p.openedBy,
      ...p.extensions.map((e) => e.by),
      ...(p.brokenBy ? [p.brokenBy.by] : []),
    ]),
  ]);
}

export type TextDetail = Awaited<ReturnType<typeof textDetail>>;

/** The decisions `actor` may see (those of texts they may read), latest adoption first, with their texts. */
export async function visibleDecisions(db: Executor, actor: Actor): Promise<{ decision: Decision; text: Text }[]> {
  const decisions = await repo.listDecisions(db, actor);
  const out: { decision: Decision; text: Text }[] = [];
  for (const decision of decisions) {
    const text = await repo.findText(db, decision.textId);
    if (text && can(actor, 'read', { type: 'decision', formatMembers: text.state.formatMembers, part: 'register' }))
      out.push({ decision, text });
  }
  return out;
}

/** One decision by reference if `actor` may see it; otherwise null. */
export async function visibleDecision(
  db: Executor,
  actor: Actor,
  reference: string,
): Promise<{ decision: Decision; text: Text } | null> {
  const decision = await repo.findDecision(db, reference);
  const text = decision ? await repo.findText(db, decision.textId) : null;
  return decision &&
    text &&
    can(actor, 'read', { type: 'decision', formatMembers: text.state.formatMembers, part: 'register' })
    ? { decision, text }
    : null;
}
