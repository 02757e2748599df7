import { useEffect, useRef, useState } from 'preact/hooks';
import type { JobView, Verdict } from '../api/types.ts';
import { formatDateTime, formatTimeLeft } from '../format.ts';
import { resultsCsv } from './csv.ts';
import { download } from './download.ts';
import { ResultRow } from './result-row.tsx';

const FILTERS: readonly ('All' | Verdict)[] = ['All', 'Strong shortlist', 'Borderline', 'Do not progress'];

/** The ranked results of a finished job, with the human-decision note, a verdict filter and CSV export. */
export function ResultsView({ view }: { view: JobView }) {
  const [filter, setFilter] = useState<'All' | Verdict>('All');
  const heading = useRef<HTMLHeadingElement>(null);
  // The results replace the progress bar: focus follows, so keyboard and screen reader users land on them.
  useEffect(() => heading.current?.focus(), []);
  const results = view.results ?? [];
  const failed = view.failed ?? [];
  const shown = results
    .map((result, i) => ({ result, rank: i + 1 }))
    .filter(({ result }) => filter === 'All' || result.verdict === filter);
  const countOf = (f: 'All' | Verdict) =>
    f === 'All' ? results.length : results.filter((r) => r.verdict === f).length;

  return (
    <section class="results" aria-labelledby="results-title">
      <h2 id="results-title" ref={heading} tabIndex={-1}>
        Results
      </h2>
      <p class="human-decision" role="note">
        <strong>These results support a human decision; they do not make it.</strong> Scores come from the
        text of each CV against the job specification. Read the reasons, gaps and evidence, and let a person
        decide who progresses.
      </p>
      <p class="muted">
        Job {view.job_id} · {view.status === 'failed' ? 'failed' : 'complete'}{' '}
        {formatDateTime(view.completed_at)} · results expire {formatTimeLeft(view.expires_at)} (
        {formatDateTime(view.expires_at)})
      </p>
      <div class="toolbar">
        <fieldset class="filter">
          <legend>Show</legend>
          {FILTERS.map((f) => (
            <label key={f} class="radio">
              <input
                type="radio"
                name="verdict-filter"
                checked={filter === f}
                onChange={() => setFilter(f)}
              />
              {f} ({countOf(f)})
            </label>
          ))}
        </fieldset>
        <button
          type="button"
          class="secondary"
          onClick={() =>
            download(`aptly-${view.job_id}.csv`, resultsCsv(shown, filter === 'All' ? failed : []))
          }
        >
          Export CSV
        </button>
      </div>
      <div class="table-wrap">
        <table class="results-table">
          <caption>
            Candidates ranked by score, highest first{filter === 'All' ? '' : `, showing ${filter} only`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Candidate</th>
              <th scope="col">Score</th>
              <th scope="col">Verdict</th>
              <th scope="col">Match reasons</th>
              <th scope="col">Gaps</th>
              <th scope="col">
                <span class="visually-hidden">Evidence</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map(({ result, rank }) => (
              <ResultRow key={result.candidate_ref} rank={rank} result={result} />
            ))}
          </tbody>
        </table>
      </div>
      {shown.length === 0 && <p>No candidate has this verdict.</p>}
      {failed.length > 0 && (
        <section aria-labelledby="failed-title">
          <h3 id="failed-title">Not scored</h3>
          <ul>
            {failed.map((f) => (
              <li key={f.candidate_ref}>
                <strong>{f.candidate_ref}</strong>: {f.error}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
