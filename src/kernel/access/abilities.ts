// What the reader may do with an item, carried on each item of the API so the workspace shows an action
// only when the server would allow it (issue 4: "the UI never guesses"). Decided by `can`, nothing else.
import { z } from 'zod';
import { can, type Actor, type Resource } from './can.ts';

export interface Abilities {
  update: boolean;
  delete: boolean;
}

export const abilitiesOut = z
  .object({ update: z.boolean(), delete: z.boolean() })
  .meta({ description: "What the signed-in reader may do with this item (decided by the server's access rules)" });

export function abilitiesOn(actor: Actor, resource: Resource): Abilities {
  return { update: can(actor, 'update', resource), delete: can(actor, 'delete', resource) };
}
