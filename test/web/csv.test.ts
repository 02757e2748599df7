import { describe, expect, it } from 'vitest';
import type { CandidateResult } from '../../web/src/api/types.ts';
import { uniqueRef } from '../../web/src/workspace/candidate-refs.ts';
import { CSV_HEADER, csvCell, resultsCsv } from '../../web/src/workspace/csv.ts';

const result = (ref: string, score: number, extra: Partial<CandidateResult> = {}): CandidateResult => ({
  candidate_ref: ref,
  score,
  verdict: score >= 75 ? 'Strong shortlist' : score >= 50 ? 'Borderline' : 'Do not progress',
  match_reasons: ['Python, 7 years'],
  gaps: [],
  ...extra,
});

describe('the workspace CSV export', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(84)).toBe('84');
  });

  it('never lets a cell become a spreadsheet formula', () => {
    for (const text of ['=HYPERLINK("x")', '+1', '-2+3', '@SUM(A1)', '\t=1']) {
      expect(csvCell(text).replace(/^"/, '')).toMatch(/^'/);
    }
  });

  it('lists the results with their rank in the job (a filter keeps it), then the unscored with their error', () => {
    const csv = resultsCsv(
      [
        { rank: 1, result: result('jane', 84, { gaps: ['No AWS', 'No Redis'], flags: ['truncated'] }) },
        { rank: 3, result: result('mark', 31) },
      ],
      [{ candidate_ref: 'blank', error: 'cv_text is empty: nothing to score' }],
    );
    expect(csv.split('\r\n')).toEqual([
      CSV_HEADER.join(','),
      '1,jane,84,Strong shortlist,"Python, 7 years",No AWS | No Redis,truncated,',
      '3,mark,31,Do not progress,"Python, 7 years",,,',
      ',blank,,,,,,cv_text is empty: nothing to score',
      '',
    ]);
  });
});

describe('candidate references from file names', () => {
  it('drops the extension and stays unique within the job', () => {
    expect(uniqueRef('jane-smith.pdf', new Set())).toBe('jane-smith');
    expect(uniqueRef('jane-smith.docx', new Set(['jane-smith']))).toBe('jane-smith-2');
    expect(uniqueRef('jane-smith.txt', new Set(['jane-smith', 'jane-smith-2']))).toBe('jane-smith-3');
    expect(uniqueRef('.pdf', new Set())).toBe('candidate');
  });
});
