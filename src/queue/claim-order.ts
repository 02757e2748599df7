import { type Kysely, sql } from 'kysely';
import type { Timestamp } from '../domain/time.ts';
import type { Database } from '../store/schema.ts';
import { isClaimable } from './claimable.ts';

/**
 * How many jobs one claim considers. The first usually yields; the rest let a claim step past jobs whose
 * remaining rows concurrent claims hold locked at this instant (PostgreSQL) instead of coming back empty.
 */
const JOBS_CONSIDERED = 16;

/**
 * The jobs with claimable work, in the order a claim tries them: fair between organisations, FIFO within
 * one. First the organisation with the fewest candidates leased right now (concurrent workers spread over
 * organisations), then the one served least recently (a lone worker alternates between organisations),
 * then the oldest job. Plain FIFO would let one organisation's backlog of large jobs hold back every
 * other organisation's small job until the whole backlog is done.
 */
export async function claimOrder(
  tx: Kysely<Database>,
  at: Timestamp,
  maxAttempts: number,
): Promise<string[]> {
  const rows = await tx
    .with('busy', (db) =>
      db
        .selectFrom('candidates')
        .innerJoin('jobs', 'jobs.id', 'candidates.job_id')
        .select((eb) => ['jobs.org_id', eb.fn.countAll<number | string>().as('leased')])
        .where('candidates.status', '=', 'leased')
        .where('candidates.locked_until', '>', at)
        .groupBy('jobs.org_id'),
    )
    .selectFrom('jobs')
    .leftJoin('busy', 'busy.org_id', 'jobs.org_id')
    .select('jobs.id')
    .where('jobs.status', 'in', ['pending', 'processing'])
    .where('jobs.expires_at', '>', at)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('candidates')
          .select('candidates.position')
          .whereRef('candidates.job_id', '=', 'jobs.id')
          .where(isClaimable(at, maxAttempts)),
      ),
    )
    .orderBy((eb) => eb.fn.coalesce('busy.leased', sql.lit(0)))
    .orderBy((eb) =>
      eb.fn.coalesce(
        eb
          .selectFrom('jobs as served')
          .select((s) => s.fn.max('served.last_claimed_at').as('last'))
          .whereRef('served.org_id', '=', 'jobs.org_id'),
        // Never served sorts first.
        sql.lit(''),
      ),
    )
    .orderBy('jobs.created_at')
    .orderBy('jobs.id')
    .limit(JOBS_CONSIDERED)
    .execute();
  return rows.map((r) => r.id);
}
