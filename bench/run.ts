// `npm run bench`: measures, on this machine and in one run, (1) parsing legacy pages without storing
// them (the baseline), (2) importing them into SQLite and (3) into PostgreSQL; pages per second,
// ratios to the baseline, and peak memory at 10%…100% of the batch to show it stays flat.
// Results are appended to docs/BENCHMARKS.md with the machine and the date.
//   BENCH_PAGES=100000 (default)   BENCH_SKIP_POSTGRES=1 to leave PostgreSQL out
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, totalmem, tmpdir, type as osType, release } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePages } from './generate-pages.ts';
import { runLiveBenchmark } from './live-sse.ts';
import { runSearchBenchmark } from './workspace-search.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGES = Number(process.env.BENCH_PAGES ?? 100_000);
const RESULTS = join(ROOT, 'docs', 'BENCHMARKS.md');

interface PhaseResult {
  phase: string;
  pages: number;
  documents: number;
  seconds: number;
  pagesPerSecond: number;
  maxRssMiB: number;
  samples: { pages: number; rssMiB: number }[];
}

function runPhase(phase: string, dir: string): PhaseResult {
  process.stderr.write(`  ${phase}…\n`);
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'bench', 'import-worker.ts'), phase, dir, String(PAGES)],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  if (result.status !== 0) throw new Error(`bench phase ${phase} failed:\n${result.stderr}`);
  const parsed = JSON.parse(result.stdout.trim().split('\n').pop()!) as PhaseResult;
  if (parsed.pages !== PAGES) throw new Error(`bench phase ${phase} saw ${parsed.pages} pages, expected ${PAGES}`);
  return parsed;
}

// BENCH_ONLY=import, live or search runs one of the benchmarks.
const ONLY = process.env.BENCH_ONLY;
if (ONLY === undefined || ONLY === 'import') {
  const dir = mkdtempSync(join(tmpdir(), 'concord-bench-pages-'));
  try {
    process.stderr.write(`Generating ${PAGES} pages in ${dir}…\n`);
    const t0 = Date.now();
    const bytes = writePages(dir, PAGES);
    process.stderr.write(
      `  ${(bytes / 1_048_576).toFixed(0)} MiB in ${((Date.now() - t0) / 1000).toFixed(1)} s (mean ${(bytes / PAGES).toFixed(0)} bytes a page)\nRunning phases:\n`,
    );
    const phases = [runPhase('parse', dir), runPhase('sqlite', dir)];
    if (process.env.BENCH_SKIP_POSTGRES !== '1') phases.push(runPhase('postgres', dir));
    const baseline = phases[0]!;

    const cpu = cpus()[0]?.model ?? 'unknown CPU';
    const when = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const lines = [
      `## Import of ${PAGES.toLocaleString('en')} generated pages — ${when}`,
      '',
      `Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM (${(freemem() / 2 ** 30).toFixed(0)} GiB free), ${osType()} ${release()}, Node ${process.version}.`,
      `Pages: ${PAGES.toLocaleString('en')} files of ${(bytes / PAGES).toFixed(0)} bytes on average (bench/generate-pages.ts), stored in transactions of up to 200 pages with a savepoint per page, each page with its audit event, revision, source and search index entry; the parse-only baseline runs on one thread, the imports parse on a reader thread while storing.`,
      '',
      '| phase | pages/s | × baseline | wall time | peak RSS | RSS at 10% → 50% → 100% of pages |',
      '| --- | ---: | ---: | ---: | ---: | --- |',
      ...phases.map((p) => {
        const at = (fraction: number) => p.samples.find((s) => s.pages >= PAGES * fraction)?.rssMiB ?? '?';
        return `| ${p.phase === 'parse' ? 'parse only (baseline)' : `import into ${p.phase === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`} | ${p.pagesPerSecond.toFixed(0)} | ${(p.pagesPerSecond / baseline.pagesPerSecond).toFixed(2)} | ${p.seconds.toFixed(1)} s | ${p.maxRssMiB} MiB | ${at(0.1)} → ${at(0.5)} → ${at(1)} MiB |`;
      }),
      '',
      `Target (issue 3): at least 2,000 pages/s into SQLite on this 2-core machine — ${phases[1]!.pagesPerSecond >= 2000 ? 'met' : 'NOT met'} (${phases[1]!.pagesPerSecond.toFixed(0)} pages/s); memory flat in the number of pages.`,
      '',
    ];
    if (!existsSync(RESULTS))
      writeFileSync(
        RESULTS,
        '# Benchmarks\n\nWritten by `npm run bench`; newest results at the end. Ratios compare with a baseline measured in the same run, because these machines are noisy.\n\n',
      );
    appendFileSync(RESULTS, `${lines.join('\n')}\n`);
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (ONLY === undefined || ONLY === 'live') await runLiveBenchmark(RESULTS, process.env.BENCH_SKIP_POSTGRES !== '1');
if (ONLY === undefined || ONLY === 'search') await runSearchBenchmark(RESULTS, process.env.BENCH_SKIP_POSTGRES !== '1');
