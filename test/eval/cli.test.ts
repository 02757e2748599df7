import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { EvalReport } from '../../eval/report-types.ts';
import { runEvalCommand } from '../../src/cli/commands/eval.ts';
import { writeTinyDataset } from './fixture.ts';

const run = promisify(execFile);
const CLI = ['--import', 'tsx', 'src/cli/main.ts', 'eval'];

function metric(report: EvalReport, id: string) {
  const row = report.sections.flatMap((s) => s.rows).find((r) => r.id === id);
  if (!row) throw new Error(`no metric ${id}`);
  return row.values;
}

describe('aptly eval (end to end)', () => {
  it('prints one JSON report for --engine tfidf,bm25 --json', async () => {
    const dir = writeTinyDataset();
    const { stdout, stderr } = await run(process.execPath, [
      ...CLI,
      '--dataset',
      dir,
      '--engine',
      'tfidf,bm25',
      '--json',
    ]);
    const report = JSON.parse(stdout) as EvalReport;
    expect(report.dataset.adapter).toBe('generic');
    expect(report.engines).toEqual(['tfidf', 'bm25']);
    expect(report.asOf).toBe('2025-06-30');
    expect(report.asOfSource).toBe('meta.json');
    expect(report.counts).toMatchObject({
      jobs: 3,
      pairs: 10,
      strong: 3,
      borderline: 3,
      reject: 4,
      graded: 9,
    });
    for (const engine of ['tfidf', 'bm25']) {
      expect(metric(report, 'verdict_source')[engine]).toBe('LOJO-fitted');
      expect(metric(report, 'accuracy')[engine]).toEqual(expect.any(Number));
      expect(metric(report, 'macro_f1')[engine]).toEqual(expect.any(Number));
      // The fixture's strong CVs are obvious keyword matches; unrelated CVs share almost no words.
      expect(metric(report, 'auc_pooled')[engine]).toBe(1);
      expect(metric(report, 'auc_job_mean')[engine]).toBe(1);
      expect(metric(report, 'spearman_grade')[engine]).toBeGreaterThan(0.5);
      expect(metric(report, 'ndcg5')[engine]).toBeGreaterThan(0.8);
    }
    expect(stderr).toContain('tfidf: 1/3');
  });

  it('prints the table with --as-of overriding meta.json', async () => {
    const dir = writeTinyDataset();
    let out = '';
    const report = await runEvalCommand(
      { dataset: dir, engine: 'tfidf', asOf: '2024-01-15' },
      { stdout: (t) => (out += t), stderr: () => {} },
    );
    expect(report.asOf).toBe('2024-01-15');
    expect(out).toContain('Dataset: ');
    expect(out).toMatch(/AUC strong vs reject \(pooled\)\s+1\.000/);
    expect(out).toContain('leave-one-job-out');
  });

  it('fails with a clear message for an unknown engine or a bad date', async () => {
    const dir = writeTinyDataset();
    const failure = await run(process.execPath, [...CLI, '--dataset', dir, '--engine', 'tfidf,gpt']).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain('unknown engine "gpt"');
    await expect(
      runEvalCommand(
        { dataset: dir, engine: 'tfidf', asOf: '2024-13-01' },
        { stdout: () => {}, stderr: () => {} },
      ),
    ).rejects.toThrow('--as-of "2024-13-01"');
  });
});
