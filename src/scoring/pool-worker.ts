import { createHash } from 'node:crypto';
import type { ScoreOutcome } from './engine.ts';
import { monthIndexOf } from './local/cv/date-ranges.ts';
import { createLocalScorer, type LocalScorer } from './local/engine.ts';
import type { ParsedJob } from './local/jobspec/types.ts';

export interface ScoreTask {
  readonly jobSpec: string;
  readonly cvs: readonly string[];
  readonly asOf: string;
}

/** Jobs recently seen by this thread: a batch split over several tasks parses its spec once. */
const PARSED_CACHE_SIZE = 8;
const parsed = new Map<string, ParsedJob>();
let scorer: LocalScorer | undefined;

function parsedJob(s: LocalScorer, jobSpec: string): ParsedJob {
  const key = createHash('sha256').update(jobSpec).digest('hex');
  const hit = parsed.get(key);
  if (hit) return hit;
  const job = s.parse(jobSpec);
  parsed.set(key, job);
  if (parsed.size > PARSED_CACHE_SIZE) parsed.delete(parsed.keys().next().value ?? key);
  return job;
}

/** Runs in a worker thread (piscina): the HTTP event loop never waits for scoring. */
export default function scoreTask(task: ScoreTask): ScoreOutcome[] {
  scorer ??= createLocalScorer();
  const job = parsedJob(scorer, task.jobSpec);
  const asOf = monthIndexOf(task.asOf);
  return task.cvs.map((cv) => (scorer as LocalScorer).score(job, cv, asOf));
}
