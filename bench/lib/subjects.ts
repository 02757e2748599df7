/**
 * The two engines the benchmark compares, each with a synchronous per-CV path (so per-CV timings hold no
 * promise overhead) and its own whole-batch call.
 */
import { createTfidfEngine, TFIDF_ENGINE_VERSION } from '../../eval/baselines/tfidf.ts';
import type { EngineScore } from '../../src/domain/candidate-result.ts';
import { clampScore } from '../../src/domain/verdict.ts';
import { monthIndexOf } from '../../src/scoring/local/cv/date-ranges.ts';
import {
  createLocalEngine,
  createLocalScorer,
  LOCAL_ENGINE_VERSION,
} from '../../src/scoring/local/engine.ts';

/** Scores one CV against a job prepared beforehand: the 0–100 score, or null when the CV is unscorable. */
export type CvScorer = (cv: string) => number | null;

/** What the report says about a subject: plain data, which can be read without building the subject. */
export interface SubjectDescription {
  readonly name: string;
  readonly description: string;
  /** How the per-CV figures call the engine, printed under the table. */
  readonly perCvPath: string;
  /** True when every per-CV call also processes the job spec (so per-CV times include it). */
  readonly perCvIncludesJobSpec: boolean;
}

export interface BenchSubject extends SubjectDescription {
  /** Does the once-per-job work (parsing) and returns the per-CV scorer. */
  prepare(jobSpec: string, asOf: string): CvScorer;
  scoreBatch(jobSpec: string, cvs: readonly string[], asOf: string): Promise<EngineScore[]>;
}

export const SUBJECT_DESCRIPTIONS = {
  local: {
    name: 'local',
    description: `createLocalScorer() / createLocalEngine() from src/scoring/local/engine.ts, v${LOCAL_ENGINE_VERSION}`,
    perCvPath: 'scorer.parse(spec) once, outside the per-CV timings; then scorer.score(job, cv, asOf) per CV',
    perCvIncludesJobSpec: false,
  },
  /**
   * TF-IDF fits its IDF on the documents of each call, so it has no "parse the job once" step: per CV it
   * tokenises the spec again and fits IDF on two documents. Its whole-batch row is the like-for-like one.
   */
  tfidf: {
    name: 'tfidf',
    description: `createTfidfEngine() from eval/baselines/tfidf.ts, v${TFIDF_ENGINE_VERSION}`,
    perCvPath:
      'preciseScores(spec, [cv]) per CV (what scoreBatch wraps, minus the promise); re-tokenises the spec',
    perCvIncludesJobSpec: true,
  },
} as const satisfies Record<string, SubjectDescription>;

/** Creating it loads the taxonomy (memoised per thread), so the bench times the creation. */
export function localSubject(): BenchSubject {
  const scorer = createLocalScorer();
  const engine = createLocalEngine();
  return {
    ...SUBJECT_DESCRIPTIONS.local,
    prepare(jobSpec, asOf) {
      const job = scorer.parse(jobSpec);
      const month = monthIndexOf(asOf);
      return (cv) => {
        const outcome = scorer.score(job, cv, month);
        return outcome.ok ? outcome.value.score : null;
      };
    },
    scoreBatch: (jobSpec, cvs, asOf) => engine.scoreBatch(jobSpec, cvs, { asOf }),
  };
}

export function tfidfSubject(): BenchSubject {
  const engine = createTfidfEngine();
  return {
    ...SUBJECT_DESCRIPTIONS.tfidf,
    prepare: (jobSpec) => (cv) => clampScore(engine.preciseScores(jobSpec, [cv])[0] ?? Number.NaN),
    scoreBatch: (jobSpec, cvs) => engine.scoreBatch(jobSpec, cvs),
  };
}

/** The subjects by name: a worker thread is told which one to build. */
export const BENCH_SUBJECTS = { local: localSubject, tfidf: tfidfSubject } as const;
export type BenchSubjectName = keyof typeof BENCH_SUBJECTS;
