import { type PreciseScoringEngine, toEngineScore } from './precise-scores.ts';
import { termCounts, tokenize } from './tokenize.ts';

type Vector = Map<string, number>;

export const TFIDF_ENGINE_VERSION = '1';

/**
 * TF-IDF cosine between the job spec and each CV: sublinear tf (1 + ln tf), smoothed IDF
 * ln((1 + N) / (1 + df)) + 1 fitted on the batch's own documents (the spec plus its CVs, so no other job or
 * label leaks in), L2-normalised vectors. Score = 100 × cosine; cosines of real CVs rarely pass 0.5, so the
 * score has no verdict meaning until thresholds are fitted.
 */
export function createTfidfEngine(): PreciseScoringEngine {
  const cosines = (jobSpec: string, cvs: readonly string[]): number[] => {
    const documents = [jobSpec, ...cvs].map((text) => termCounts(tokenize(text)));
    const idf = inverseDocumentFrequency(documents);
    const [specVector, ...cvVectors] = documents.map((counts) => weightedUnitVector(counts, idf));
    if (!specVector) return [];
    return cvVectors.map((cvVector) => dot(specVector, cvVector));
  };
  return {
    name: 'tfidf',
    version: TFIDF_ENGINE_VERSION,
    preciseScores: (jobSpec, cvs) => cosines(jobSpec, cvs).map((cosine) => 100 * cosine),
    async scoreBatch(jobSpec, cvs) {
      return cosines(jobSpec, cvs).map((cosine) => toEngineScore(100 * cosine));
    },
  };
}

function inverseDocumentFrequency(documents: readonly Map<string, number>[]): Map<string, number> {
  const documentFrequency = new Map<string, number>();
  for (const counts of documents) {
    for (const term of counts.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const n = documents.length;
  const idf = new Map<string, number>();
  for (const [term, df] of documentFrequency) idf.set(term, Math.log((1 + n) / (1 + df)) + 1);
  return idf;
}

function weightedUnitVector(counts: Map<string, number>, idf: Map<string, number>): Vector {
  const vector: Vector = new Map();
  let squaredNorm = 0;
  for (const [term, tf] of counts) {
    const weight = (1 + Math.log(tf)) * (idf.get(term) ?? 0);
    vector.set(term, weight);
    squaredNorm += weight * weight;
  }
  const norm = Math.sqrt(squaredNorm);
  if (norm > 0) for (const [term, weight] of vector) vector.set(term, weight / norm);
  return vector;
}

function dot(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, weight] of small) sum += weight * (large.get(term) ?? 0);
  return sum;
}
