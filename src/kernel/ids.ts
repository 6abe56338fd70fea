// Identifiers. Rows get UUIDs; those created in bulk get time-ordered ones (UUID version 7, RFC 9562),
// so that consecutive inserts land next to each other in every index keyed by the id instead of at
// random places: measured on the import benchmark, random UUIDs spread each batch's writes over the
// whole of four indexes (items, revisions, sources, audit objects).
import { randomFillSync } from 'node:crypto';

let lastMs = 0;
let counter = 0;
// Random bytes are drawn 4 KiB at a time: one call into the system's generator per id cost more than
// building the id.
const pool = new Uint8Array(4096);
let used = pool.length;
const random = new Uint8Array(10);

/** A UUID version 7: 48 bits of Unix milliseconds, then a 12-bit counter (monotonic within a process), then 62 random bits. */
export function uuidv7(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    // More than 4,096 ids in one millisecond: borrow the next millisecond, keeping the order.
    lastMs += 1;
    counter = 0;
  }
  if (used + random.length > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  random.set(pool.subarray(used, used + random.length));
  used += random.length;
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
  const b = (i: number) => hex(random[i]!, 2);
  return (
    `${hex(Math.floor(lastMs / 0x10000), 8)}-${hex(lastMs % 0x10000, 4)}-` +
    `7${hex(counter, 3)}-` +
    `${hex(0x80 | (random[0]! & 0x3f), 2)}${b(1)}-` +
    `${b(2)}${b(3)}${b(4)}${b(5)}${b(6)}${b(7)}`
  );
}
