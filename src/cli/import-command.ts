// `concord import`: progress on a terminal, JSON Lines with --dry-run --json, a summary at the end.
import cliProgress from 'cli-progress';
import type { Database } from '../kernel/db/connect.ts';
import { countSources } from '../public-record/import/walk-sources.ts';
import { dryRunLine, importPaths, type ImportSummary, type PageReport } from '../public-record/import/import-pages.ts';

export interface ImportCommandOptions {
  dryRun?: boolean;
  json?: boolean;
  maxBytes?: number;
}

const LABELS: Record<keyof ImportSummary['counts'], string> = {
  imported: 'imported',
  unchanged: 'unchanged',
  revised: 'revised (new revision, old one kept)',
  linked: 'linked (another rendering of a page already held)',
  needs_review: 'needs review (fields flagged)',
  not_a_document: 'not a document (index or navigation pages)',
  failed: 'failed',
};

function printSummary(summary: ImportSummary, dryRun: boolean, write: (line: string) => void): void {
  write(`${dryRun ? 'Dry run (nothing stored)' : 'Import finished'}: ${summary.pages} page(s).`);
  for (const [category, label] of Object.entries(LABELS) as [keyof ImportSummary['counts'], string][]) {
    const count = summary.counts[category];
    if (count === 0) continue;
    write(`  ${String(count).padStart(6)}  ${label}`);
    const listed =
      category === 'imported' || category === 'unchanged'
        ? summary.files[category].slice(0, 10)
        : summary.files[category];
    for (const name of listed) write(`            ${name}`);
    const hidden = count - listed.length;
    if (hidden > 0)
      write(`            … and ${hidden} more${summary.more[category] ? ' (use --json for the first 1000)' : ''}`);
  }
}

/** Runs the import and prints as asked; returns the exit code (1 when any page failed). */
export async function runImportCommand(
  database: Database,
  paths: string[],
  options: ImportCommandOptions,
): Promise<number> {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const err = (line: string) => process.stderr.write(`${line}\n`);
  const dryRun = options.dryRun === true;
  const showProgress = process.stderr.isTTY === true && !options.json;
  const bar = showProgress
    ? new cliProgress.SingleBar(
        {
          format: 'Importing [{bar}] {value}/{total} pages | {eta_formatted} left | {file}',
          hideCursor: true,
          clearOnComplete: true,
          stream: process.stderr,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  if (bar) bar.start(await countSources(paths), 0, { file: '' });

  const onPage = (report: PageReport) => {
    bar?.increment(1, { file: report.source.slice(-40) });
    if (dryRun && options.json) out(JSON.stringify(dryRunLine(report)));
    else if (dryRun)
      out(
        `${report.status.padEnd(15)} ${report.source}${report.parsed?.status === 'document' ? `  →  ${report.parsed.kind ?? '?'}, ${report.parsed.date ?? 'no date'}, ${report.parsed.speaker ?? 'no speaker'}` : report.message ? `  (${report.message})` : ''}`,
      );
    else if (report.status === 'failed' && !options.json) {
      bar?.stop();
      err(`failed: ${report.source}: ${report.message}`);
    }
  };
  const summary = await importPaths(
    database,
    () => ({ actor: 'system:import', requestId: null, now: new Date() }),
    paths,
    { dryRun, maxBytes: options.maxBytes, onPage },
  );
  bar?.stop();
  if (options.json && !dryRun) out(JSON.stringify(summary));
  else if (!options.json) printSummary(summary, dryRun, out);
  return summary.counts.failed > 0 ? 1 : 0;
}
