import type { JobView } from './jobs-api.ts';
import type { FaultSchema } from './postgres-schema.ts';

export interface Tally {
  readonly lost: number;
  readonly duplicated: number;
}

/** Compares each complete job's `results` + `failed` with the refs submitted to it. */
export function tallyCandidates(
  jobs: readonly JobView[],
  submitted: ReadonlyMap<string, readonly string[]>,
): Tally {
  let lost = 0;
  let duplicated = 0;
  for (const job of jobs) {
    const seen = [...(job.results ?? []), ...(job.failed ?? [])].map((c) => c.candidate_ref);
    const unique = new Set(seen);
    duplicated += seen.length - unique.size;
    for (const ref of submitted.get(job.job_id) ?? []) if (!unique.has(ref)) lost += 1;
  }
  return { lost, duplicated };
}

/** Candidate rows of these jobs that are not finished (queued or leased) after their job completed. */
export async function unfinishedCandidateRows(
  schema: FaultSchema,
  jobIds: readonly string[],
): Promise<number> {
  const [row] = await schema.query<{ n: string }>(
    `select count(*) as n from candidates where job_id = any($1) and status not in ('scored', 'failed')`,
    [jobIds],
  );
  return Number(row?.n ?? 0);
}

/** Jobs whose row says complete while its counter disagrees with its finished candidate rows. */
export async function inconsistentJobRows(schema: FaultSchema, jobIds: readonly string[]): Promise<string[]> {
  const rows = await schema.query<{ id: string }>(
    `select j.id from jobs j
       where j.id = any($1)
         and (j.status <> 'complete'
           or j.completed_at is null
           or j.processed_candidates <> j.total_candidates
           or j.total_candidates <> (select count(*) from candidates c
                                      where c.job_id = j.id and c.status in ('scored', 'failed')))`,
    [jobIds],
  );
  return rows.map((row) => row.id);
}

/** Results as comparable text: refs and scores in order, so a later read can be checked for changes. */
export function resultsFingerprint(job: JobView): string {
  return JSON.stringify({ results: job.results, failed: job.failed, completed_at: job.completed_at });
}
