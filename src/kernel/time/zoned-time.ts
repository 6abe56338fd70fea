// Wall-clock times in IANA time zones, without a library: a meeting is announced as "09:00 in Warsaw",
// stored as the UTC instant plus the zone it was given in, and shown again in that zone. Pure: no clock.
import { instantMs, isValidTimeZone } from './instants.ts';

export { isValidTimeZone };

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The wall-clock fields of `ms` in `timeZone`, as a UTC-based millisecond value (offset removed). */
function wallClockMs(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? '0');
  const date = new Date(0);
  date.setUTCFullYear(get('year'), get('month') - 1, get('day'));
  date.setUTCHours(get('hour'), get('minute'), get('second'), 0);
  return date.getTime();
}

/** The zone's offset from UTC at instant `ms`, in minutes (Warsaw in September: +120). */
export function offsetMinutes(ms: number, timeZone: string): number {
  const whole = ms - (((ms % 1000) + 1000) % 1000);
  return Math.round((wallClockMs(whole, timeZone) - whole) / 60_000);
}

/** "+02:00" for an offset of 120 minutes. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export type ZonedParse = { ok: true; instant: string } | { ok: false; message: string };

/**
 * Reads a start or end time: either an ISO instant with an offset ("2002-09-25T08:30:00+02:00", "…Z"),
 * or a wall-clock time without one ("2002-09-25T08:30") read in `timeZone`. A wall-clock time that the
 * zone skips (clocks moved forward) is refused; one it repeats (clocks moved back) is the earlier.
 */
export function parseZonedTime(value: string, timeZone: string): ZonedParse {
  const withOffset = instantMs(value);
  if (withOffset !== null) return { ok: true, instant: new Date(withOffset).toISOString() };
  const m = LOCAL.exec(value);
  if (!m)
    return {
      ok: false,
      message: 'must be a date and time such as "2002-09-25T08:30" (in the time zone) or "2002-09-25T06:30:00Z"',
    };
  const date = new Date(0);
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    return { ok: false, message: 'is not a real date and time' };
  }
  date.setUTCHours(hour, minute, second, 0);
  const wall = date.getTime();
  // Try the offsets in force just before and just after: one of them maps back to the same wall time
  // unless the time falls in a gap. The earlier instant wins when both do (the repeated hour).
  const candidates = [
    ...new Set([
      offsetMinutes(wall - 86_400_000, timeZone),
      offsetMinutes(wall + 86_400_000, timeZone),
      offsetMinutes(wall, timeZone),
    ]),
  ]
    .map((offset) => wall - offset * 60_000)
    .filter((ms) => wallClockMs(ms, timeZone) === wall)
    .sort((a, b) => a - b);
  const first = candidates[0];
  if (first === undefined) return { ok: false, message: `does not exist in ${timeZone} (the clocks skip it)` };
  return { ok: true, instant: new Date(first).toISOString() };
}

/** The wall-clock time of a UTC instant in `timeZone`: { date: '2002-09-25', time: '08:30', offset: '+02:00' }. */
export function toZoned(instant: string, timeZone: string): { date: string; time: string; offset: string } {
  const ms = Date.parse(instant);
  const iso = new Date(wallClockMs(ms, timeZone)).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16), offset: formatOffset(offsetMinutes(ms, timeZone)) };
}
