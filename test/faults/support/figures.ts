import { appendFileSync } from 'node:fs';
import { inject } from 'vitest';

/** What one fault test went through, summed over the run by the global setup's closing summary. */
export interface FaultFigures {
  jobs: number;
  candidates: number;
  /** Worker processes killed (SIGKILL) or stopped (SIGTERM) mid-job. */
  kills: number;
  /** PostgreSQL restarts. */
  restarts: number;
  /** aptly processes that died unasked (and were started again, as a supervisor would). */
  crashes: number;
  webhooksDelivered: number;
  /** Candidates missing from `results` and `failed` of a complete job. */
  lost: number;
  /** Candidates appearing more than once over `results` and `failed`, or webhooks accepted twice. */
  duplicated: number;
}

export const NO_FIGURES: FaultFigures = {
  jobs: 0,
  candidates: 0,
  kills: 0,
  restarts: 0,
  crashes: 0,
  webhooksDelivered: 0,
  lost: 0,
  duplicated: 0,
};

declare module 'vitest' {
  export interface ProvidedContext {
    faultFiguresFile: string;
  }
}

/** Appends one test's figures (test files run in their own processes: a file is how they add up). */
export function recordFigures(figures: Partial<FaultFigures>): void {
  appendFileSync(inject('faultFiguresFile'), `${JSON.stringify({ ...NO_FIGURES, ...figures })}\n`);
}
