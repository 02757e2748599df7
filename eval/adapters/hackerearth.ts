import { basename, join } from 'node:path';
import { failIfProblems, isDirectory, isFile, readCsvRecords, readText } from '../files.ts';
import type { EvalPair, LabelledDataset } from '../types.ts';

/**
 * HackerEarth "Hire the Perfect Candidate": one ML-engineer JD and 90 CVs with the organisers' "Match
 * Percentage". `labels.csv` CandidateID "candidate_011" is the file `resumes_text/candidate_011.txt`
 * (checked: the 90 ids and the 90 files are the same set, and the texts equal `pairs.jsonl`).
 * There are no class labels, so the percentage becomes the pair's grade.
 */
export async function looksLikeHackerEarth(dir: string): Promise<boolean> {
  return (
    (await isFile(join(dir, 'job_description.txt'))) &&
    (await isDirectory(join(dir, 'resumes_text'))) &&
    (await isFile(join(dir, 'labels.csv')))
  );
}

const JOB_ID = 'ml-engineer';

export async function loadHackerEarth(dir: string): Promise<LabelledDataset> {
  const spec = await readText(join(dir, 'job_description.txt'));
  const records = await readCsvRecords(join(dir, 'labels.csv'));
  const problems: string[] = [];
  const pairs: EvalPair[] = [];
  for (const [index, record] of records.entries()) {
    const cvId = record.CandidateID ?? '';
    const grade = Number(record['Match Percentage']);
    const path = join(dir, 'resumes_text', `${cvId}.txt`);
    if (cvId === '' || !(await isFile(path))) {
      problems.push(`labels.csv line ${index + 2}: no resumes_text/${cvId}.txt`);
      continue;
    }
    if (!Number.isFinite(grade) || grade < 0 || grade > 100) {
      problems.push(`labels.csv line ${index + 2}: Match Percentage "${record['Match Percentage'] ?? ''}"`);
      continue;
    }
    pairs.push({ jobId: JOB_ID, cvId, cvText: await readText(path), grade });
  }
  if (pairs.length === 0)
    problems.push('labels.csv has no usable rows (expected CandidateID, Match Percentage)');
  failIfProblems(dir, problems);
  const maxGrade = Math.max(...pairs.map((p) => p.grade ?? 0));
  return {
    kind: 'labelled',
    name: basename(dir),
    adapter: 'hackerearth',
    path: dir,
    jobs: [{ id: JOB_ID, spec }],
    pairs,
    notes: [
      `grades are the organisers' Match Percentage (max ${maxGrade.toFixed(1)}): no pair is a true "Strong shortlist", so a calibrated engine should put few or none in that band`,
      'no class labels: accuracy, macro-F1 and AUC do not apply',
    ],
  };
}
