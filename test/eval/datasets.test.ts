import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../eval/adapters/registry.ts';
import { loadGenericDataset } from '../../eval/datasets.ts';
import { DatasetError } from '../../eval/files.ts';
import { CHEF_JOB, NURSE_CV, PYTHON_CV, writeTinyDataset, writeTree } from './fixture.ts';

describe('loadGenericDataset', () => {
  it('loads jobs, labels, grades and meta.json', async () => {
    const dir = writeTinyDataset();
    const dataset = await loadGenericDataset(dir);
    expect(dataset.kind).toBe('labelled');
    expect(dataset.asOf).toBe('2025-06-30');
    expect(dataset.jobs.map((j) => j.id)).toEqual(['head-chef', 'icu-nurse', 'python-dev']);
    expect(dataset.jobs[0]?.spec).toBe(CHEF_JOB);
    expect(dataset.pairs).toHaveLength(10);
    const first = dataset.pairs[0];
    expect(first).toMatchObject({ jobId: 'python-dev', cvId: 'python', label: 'strong', grade: 90 });
    expect(first?.cvText).toBe(PYTHON_CV);
    // An empty grade cell means "no grade", not 0.
    expect(dataset.pairs.find((p) => p.cvId === 'driver' && p.jobId === 'python-dev')?.grade).toBeUndefined();
  });

  it("reads a job's own CV folder before the shared one", async () => {
    const dir = writeTinyDataset();
    const dataset = await loadGenericDataset(dir);
    expect(dataset.pairs.find((p) => p.cvId === 'nurse')?.cvText).toBe(NURSE_CV);
  });

  it('is what auto-detection picks for the generic layout', async () => {
    const dataset = await loadDataset(writeTinyDataset());
    expect(dataset.adapter).toBe('generic');
  });

  it('lists every problem with its labels.csv line', async () => {
    const dir = writeTree({
      'jobs/a.txt': 'A job',
      'cvs/x.txt': 'A CV',
      'labels.csv': [
        'job_id,cv_id,label,grade',
        'a,x,maybe,',
        'a,missing,strong,',
        'nope,x,reject,',
        'a,x,strong,150',
        'a,x,strong,80',
        'a,x,reject,10',
      ].join('\n'),
    });
    const error = await loadGenericDataset(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
    const message = (error as Error).message;
    expect(message).toContain('line 2: label "maybe"');
    expect(message).toContain('line 3: no CV file cvs/a/missing.txt or cvs/missing.txt');
    expect(message).toContain('line 4: job "nope" has no jobs/nope.txt');
    expect(message).toContain('line 5: grade "150"');
    expect(message).toContain('line 7: pair (a, x) is labelled twice');
  });

  it('explains a missing labels.csv or jobs folder', async () => {
    await expect(loadGenericDataset(writeTree({ 'jobs/a.txt': 'A job' }))).rejects.toThrow(
      'labels.csv is missing',
    );
    await expect(loadGenericDataset(writeTree({ 'labels.csv': 'job_id,cv_id,label\n' }))).rejects.toThrow(
      'jobs/ is missing',
    );
  });

  it('requires the label columns', async () => {
    const dir = writeTree({ 'jobs/a.txt': 'A job', 'labels.csv': 'job,cv,verdict\na,x,strong\n' });
    await expect(loadGenericDataset(dir)).rejects.toThrow('labels.csv has no "job_id" column');
  });

  it('rejects a malformed asOf in meta.json', async () => {
    const dir = writeTree({
      'jobs/a.txt': 'A job',
      'cvs/x.txt': 'A CV',
      'labels.csv': 'job_id,cv_id,label\na,x,strong\n',
      'meta.json': '{"asOf": "2025-02-30"}',
    });
    await expect(loadGenericDataset(dir)).rejects.toThrow('"asOf" must be a date written YYYY-MM-DD');
  });

  it('says when a folder is not a dataset', async () => {
    await expect(loadDataset(writeTree({ 'readme.txt': 'hello' }))).rejects.toThrow(
      'not a recognised dataset',
    );
    await expect(loadDataset('/nonexistent/aptly-eval')).rejects.toThrow('no such file or directory');
  });
});
