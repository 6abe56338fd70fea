// GET /calendar: the calendar page of the reader (public, or signed in), read through the same
// `can`-filtered entries as the API and the feeds.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { visibleEntries } from '../../calendar/calendar.queries.ts';
import { monthView } from '../../calendar/calendar-views.ts';
import { addDays } from '../../calendar/event-dates.ts';
import { findCouncil } from '../../council/repositories/council.repository.ts';
import { loadLookups } from '../../council/lookups.ts';
import { renderCalendarPage } from './calendar-page.ts';

const query = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month in the form YYYY-MM')
    .optional(),
});
const shiftMonth = (month: string, by: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
};

export const calendarPages: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;
  app.get('/calendar', { schema: { hide: true, querystring: query } }, async (request, reply) => {
    const lookups = await loadLookups(db, request.actor);
    let month = request.query.month;
    if (!month) {
      // Without a month: this month if anything is on, else the month of the next entry, else of the last.
      const today = app.deps.now().toISOString().slice(0, 10);
      const all = await visibleEntries(db, request.actor, lookups);
      month = (all.find((e) => e.endsOn >= today) ?? all.at(-1))?.startsOn.slice(0, 7) ?? today.slice(0, 7);
    }
    const entries = await visibleEntries(db, request.actor, lookups, {
      from: addDays(`${month}-01`, -7),
      to: addDays(`${month}-28`, 14),
    });
    const council = await findCouncil(db);
    const page = renderCalendarPage({
      councilName: council?.name,
      view: monthView(entries, month),
      previous: shiftMonth(month, -1),
      next: shiftMonth(month, 1),
      names: {
        body: (code) => lookups.visibleBodies.get(code)?.name ?? null,
        topic: (code) => lookups.topics.get(code)?.name ?? code,
      },
      feeds: [
        { label: 'All public meetings and events', href: '/calendar.ics' },
        ...[...lookups.topics.values()].map((t) => ({ label: t.name, href: `/calendar/topics/${t.code}.ics` })),
      ],
    });
    return reply.type('text/html; charset=utf-8').send(page);
  });
};
