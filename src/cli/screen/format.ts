import type { CandidateResult, FailedCandidate } from '../../domain/candidate-result.ts';
import { csvCell } from '../csv-cell.ts';
import type { ScreenOutcome } from './outcome.ts';

export type OutputFormat = 'json' | 'table' | 'csv';

/**
 * Results are ranked already. JSON is the array of results, as a completed job's `results` (scripts
 * parse it as such); files that could not be scored are on stderr and in the exit code. The table and
 * the CSV list them after the results.
 */
export function formatOutcome(outcome: ScreenOutcome, format: OutputFormat): string {
  if (format === 'json') return `${JSON.stringify(outcome.results, null, 2)}\n`;
  if (format === 'csv') return toCsv(outcome.results, outcome.failed);
  return toTable(outcome.results, outcome.failed);
}

function toTable(results: readonly CandidateResult[], failed: readonly FailedCandidate[]): string {
  const refWidth = Math.max(9, ...results.map((r) => r.candidate_ref.length));
  const header = `${'#'.padStart(3)}  ${'Candidate'.padEnd(refWidth)}  Score  Verdict`;
  const lines = [header, '-'.repeat(header.length + 10)];
  results.forEach((r, i) => {
    const flags = r.flags && r.flags.length > 0 ? `  [${r.flags.join(', ')}]` : '';
    lines.push(
      `${String(i + 1).padStart(3)}  ${r.candidate_ref.padEnd(refWidth)}  ${String(r.score).padStart(5)}  ${r.verdict}${flags}`,
    );
    for (const reason of r.match_reasons) lines.push(`${' '.repeat(5)}+ ${reason}`);
    for (const gap of r.gaps) lines.push(`${' '.repeat(5)}- ${gap}`);
  });
  if (failed.length > 0) {
    lines.push('', 'Not scored:');
    for (const f of failed) lines.push(`  ${f.candidate_ref}: ${f.error}`);
  }
  return `${lines.join('\n')}\n`;
}

/** One row per file: scored ones ranked, then the failed ones with an empty rank and their error. */
function toCsv(results: readonly CandidateResult[], failed: readonly FailedCandidate[]): string {
  const rows = [['rank', 'candidate_ref', 'score', 'verdict', 'match_reasons', 'gaps', 'flags', 'error']];
  results.forEach((r, i) => {
    rows.push([
      String(i + 1),
      r.candidate_ref,
      String(r.score),
      r.verdict,
      r.match_reasons.join(' | '),
      r.gaps.join(' | '),
      (r.flags ?? []).join(' '),
      '',
    ]);
  });
  for (const f of failed) rows.push(['', f.candidate_ref, '', '', '', '', '', f.error]);
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
}
