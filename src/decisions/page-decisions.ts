import type { Kysely } from 'kysely';
import { organisationOf } from '../accounts/member-access.ts';
import type { Decision } from '../domain/decision.ts';
import { splitPage } from '../domain/page.ts';
import type { UserPrincipal } from '../domain/principals.ts';
import type { Timestamp } from '../domain/time.ts';
import { listDecisions } from '../store/decisions.repository.ts';
import type { Database } from '../store/schema.ts';

export interface DecisionPageQuery {
  readonly since?: Timestamp;
  readonly until?: Timestamp;
  readonly cursor?: number;
  readonly limit: number;
}

export interface DecisionPage {
  readonly decisions: Decision[];
  /** Pass as `cursor` for the next page; null on the last page. */
  readonly next_cursor: string | null;
}

/** GET /api/v1/decisions: the user's organisation's decisions, oldest first, a page at a time. */
export async function pageDecisions(
  db: Kysely<Database>,
  user: UserPrincipal,
  query: DecisionPageQuery,
): Promise<DecisionPage> {
  const orgId = organisationOf(user);
  // One row more than asked tells whether another page follows (splitPage), without a count.
  const rows = await listDecisions(db, {
    orgId,
    limit: query.limit + 1,
    ...(query.since ? { since: query.since } : {}),
    ...(query.until ? { until: query.until } : {}),
    ...(query.cursor === undefined ? {} : { afterId: query.cursor }),
  });
  const { page, lastBeforeMore } = splitPage(rows, query.limit);
  return { decisions: page, next_cursor: lastBeforeMore ? String(lastBeforeMore.id) : null };
}
