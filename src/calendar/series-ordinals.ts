// The ordinals of series events a reader may not see, so that an event's place in its series is told
// as the reader sees the series (event-rules.ts, ordinalAsSeen). Filtered by `can`, like every read.
import type { Actor } from '../kernel/access/can.ts';
import { mayRead } from '../kernel/access/visibility.ts';
import type { Executor } from '../kernel/db/executor.ts';
import type { Lookups } from '../council/lookups.ts';
import { listEvents } from './events.repository.ts';

/** Series code → ordinals of the events of that series `actor` may not see (only for `codes`). */
export async function hiddenSeriesOrdinals(
  db: Executor,
  actor: Actor,
  lookups: Lookups,
  codes: Iterable<string | null | undefined>,
): Promise<Map<string, number[]>> {
  const hidden = new Map<string, number[]>();
  for (const code of new Set(codes)) {
    if (!code) continue;
    const unseen = (await listEvents(db, { series: code })).filter(
      (e) => e.series && !mayRead(actor, 'event', e, lookups.formatMembers),
    );
    hidden.set(
      code,
      unseen.map((e) => e.series!.ordinal),
    );
  }
  return hidden;
}
