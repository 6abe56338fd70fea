// Strict parsing of instants and time zones for the procedure. Date.parse alone is too lenient for
// deadlines: it accepts dates without an offset (read in the server's zone) and rolls 30 February over
// to 1 March, so a typo would silently move a deadline.

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/** Milliseconds since the epoch of an ISO-8601 date-time with an explicit offset, or null if it is not one. */
export function instantMs(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = ISO_INSTANT.exec(value);
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6] ?? '0');
  const millis = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (m[8] === undefined) {
    const offsetHours = Number(m[10]);
    const offsetMins = Number(m[11]);
    if (offsetHours > 23 || offsetMins > 59) return null;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  // setUTCFullYear rather than Date.UTC, which maps years 0-99 to 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  date.setUTCHours(hour, minute, second, millis);
  const ms = date.getTime() - offsetMinutes * 60_000;
  return Number.isFinite(ms) ? ms : null;
}

/** The canonical UTC form (YYYY-MM-DDTHH:mm:ss.sssZ) of an instant, or null if it does not parse. */
export function normalizeInstant(value: unknown): string | null {
  const ms = instantMs(value);
  return ms === null ? null : new Date(ms).toISOString();
}

/** Whether `timeZone` is an IANA zone name this runtime knows. */
export function isValidTimeZone(timeZone: unknown): boolean {
  // Offsets such as "+02:00" are accepted by newer runtimes but are not zone names: they carry no
  // daylight-saving rules, so a deadline shown in them would be wrong half the year.
  if (typeof timeZone !== 'string' || !/^[A-Za-z]/.test(timeZone)) return false;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Milliseconds of an instant already validated by the guard; throws if it was not (a programming error). */
export function knownInstantMs(instant: string): number {
  const value = instantMs(instant);
  if (value === null) throw new Error(`procedure: unvalidated instant "${instant}"`);
  return value;
}

/** The canonical UTC form of an instant already validated by the guard. */
export function knownInstantIso(instant: string): string {
  return new Date(knownInstantMs(instant)).toISOString();
}
