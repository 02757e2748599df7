import { basename, join } from 'node:path';
import { DatasetError, failIfProblems, isDirectory, isFile, readCsvRecords, readText } from '../files.ts';
import type { EvalJob, VacancyRanking, VacancyRankingDataset } from '../types.ts';

/**
 * Vanetik & Kogan (2023): 5 software-developer vacancies, CVs 1–30 ranked against all 5 by two annotators.
 * In rankings_long.csv each row is one slot of an annotation array: `place` is the position in the array
 * (1 = best … 5 = worst) and `vacancy_index` the vacancy at that position (1-based row of the vacancies
 * file). So vacancy v's rank for a CV is the `place` of the row whose vacancy_index is v. Two arrays of
 * annotator 1 (CVs 9 and 28) repeat a vacancy; they are flagged invalid and left out of the means.
 */
export async function looksLikeVanetik(dir: string): Promise<boolean> {
  return (
    (await isFile(join(dir, 'vacancies.jsonl'))) &&
    (await isFile(join(dir, 'rankings_long.csv'))) &&
    (await isDirectory(join(dir, 'cv_text')))
  );
}

export async function loadVanetik(dir: string): Promise<VacancyRankingDataset> {
  const vacancies = await readVacancies(join(dir, 'vacancies.jsonl'));
  const records = await readCsvRecords(join(dir, 'rankings_long.csv'));
  const problems: string[] = [];
  const rows = new Map<string, { annotator: string; cvId: string; slots: Map<number, string> }>();
  for (const [index, record] of records.entries()) {
    const annotator = record.annotator ?? '';
    const cvId = record.cv_id ?? '';
    const place = Number(record.place);
    const vacancy = record.vacancy_index ?? '';
    if (annotator === '' || cvId === '' || !Number.isInteger(place) || vacancy === '') {
      problems.push(`rankings_long.csv line ${index + 2}: expected annotator, cv_id, place, vacancy_index`);
      continue;
    }
    const key = `${annotator}/${cvId}`;
    const row = rows.get(key) ?? { annotator, cvId, slots: new Map<number, string>() };
    row.slots.set(place, vacancy);
    rows.set(key, row);
  }
  failIfProblems(dir, problems);

  const vacancyIds = vacancies.map((v) => v.id);
  const rankings: VacancyRanking[] = [...rows.values()].map(({ annotator, cvId, slots }) => {
    const placeByVacancy = new Map<string, number>();
    for (const [place, vacancy] of slots) placeByVacancy.set(vacancy, place);
    const valid =
      slots.size === vacancyIds.length &&
      placeByVacancy.size === vacancyIds.length &&
      vacancyIds.every((id) => placeByVacancy.has(id));
    return { annotator, cvId, placeByVacancy, valid };
  });

  const cvIds = [...new Set(rankings.map((r) => r.cvId))].sort((a, b) => Number(a) - Number(b));
  const cvs: { id: string; text: string }[] = [];
  for (const id of cvIds) {
    const path = join(dir, 'cv_text', `${id}.txt`);
    if (!(await isFile(path))) problems.push(`annotated CV ${id} has no cv_text/${id}.txt`);
    else cvs.push({ id, text: await readText(path) });
  }
  failIfProblems(dir, problems);
  const invalid = rankings.filter((r) => !r.valid).map((r) => `annotator ${r.annotator} CV ${r.cvId}`);
  return {
    kind: 'vacancy-ranking',
    name: basename(dir),
    adapter: 'vanetik',
    path: dir,
    vacancies,
    cvs,
    rankings,
    notes: [
      'sanity check only: each CV ranks 5 near-identical developer vacancies, and the two annotators agree at chance level',
      ...(invalid.length > 0
        ? [`annotations that are not permutations were skipped: ${invalid.join(', ')}`]
        : []),
    ],
  };
}

async function readVacancies(path: string): Promise<EvalJob[]> {
  const lines = (await readText(path)).split('\n').filter((line) => line.trim().length > 0);
  return lines.map((line, index) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new DatasetError(`${path} line ${index + 1}: not valid JSON`);
    }
    const {
      vacancy_index: vacancyIndex,
      job_title: title,
      job_description: description,
    } = (parsed ?? {}) as Record<string, unknown>;
    if (typeof vacancyIndex !== 'number' || typeof description !== 'string') {
      throw new DatasetError(`${path} line ${index + 1}: needs vacancy_index and job_description`);
    }
    // The title is part of the ad a recruiter posts, so it belongs in the spec the engine reads.
    const spec = typeof title === 'string' ? `${title}\n\n${description}` : description;
    return { id: String(vacancyIndex), spec };
  });
}
