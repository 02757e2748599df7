import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../eval/adapters/registry.ts';
import type { EvalReport } from '../../eval/report-types.ts';
import { runEvaluation } from '../../eval/run.ts';

/** The public sets live outside the repository (not redistributable); these tests skip without them. */
const SHARED = resolve(process.cwd(), '../shared/eval-data');
const HACKEREARTH = resolve(SHARED, 'hackerearth-ml-engineer');
const KAGGLE = resolve(SHARED, 'kaggle-updated-resume-dataset');
const VANETIK = resolve(SHARED, 'vanetik-kogan-2023');

function metric(report: EvalReport, id: string, engine: string) {
  return report.sections.flatMap((s) => s.rows).find((r) => r.id === id)?.values[engine];
}

const options = { engines: ['tfidf'] as const, asOf: '2025-01-01', asOfSource: 'option' as const };

describe.skipIf(!existsSync(HACKEREARTH))('HackerEarth adapter', () => {
  it('maps CandidateID to resumes_text/<id>.txt and Match Percentage to grades', async () => {
    const dataset = await loadDataset(HACKEREARTH);
    expect(dataset.adapter).toBe('hackerearth');
    if (dataset.kind !== 'labelled') throw new Error('expected a labelled dataset');
    expect(dataset.pairs).toHaveLength(90);
    expect(dataset.pairs.every((p) => p.grade !== undefined && p.label === undefined)).toBe(true);
    const report = await runEvaluation(dataset, options);
    expect(metric(report, 'spearman_grade', 'tfidf')).toBeGreaterThan(0.3);
    expect(metric(report, 'accuracy', 'tfidf')).toBeUndefined();
  });
});

describe.skipIf(!existsSync(KAGGLE))('Kaggle adapter', () => {
  it('builds one job per hand-written ad with same-category positives and unrelated negatives', async () => {
    const dataset = await loadDataset(resolve(KAGGLE, 'resumes_dedup.csv'));
    if (dataset.kind !== 'labelled') throw new Error('expected a labelled dataset');
    expect(dataset.jobs.length).toBeGreaterThanOrEqual(12);
    const java = dataset.pairs.filter((p) => p.jobId === 'java-developer');
    expect(java.filter((p) => p.label === 'strong')).toHaveLength(13);
    // Adjacent categories (e.g. DotNet) are neither positives nor negatives.
    expect(java.length).toBeLessThan(166);
  });
});

describe.skipIf(!existsSync(VANETIK))('Vanetik & Kogan adapter', () => {
  it('reads place → vacancy arrays, flags the two invalid ones and reproduces the inter-annotator tau', async () => {
    const dataset = await loadDataset(VANETIK);
    if (dataset.kind !== 'vacancy-ranking') throw new Error('expected a vacancy-ranking dataset');
    expect(dataset.vacancies).toHaveLength(5);
    expect(dataset.cvs).toHaveLength(30);
    const invalid = dataset.rankings.filter((r) => !r.valid).map((r) => `${r.annotator}/${r.cvId}`);
    expect(invalid.sort()).toEqual(['1/28', '1/9']);
    // CV 1, annotator 1: array [2,1,4,3,5] → vacancy 2 first, vacancy 5 last.
    const first = dataset.rankings.find((r) => r.annotator === '1' && r.cvId === '1');
    expect(first?.placeByVacancy.get('2')).toBe(1);
    expect(first?.placeByVacancy.get('5')).toBe(5);
    const report = await runEvaluation(dataset, options);
    const [tauKey, tau] = Object.entries(report.context)[0] ?? [];
    expect(tauKey).toContain('19 shared valid CVs');
    expect(tau).toBeCloseTo(0.084, 3);
  });
});
