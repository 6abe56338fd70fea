// Dates and times as people read them, always with the zone they are in: "Wed 25 Sep 2002,
// 08:30–09:45 (Warsaw time)". Pure functions over the API's ISO strings; no locale surprises
// ("Sept"), so the same words appear in every browser.

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2002-09-25" → "Wed 25 Sep 2002". */
export function humanDate(isoDay: string): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${WEEKDAYS[weekday]} ${d} ${MONTHS[m - 1]} ${y}`;
}

/** "Europe/Warsaw" → "Warsaw time"; "UTC" → "UTC"; "America/New_York" → "New York time". */
export function zoneLabel(timeZone: string): string {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 'UTC';
  const city = timeZone.split('/').pop() ?? timeZone;
  return `${city.replace(/_/g, ' ')} time`;
}

/** The wall-clock day and time of an instant in a zone: { date: "2002-09-25", time: "08:30" }. */
export function inZone(instant: string, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/** A meeting's span: "Wed 25 Sep 2002, 08:30–09:45 (Warsaw time)", across midnight with both days. */
export function meetingWhen(
  local: { date: string; start: string; end: string; endDate: string },
  timeZone: string,
): string {
  const until = local.endDate === local.date ? local.end : `${humanDate(local.endDate)}, ${local.end}`;
  return `${humanDate(local.date)}, ${local.start}–${until} (${zoneLabel(timeZone)})`;
}

/** The same from two instants and a zone (calendar entries carry instants, not wall-clock parts). */
export function spanWhen(startsAt: string, endsAt: string, timeZone: string): string {
  const start = inZone(startsAt, timeZone);
  const end = inZone(endsAt, timeZone);
  return meetingWhen({ date: start.date, start: start.time, end: end.time, endDate: end.date }, timeZone);
}

/** A deadline: "Thu 26 Sep 2002, 12:00 (Brussels time)". */
export function instantWhen(instant: string, timeZone: string): string {
  const at = inZone(instant, timeZone);
  return `${humanDate(at.date)}, ${at.time} (${zoneLabel(timeZone)})`;
}

/** "Warsaw, Poland" from the venue's parts; null when none is known. */
export function venueText(venue: { name: string | null; city: string | null; country: string | null }): string | null {
  const parts = [venue.name, venue.city, venue.country].filter((p): p is string => Boolean(p));
  return parts.length ? parts.join(', ') : null;
}
