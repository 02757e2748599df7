import type { ExpressionBuilder } from 'kysely';
import type { Timestamp } from '../domain/time.ts';
import type { Database } from '../store/schema.ts';

/**
 * A candidate a worker may take: queued, or leased by a worker whose lease ran out (it died or stalled),
 * and not yet tried `maxAttempts` times (those are failed by the lease reaper instead).
 */
export function isClaimable(at: Timestamp, maxAttempts: number) {
  return (eb: ExpressionBuilder<Database, 'candidates'>) =>
    eb.and([
      eb.or([
        eb('candidates.status', '=', 'queued'),
        eb.and([eb('candidates.status', '=', 'leased'), eb('candidates.locked_until', '<=', at)]),
      ]),
      eb('candidates.attempts', '<', maxAttempts),
    ]);
}
