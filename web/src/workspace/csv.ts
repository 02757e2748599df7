import type { CandidateResult, FailedCandidate } from '../api/types.ts';

/**
 * A cell as text a spreadsheet reads as text: quoted when needed, and a leading = + - @ neutralised so
 * a CV or file name can never become a formula (CSV injection).
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const CSV_HEADER = [
  'rank',
  'candidate_ref',
  'score',
  'verdict',
  'match_reasons',
  'gaps',
  'flags',
  'error',
];

/** A result with its rank in the whole job (a filtered view keeps the job's ranks). */
export interface RankedResult {
  readonly rank: number;
  readonly result: CandidateResult;
}

/** The ranked results (as shown, filter applied) then the candidates that could not be scored. */
export function resultsCsv(ranked: readonly RankedResult[], failed: readonly FailedCandidate[]): string {
  const rows: (string | number)[][] = [
    CSV_HEADER,
    ...ranked.map(({ rank, result: r }) => [
      rank,
      r.candidate_ref,
      r.score,
      r.verdict,
      r.match_reasons.join(' | '),
      r.gaps.join(' | '),
      (r.flags ?? []).join(' | '),
      '',
    ]),
    ...failed.map((f) => ['', f.candidate_ref, '', '', '', '', '', f.error]),
  ];
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
