// Reads of the council model filtered by `can`, shared by the API and the web pages so both show
// exactly the same thing to the same reader.
import { can, type Actor } from '../kernel/access/can.ts';
import type { Executor } from '../kernel/db/executor.ts';
import type { Body, Format } from './model.ts';
import { listBodies, findBody } from './repositories/bodies.repository.ts';
import { listFormats } from './repositories/formats.repository.ts';

/** A body as `can` sees it: its format's members and its public flag (every read and ability asks this). */
export function bodyResource(body: Body, formats: readonly Format[]) {
  const format = formats.find((f) => f.code === body.formatCode);
  return { type: 'body' as const, formatMembers: format?.members ?? [], isPublic: body.isPublic };
}

/** The bodies this actor may see. */
export async function visibleBodies(db: Executor, actor: Actor): Promise<Body[]> {
  const [bodies, formats] = await Promise.all([listBodies(db), listFormats(db)]);
  return bodies.filter((b) => can(actor, 'read', bodyResource(b, formats)));
}

/** One body if it exists and this actor may see it; otherwise null, the same answer for both. */
export async function visibleBody(db: Executor, actor: Actor, code: string): Promise<Body | null> {
  const body = await findBody(db, code);
  if (!body) return null;
  const formats = await listFormats(db);
  return can(actor, 'read', bodyResource(body, formats)) ? body : null;
}
