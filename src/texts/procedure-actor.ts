// Who acts in the consensus procedure: the access model's actor (src/access/can.ts) seen as the state
// machine's actor (one role, a member, head of delegation or not). Pure.
import { actorName, type Actor } from '../kernel/access/can.ts';
import { procedureErrors } from './procedure/procedure-errors.ts';
import type { Actor as ProcedureActor, ProcedureError, Role } from './procedure/types.ts';
import { AppError } from '../kernel/errors.ts';

// A user with several roles acts in the strongest one for the procedure: the chair's acts need the
// chair, drafting needs the secretariat (or the chair), positions need a delegation.
const ROLE_ORDER: readonly Role[] = ['chair', 'secretariat', 'delegate', 'admin', 'auditor'];

/**
 * The procedure actor of `actor`. The admin token does secretariat work (drafting), as it does for
 * meetings; it is never the chair or a delegation. The system (demo loader, deadline runner) acts as
 * 'admin', which the procedure refuses for every human act: deadlines need no actor.
 */
export function procedureActor(actor: Actor): ProcedureActor {
  switch (actor.kind) {
    case 'user': {
      const role = ROLE_ORDER.find((r) => actor.roles.includes(r)) ?? 'auditor';
      return { userId: actor.id, role, member: actor.member, headOfDelegation: actor.headOfDelegation };
    }
    case 'admin-token':
      return { userId: 'admin-token', role: 'secretariat', member: null, headOfDelegation: false };
    default:
      return { userId: actorName(actor), role: 'admin', member: null, headOfDelegation: false };
  }
}

/** The catalogued error of a procedure refusal (same code and message; details as path/message pairs). */
export function procedureFailure(error: ProcedureError): AppError {
  const details = Object.entries(error.details ?? {}).map(([path, value]) => ({
    path,
    message: Array.isArray(value) ? value.join(', ') : String(value),
  }));
  return new AppError(error.code, error.message, details);
}

export { procedureErrors };
