import { type PreciseScoringEngine, toEngineScore } from './precise-scores.ts';
import { termCounts, tokenize } from './tokenize.ts';

/** The usual Okapi defaults (Robertson & Zaragoza; also Lucene's). */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/**
 * Okapi BM25 with the job spec as the query (each distinct spec term once) and the batch's CVs as the
 * collection: IDF ln(1 + (N − df + 0.5) / (df + 0.5)), which stays positive, and document-length
 * normalisation against the batch's mean CV length.
 *
 * Score = 100 × BM25 / (Σ over query terms of IDF × (k1 + 1)): the denominator is what a CV would get if it
 * saturated every spec term, so the score lies in 0–100 without depending on the other candidates' scores.
 */
export function createBm25Engine(): PreciseScoringEngine {
  const preciseScores = (jobSpec: string, cvs: readonly string[]): number[] => {
    const queryTerms = [...new Set(tokenize(jobSpec))];
    const documents = cvs.map((text) => {
      const tokens = tokenize(text);
      return { counts: termCounts(tokens), length: tokens.length };
    });
    const n = documents.length;
    const meanLength = n === 0 ? 0 : documents.reduce((sum, d) => sum + d.length, 0) / n;
    const idf = new Map<string, number>();
    for (const term of queryTerms) {
      const df = documents.filter((d) => d.counts.has(term)).length;
      idf.set(term, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
    }
    const raw = documents.map(({ counts, length }) => {
      const lengthNorm = meanLength > 0 ? 1 - BM25_B + (BM25_B * length) / meanLength : 1;
      let score = 0;
      for (const term of queryTerms) {
        const tf = counts.get(term) ?? 0;
        if (tf > 0) score += ((idf.get(term) ?? 0) * tf * (BM25_K1 + 1)) / (tf + BM25_K1 * lengthNorm);
      }
      return score;
    });
    let ceiling = 0;
    for (const value of idf.values()) ceiling += value * (BM25_K1 + 1);
    return raw.map((value) => (ceiling > 0 ? (100 * value) / ceiling : 0));
  };
  return {
    name: 'bm25',
    version: '1',
    preciseScores,
    async scoreBatch(jobSpec, cvs) {
      return preciseScores(jobSpec, cvs).map(toEngineScore);
    },
  };
}
