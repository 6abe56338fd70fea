// Deterministic generator of legacy archive pages in the seed's layout, about 2 KB each, with varied
// kinds, dates, places and speakers, so the benchmark exercises the real parser and indexer.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const KINDS = [
  'Press Statement',
  'Speech',
  'Press Release',
  "Chairman's Statement",
  'Opening Remarks',
  'Final Communiqué',
];
const PLACES = [
  ['Brussels', 'Belgium'],
  ['Warsaw', 'Poland'],
  ['Moscow', 'Russia'],
  ['Rome', 'Italy'],
  ['Prague', 'Czech Republic'],
  ['Reykjavik', 'Iceland'],
];
const SPEAKERS = [
  'NATO Secretary General',
  'Deputy Secretary General',
  'the Chairman of the Military Committee',
  'the Russian Minister of Defence',
];
const MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const WORDS = (
  'council cooperation security consensus ministers partnership peacekeeping terrorism proliferation defence reform crisis management emergency exercise ' +
  'dialogue confidence transparency missile theatre rescue submarine airspace interoperability training conference experts working group progress concrete results ' +
  'meeting agreed agenda framework founding act declaration allies russia twenty members practical projects future challenges threats region stability'
).split(' ');

/** A small seeded PRNG (mulberry32): the same seed gives the same pages on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The text of page number `n`. */
export function generatePage(n: number): string {
  const r = rng(n + 1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const year = 1997 + Math.floor(r() * 10);
  const month = Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  const [city, country] = pick(PLACES);
  const sentence = () => {
    const words = Array.from({ length: 10 + Math.floor(r() * 14) }, () => pick(WORDS));
    words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
    return `${words.join(' ')}.`;
  };
  const paragraphs = Array.from({ length: 5 + Math.floor(r() * 4) }, () =>
    Array.from({ length: 2 + Math.floor(r() * 3) }, sentence).join(' '),
  );
  paragraphs.push(`Page ${n} of the generated archive.`);
  const dd = String(day).padStart(2, '0');
  const updated = `${dd}-${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month]}-${year}`;
  return [
    'Header',
    `Updated: ${updated} NATO Speeches`,
    '',
    `${city},`,
    country,
    '',
    `${day} ${MONTHS[month]} ${year}`,
    '',
    pick(KINDS),
    '',
    `by ${pick(SPEAKERS)}`,
    `following the meeting number ${n} of the council`,
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    'Go to Homepage Go to Index',
    '',
  ].join('\n');
}

/** Writes `count` pages into `dir`, 1,000 per sub-folder, one at a time (nothing is held in memory). */
export function writePages(dir: string, count: number): number {
  let bytes = 0;
  for (let n = 0; n < count; n++) {
    const folder = join(dir, String(Math.floor(n / 1000)).padStart(4, '0'));
    if (n % 1000 === 0) mkdirSync(folder, { recursive: true });
    const text = generatePage(n);
    bytes += Buffer.byteLength(text);
    writeFileSync(join(folder, `p${String(n).padStart(6, '0')}.txt`), text);
  }
  return bytes;
}
