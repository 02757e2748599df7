import { basename, join } from 'node:path';
import {
  DatasetError,
  failIfProblems,
  isDirectory,
  isFile,
  isIsoDate,
  listTextFiles,
  readCsvRecords,
  readText,
} from './files.ts';
import { type EvalJob, type EvalPair, LABELS, type Label, type LabelledDataset } from './types.ts';

/**
 * The generic dataset layout:
 *   jobs/<job_id>.txt                 one job specification per file
 *   cvs/<job_id>/<cv_id>.txt          CVs for one job, or
 *   cvs/<cv_id>.txt                   CVs shared by all jobs (a job's own folder wins)
 *   labels.csv                        job_id,cv_id,label[,grade]; label strong|borderline|reject, grade 0–100
 *   meta.json (optional)              {"asOf": "YYYY-MM-DD"}
 */
export async function looksLikeGenericDataset(dir: string): Promise<boolean> {
  return (await isDirectory(join(dir, 'jobs'))) && (await isFile(join(dir, 'labels.csv')));
}

export async function loadGenericDataset(dir: string): Promise<LabelledDataset> {
  if (!(await isDirectory(dir))) throw new DatasetError(`${dir}: not a directory`);
  const jobIds = await listTextFiles(join(dir, 'jobs'));
  const labelsPath = join(dir, 'labels.csv');
  const problems: string[] = [];
  if (jobIds.length === 0) problems.push('jobs/ is missing or holds no .txt job specifications');
  if (!(await isFile(labelsPath))) problems.push('labels.csv is missing');
  failIfProblems(dir, problems);

  const jobs: EvalJob[] = [];
  for (const id of jobIds) {
    const spec = await readText(join(dir, 'jobs', `${id}.txt`));
    if (spec.trim().length === 0) problems.push(`jobs/${id}.txt is empty`);
    jobs.push({ id, spec });
  }

  const records = await readCsvRecords(labelsPath);
  const header = Object.keys(records[0] ?? {});
  for (const column of ['job_id', 'cv_id', 'label']) {
    if (records.length > 0 && !header.includes(column)) problems.push(`labels.csv has no "${column}" column`);
  }
  if (records.length === 0) problems.push('labels.csv has no data rows');
  failIfProblems(dir, problems);

  const knownJobs = new Set(jobIds);
  const seen = new Set<string>();
  const pairs: EvalPair[] = [];
  for (const [index, record] of records.entries()) {
    const line = index + 2; // 1-based, after the header
    const jobId = record.job_id ?? '';
    const cvId = record.cv_id ?? '';
    const rawLabel = (record.label ?? '').toLowerCase();
    const rawGrade = record.grade ?? '';
    if (!knownJobs.has(jobId)) {
      problems.push(`labels.csv line ${line}: job "${jobId}" has no jobs/${jobId}.txt`);
      continue;
    }
    if (cvId === '') {
      problems.push(`labels.csv line ${line}: empty cv_id`);
      continue;
    }
    const key = `${jobId}\u0000${cvId}`;
    if (seen.has(key)) problems.push(`labels.csv line ${line}: pair (${jobId}, ${cvId}) is labelled twice`);
    seen.add(key);
    if (!isLabel(rawLabel)) {
      problems.push(
        `labels.csv line ${line}: label "${record.label ?? ''}" is not one of ${LABELS.join('|')}`,
      );
      continue;
    }
    const grade = rawGrade === '' ? undefined : Number(rawGrade);
    if (grade !== undefined && !(Number.isFinite(grade) && grade >= 0 && grade <= 100)) {
      problems.push(`labels.csv line ${line}: grade "${rawGrade}" is not a number from 0 to 100`);
      continue;
    }
    const cvText = await readCv(dir, jobId, cvId);
    if (cvText === null) {
      problems.push(`labels.csv line ${line}: no CV file cvs/${jobId}/${cvId}.txt or cvs/${cvId}.txt`);
      continue;
    }
    if (cvText.trim().length === 0)
      problems.push(`labels.csv line ${line}: the CV file for "${cvId}" is empty`);
    pairs.push({ jobId, cvId, cvText, label: rawLabel, ...(grade === undefined ? {} : { grade }) });
  }
  failIfProblems(join(dir, 'labels.csv'), problems);

  const labelledJobs = new Set(pairs.map((p) => p.jobId));
  const unlabelled = jobs.filter((job) => !labelledJobs.has(job.id)).map((job) => job.id);
  const notes = unlabelled.length > 0 ? [`jobs without labels were skipped: ${unlabelled.join(', ')}`] : [];
  const asOf = await readMetaAsOf(dir);
  return {
    kind: 'labelled',
    name: basename(dir),
    adapter: 'generic',
    path: dir,
    jobs: jobs.filter((job) => labelledJobs.has(job.id)),
    pairs,
    notes,
    ...(asOf === undefined ? {} : { asOf }),
  };
}

function isLabel(value: string): value is Label {
  return (LABELS as readonly string[]).includes(value);
}

async function readCv(dir: string, jobId: string, cvId: string): Promise<string | null> {
  for (const path of [join(dir, 'cvs', jobId, `${cvId}.txt`), join(dir, 'cvs', `${cvId}.txt`)]) {
    if (await isFile(path)) return readText(path);
  }
  return null;
}

/** `asOf` from the dataset's meta.json, when there is one; a malformed file is an error, not ignored. */
export async function readMetaAsOf(dir: string): Promise<string | undefined> {
  const path = join(dir, 'meta.json');
  if (!(await isFile(path))) return undefined;
  let meta: unknown;
  try {
    meta = JSON.parse(await readText(path));
  } catch {
    throw new DatasetError(`${path}: not valid JSON`);
  }
  if (typeof meta !== 'object' || meta === null || !('asOf' in meta)) return undefined;
  const { asOf } = meta as { asOf: unknown };
  if (typeof asOf !== 'string' || !isIsoDate(asOf)) {
    throw new DatasetError(`${path}: "asOf" must be a date written YYYY-MM-DD`);
  }
  return asOf;
}
