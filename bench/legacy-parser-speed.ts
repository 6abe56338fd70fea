// Parse speed of the legacy archive parser over the invented corpus and the seed page: every page
// (as bytes, as the importer reads them) parsed ROUNDS times after a warm-up; pages per second.
//   node --import tsx bench/legacy-parser-speed.ts [rounds]
//   PARSER_DIR=/path/to/legacy-parser …   times another copy of the parser (e.g. an earlier commit's)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ParseInput, ParseResult } from '../src/public-record/legacy-parser/index.ts';

const parserDir =
  process.env.PARSER_DIR ?? fileURLToPath(new URL('../src/public-record/legacy-parser/', import.meta.url));
const { parseLegacyPage } = (await import(pathToFileURL(join(parserDir, 'index.ts')).href)) as {
  parseLegacyPage: (input: ParseInput) => ParseResult;
};

const corpus = fileURLToPath(new URL('../test/fixtures/legacy-corpus/', import.meta.url));
const seed = fileURLToPath(new URL('../test/fixtures/legacy/nrc-2002-09-25-press-statement.txt', import.meta.url));

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name.startsWith('_')) return [];
    if (statSync(path).isDirectory()) return pages(path);
    return /\.(?:txt|html)$/.test(name) ? [path] : [];
  });
}

const files = [...pages(corpus), seed];
const inputs = files.map((f) => ({ source: f, content: new Uint8Array(readFileSync(f)) }));
const rounds = Number(process.argv[2] ?? 200);
for (let i = 0; i < 20; i++) for (const input of inputs) parseLegacyPage(input);
const start = process.hrtime.bigint();
for (let i = 0; i < rounds; i++) for (const input of inputs) parseLegacyPage(input);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const n = rounds * inputs.length;
console.log(
  `${parserDir}: ${inputs.length} pages x ${rounds} rounds: ${n} parses in ${seconds.toFixed(2)} s = ${Math.round(n / seconds)} pages/s`,
);
