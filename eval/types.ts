/** The three fit labels a human can give a (job, CV) pair; they mirror the three verdict bands. */
export const LABELS = ['strong', 'borderline', 'reject'] as const;
export type Label = (typeof LABELS)[number];

export interface EvalJob {
  id: string;
  spec: string;
}

/** One scored (job, CV) pair. A pair has a class label, a 0–100 grade, or both. */
export interface EvalPair {
  jobId: string;
  cvId: string;
  cvText: string;
  label?: Label;
  grade?: number;
}

/** Many CVs per job, each pair judged on its own (generic datasets, HackerEarth, Kaggle). */
export interface LabelledDataset {
  kind: 'labelled';
  name: string;
  adapter: string;
  path: string;
  jobs: EvalJob[];
  pairs: EvalPair[];
  /** Extra per-job counts worth printing (e.g. which categories were excluded as adjacent). */
  notes: string[];
  /** `asOf` found next to the data (meta.json), if any. */
  asOf?: string;
}

/** One annotator's ordering of the vacancies for one CV: place 1 = best. */
export interface VacancyRanking {
  annotator: string;
  cvId: string;
  placeByVacancy: ReadonlyMap<string, number>;
  /** False when the annotation is not a permutation of the vacancies (kept only to be counted). */
  valid: boolean;
}

/** The reverse direction: one CV, rank a handful of vacancies (Vanetik & Kogan). */
export interface VacancyRankingDataset {
  kind: 'vacancy-ranking';
  name: string;
  adapter: string;
  path: string;
  vacancies: EvalJob[];
  cvs: { id: string; text: string }[];
  rankings: VacancyRanking[];
  notes: string[];
  asOf?: string;
}

export type EvalDataset = LabelledDataset | VacancyRankingDataset;
