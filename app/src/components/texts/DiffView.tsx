// A word-level comparison of two versions (GET /texts/:id/diff): insertions in <ins>, deletions in
// <del>, each also marked in words for screen readers and with a sign and an underline or strike
// for sight, so colour is never the only cue.
import { useState } from 'react';
import { useApi } from '../../use-api.ts';
import { ValueOptions } from '../Field.tsx';
import { FilterSelect } from '../forms/Filters.tsx';
import { ErrorBox, Loading } from '../Status.tsx';
import type { Diff } from './types.ts';

export function DiffView({ textId, versions }: { textId: string; versions: number[] }) {
  const last = versions[versions.length - 1] ?? 1;
  const [from, setFrom] = useState(Math.max(1, last - 1));
  const [to, setTo] = useState(last);
  const diff = useApi<Diff>(versions.length > 1 ? `/texts/${textId}/diff?from=${from}&to=${to}` : null);
  if (versions.length < 2) return <p className="empty">There is only one version; a comparison needs two.</p>;
  return (
    <>
      <form className="cal-filters" aria-label="Versions to compare" onSubmit={(e) => e.preventDefault()}>
        <FilterSelect
          id="diff-from"
          label="From version"
          value={from}
          onChange={(e) => setFrom(Number(e.target.value))}
        >
          <ValueOptions values={versions} label={(n) => n} />
        </FilterSelect>
        <FilterSelect id="diff-to" label="To version" value={to} onChange={(e) => setTo(Number(e.target.value))}>
          <ValueOptions values={versions} label={(n) => n} />
        </FilterSelect>
      </form>
      <p className="diff-legend" id="diff-legend">
        <span>Legend:</span> <ins>inserted words</ins> are underlined and marked “+”; <del>deleted words</del> are
        struck through and marked “−”.
      </p>
      {diff.status === 'loading' ? <Loading what="the comparison" /> : null}
      {diff.status === 'error' ? <ErrorBox error={diff.error} retry={diff.reload} /> : null}
      {diff.status === 'ok' ? (
        <>
          <p className="diff-stats" aria-live="polite">
            Version {diff.data.from} to version {diff.data.to}: {diff.data.inserted}{' '}
            {diff.data.inserted === 1 ? 'word' : 'words'} inserted, {diff.data.deleted} deleted.
          </p>
          <div className="diff wording" aria-describedby="diff-legend">
            {diff.data.segments.map((s, i) =>
              s.op === 'insert' ? (
                <ins key={i}>
                  <span className="visually-hidden">[inserted: </span>
                  {s.text}
                  <span className="visually-hidden">]</span>
                </ins>
              ) : s.op === 'delete' ? (
                <del key={i}>
                  <span className="visually-hidden">[deleted: </span>
                  {s.text}
                  <span className="visually-hidden">]</span>
                </del>
              ) : (
                <span key={i}>{s.text}</span>
              ),
            )}
          </div>
        </>
      ) : null}
    </>
  );
}
