// Bodies and topics as /api/v1 answers them (src/council/council.schemas.ts: bodyOut, topicOut), the
// words for a body's kind, and the hierarchy of the bodies the reader was sent. Nothing here decides
// access: the server lists only the bodies `can` lets this reader see, each with its abilities.
import type { Abilities } from '../members/model.ts';

// The server's own list (src/council/model.ts, a pure file with no imports).
import { BODY_KINDS, type BodyKind } from '../../../../src/council/model.ts';

export { BODY_KINDS, type BodyKind };

const KIND_LABELS: Record<BodyKind, string> = {
  council: 'Council',
  preparatory_committee: 'Preparatory committee',
  committee: 'Committee',
  working_group: 'Working group',
  ad_hoc_group: 'Ad hoc group',
  expert_group: 'Expert group',
};
export const kindLabel = (kind: string) => KIND_LABELS[kind as BodyKind] ?? kind.replace(/_/g, ' ');

export interface Body {
  code: string;
  name: string;
  kind: BodyKind;
  parent: string | null;
  format: string;
  chair: { id: string; name: string } | null;
  description: string;
  public: boolean;
  topics: string[];
  abilities?: Abilities;
}

export interface Topic {
  code: string;
  name: string;
  description: string;
  source: string | null;
  position: number;
  abilities?: Abilities;
}

/** A body with the bodies under it, as far as the reader may see them. */
export interface BodyNode {
  body: Body;
  children: BodyNode[];
}

/**
 * The bodies as a tree, in the order the server sent them. A body whose parent the reader was not sent
 * (or that has none) is a root, so nothing the reader may see is left out.
 */
export function bodyTree(bodies: readonly Body[]): BodyNode[] {
  const known = new Set(bodies.map((b) => b.code));
  const build = (parent: string | null, seen: Set<string>): BodyNode[] =>
    bodies
      .filter((b) => (parent === null ? b.parent === null || !known.has(b.parent) : b.parent === parent))
      .filter((b) => !seen.has(b.code))
      .map((b) => ({ body: b, children: build(b.code, new Set([...seen, b.code])) }));
  return build(null, new Set());
}

/** The codes of a body and every body under it: none of them may become its parent. */
export function selfAndBelow(bodies: readonly Body[], code: string): Set<string> {
  const out = new Set([code]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const b of bodies)
      if (b.parent && out.has(b.parent) && !out.has(b.code)) {
        out.add(b.code);
        grew = true;
      }
  }
  return out;
}

/** "Everyone (public)" or the format's members only, in the words of the project page. */
export const whoMaySee = (isPublic: boolean, formatName: string) =>
  isPublic ? `Everyone (public); the body belongs to ${formatName}` : `Members of ${formatName} only`;
