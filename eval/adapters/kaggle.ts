import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DatasetError,
  failIfProblems,
  isDirectory,
  isFile,
  listTextFiles,
  readCsvRecords,
  readText,
} from '../files.ts';
import type { EvalJob, EvalPair, LabelledDataset } from '../types.ts';
import { adjacentCategories, categorySlug } from './kaggle-adjacency.ts';

const CSV_NAME = 'resumes_dedup.csv';

/**
 * Kaggle "Resume Dataset", de-duplicated: CVs with a job category and no job descriptions. We supply one
 * hand-written job ad per category (kaggle-jobs/<category-slug>.txt); for each, positives are that
 * category's CVs ("strong") and negatives the CVs of categories that are neither it nor adjacent to it
 * ("reject"). Accepts the dataset folder or the CSV itself.
 */
export async function looksLikeKaggle(path: string): Promise<boolean> {
  return (await isFile(join(path, CSV_NAME))) || ((await isFile(path)) && basename(path) === CSV_NAME);
}

export async function loadKaggle(path: string): Promise<LabelledDataset> {
  const csvPath = (await isDirectory(path)) ? join(path, CSV_NAME) : path;
  const records = await readCsvRecords(csvPath);
  const cvs = records.map((r) => ({
    id: r.resume_id ?? '',
    category: r.category ?? '',
    text: r.resume_text ?? '',
  }));
  const problems: string[] = [];
  if (cvs.length === 0) problems.push(`${CSV_NAME} has no rows`);
  if (cvs.some((cv) => cv.id === '' || cv.category === '' || cv.text.trim() === '')) {
    problems.push(`${CSV_NAME}: every row needs resume_id, category and resume_text`);
  }
  failIfProblems(csvPath, problems);

  const categoryBySlug = new Map(cvs.map((cv) => [categorySlug(cv.category), cv.category]));
  const jobsDir = kaggleJobsDir();
  const slugs = await listTextFiles(jobsDir);
  if (slugs.length === 0) throw new DatasetError(`${jobsDir}: no job specifications found`);
  for (const slug of slugs) {
    if (!categoryBySlug.has(slug))
      problems.push(`kaggle-jobs/${slug}.txt matches no category in ${CSV_NAME}`);
  }
  failIfProblems(jobsDir, problems);

  const jobs: EvalJob[] = [];
  const pairs: EvalPair[] = [];
  let excludedAsAdjacent = 0;
  for (const slug of slugs) {
    const category = categoryBySlug.get(slug) ?? '';
    const adjacent = adjacentCategories(category);
    jobs.push({ id: slug, spec: await readText(join(jobsDir, `${slug}.txt`)) });
    for (const cv of cvs) {
      if (adjacent.has(cv.category)) {
        excludedAsAdjacent++;
        continue;
      }
      const label = cv.category === category ? 'strong' : 'reject';
      pairs.push({ jobId: slug, cvId: cv.id, cvText: cv.text, label });
    }
  }
  const uncovered = [...new Set(cvs.map((cv) => cv.category))].filter(
    (c) => !slugs.includes(categorySlug(c)),
  );
  const notes = [
    `${jobs.length} hand-written job ads (eval/adapters/kaggle-jobs/); positives = the job's category, negatives = unrelated categories`,
    `${excludedAsAdjacent} (job, CV) pairs of adjacent categories were left out (eval/adapters/kaggle-adjacency.ts)`,
    'no "borderline" labels exist here; macro-F1 averages over the classes present in truth or predictions',
  ];
  if (uncovered.length > 0)
    notes.push(`categories without a job ad (CVs used as negatives only): ${uncovered.join(', ')}`);
  return {
    kind: 'labelled',
    name: basename(dirname(csvPath)),
    adapter: 'kaggle',
    path: csvPath,
    jobs,
    pairs,
    notes,
  };
}

/**
 * The job ads ship with the source, not with the build output, so look next to this module first (tsx) and
 * otherwise at the package root's eval/adapters/kaggle-jobs (compiled dist/).
 */
export function kaggleJobsDir(): string {
  const besideModule = fileURLToPath(new URL('./kaggle-jobs/', import.meta.url));
  if (existsSync(besideModule)) return besideModule;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (dirname(dir) !== dir) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'eval', 'adapters', 'kaggle-jobs');
    dir = dirname(dir);
  }
  return besideModule;
}
