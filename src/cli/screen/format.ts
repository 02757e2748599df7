import type { CandidateResult } from '../../domain/candidate-result.ts';

export type OutputFormat = 'json' | 'table' | 'csv';

export function formatResults(results: readonly CandidateResult[], format: OutputFormat): string {
  if (format === 'json') return `${JSON.stringify(results, null, 2)}\n`;
  if (format === 'csv') return toCsv(results);
  return toTable(results);
}

function toTable(results: readonly CandidateResult[]): string {
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
  return `${lines.join('\n')}\n`;
}

function csvCell(value: string | number): string {
  const s = String(value);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function toCsv(results: readonly CandidateResult[]): string {
  const rows = [['rank', 'candidate_ref', 'score', 'verdict', 'match_reasons', 'gaps', 'flags']];
  results.forEach((r, i) => {
    rows.push([
      String(i + 1),
      r.candidate_ref,
      String(r.score),
      r.verdict,
      r.match_reasons.join(' | '),
      r.gaps.join(' | '),
      (r.flags ?? []).join(' '),
    ]);
  });
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
}
