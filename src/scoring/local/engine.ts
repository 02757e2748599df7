import type { EngineScore } from '../../domain/candidate-result.ts';
import type { ScoreOptions, ScoreOutcome, ScoringEngine } from '../engine.ts';
import { type MonthIndex, monthIndexOf } from './cv/date-ranges.ts';
import { parseJob } from './jobspec/parse-job.ts';
import type { ParsedJob } from './jobspec/types.ts';
import { scoreCandidate, UnscorableCvError } from './score-candidate.ts';
import { loadTaxonomy } from './taxonomy/load.ts';
import type { Taxonomy } from './taxonomy/types.ts';

/** Bumped whenever a change can move any score or explanation. */
export const LOCAL_ENGINE_VERSION = '1.14.1';

export function asOfMonth(options: ScoreOptions | undefined): MonthIndex {
  return monthIndexOf(options?.asOf ?? new Date().toISOString().slice(0, 10));
}

/** Job-spec parsing and per-CV scoring, exposed separately so a batch parses its spec once. */
export interface LocalScorer {
  parse(jobSpec: string): ParsedJob;
  score(job: ParsedJob, cv: string, asOf: MonthIndex): ScoreOutcome;
}

export function createLocalScorer(taxonomy: Taxonomy = loadTaxonomy()): LocalScorer {
  return {
    parse: (jobSpec) => parseJob(jobSpec, taxonomy),
    score(job, cv, asOf) {
      try {
        return { ok: true, value: scoreCandidate(job, cv, taxonomy, asOf) };
      } catch (error) {
        if (error instanceof UnscorableCvError) return { ok: false, error: error.message };
        throw error;
      }
    },
  };
}

/** The default engine, in-process on the calling thread. The service uses the pooled one (pool.ts). */
export function createLocalEngine(taxonomy?: Taxonomy): ScoringEngine {
  let scorer: LocalScorer | undefined;
  const get = () => {
    scorer ??= createLocalScorer(taxonomy);
    return scorer;
  };
  const scoreEach = async (jobSpec: string, cvs: readonly string[], options?: ScoreOptions) => {
    const s = get();
    const job = s.parse(jobSpec);
    const asOf = asOfMonth(options);
    return cvs.map((cv) => s.score(job, cv, asOf));
  };
  return {
    name: 'local',
    version: LOCAL_ENGINE_VERSION,
    scoreEach,
    async scoreBatch(jobSpec, cvs, options): Promise<EngineScore[]> {
      return unwrapAll(await scoreEach(jobSpec, cvs, options));
    },
  };
}

export function unwrapAll(outcomes: readonly ScoreOutcome[]): EngineScore[] {
  return outcomes.map((o, i) => {
    if (!o.ok) throw new Error(`CV ${i + 1} could not be scored: ${o.error}`);
    return o.value;
  });
}
