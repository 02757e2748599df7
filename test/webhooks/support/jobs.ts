import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { addMs, now, type Timestamp } from '../../../src/domain/time.ts';
import type { Database } from '../../../src/store/schema.ts';
import { enqueueWebhookDelivery } from '../../../src/store/webhook-deliveries.repository.ts';
import { generateWebhookSecret } from '../../../src/webhooks/secret.ts';

export interface Organisation {
  readonly id: number;
  readonly webhookSecret: string;
}

/** Rows written directly: these tests depend on no other area's code to create jobs. */
export async function insertOrganisation(db: Kysely<Database>): Promise<Organisation> {
  const webhookSecret = generateWebhookSecret();
  const row = await db
    .insertInto('organisations')
    .values({
      name: `org ${randomUUID()}`,
      api_access_enabled: 1,
      committed_scans: 1000,
      hard_cap_scans: 1500,
      webhook_secret: webhookSecret,
      created_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, webhookSecret };
}

export interface CandidateRow {
  readonly ref: string;
  /** A score for a scored candidate, an error for a failed one. */
  readonly score?: number;
  readonly error?: string;
}

export const SAMPLE_CANDIDATES: readonly CandidateRow[] = [
  { ref: 'cand-low', score: 42 },
  { ref: 'cand-high', score: 91 },
  { ref: 'cand-blank', error: 'cv_text is blank' },
  { ref: 'cand-mid', score: 66 },
];

/** A complete job with its candidates and a pending delivery to `url`, due at `dueAt`. */
export async function insertDeliverableJob(
  db: Kysely<Database>,
  org: Organisation,
  url: string,
  options: { dueAt?: Timestamp; purged?: boolean; candidates?: readonly CandidateRow[] } = {},
): Promise<string> {
  const id = randomUUID();
  const at = now();
  const candidates = options.candidates ?? SAMPLE_CANDIDATES;
  await db
    .insertInto('jobs')
    .values({
      id,
      org_id: org.id,
      key_id: null,
      status: 'complete',
      job_spec: options.purged ? null : 'Senior Python developer',
      webhook_url: url,
      total_candidates: candidates.length,
      processed_candidates: candidates.length,
      as_of: at.slice(0, 10),
      scoring_engine: 'local',
      scoring_version: 'test',
      created_at: at,
      completed_at: at,
      expires_at: addMs(at, 72 * 3_600_000),
      purged_at: options.purged ? at : null,
    })
    .execute();
  for (const [position, candidate] of candidates.entries()) {
    const scored = candidate.score !== undefined;
    await db
      .insertInto('candidates')
      .values({
        job_id: id,
        position,
        candidate_ref: candidate.ref,
        cv_text: options.purged ? null : `CV of ${candidate.ref}`,
        status: scored ? 'scored' : 'failed',
        result_json: scored
          ? JSON.stringify({ score: candidate.score, match_reasons: [`reason ${position}`], gaps: [] })
          : null,
        score: candidate.score ?? null,
        error: candidate.error ?? null,
        locked_by: null,
        locked_until: null,
        attempts: 1,
      })
      .execute();
  }
  await enqueueWebhookDelivery(db, { jobId: id, orgId: org.id, url, at: options.dueAt ?? at });
  return id;
}

export async function deliveryRow(db: Kysely<Database>, jobId: string) {
  return db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('job_id', '=', jobId)
    .executeTakeFirstOrThrow();
}
