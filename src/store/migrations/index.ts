import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.ts';
import { initial } from './20261128T1800_initial.ts';
import { fairClaims } from './20261128T1830_fair_claims.ts';
import { llmCache } from './20261128T2100_llm_cache.ts';
import { decisionLog } from './20261128T2200_decision_log.ts';
import { jobsListing } from './20261128T2300_jobs_listing.ts';

/** A migration that may differ by dialect (identity columns). Migrations are append-only. */
export type DialectMigration = (dialect: Dialect) => Migration & { up(db: Kysely<unknown>): Promise<void> };

/** Every migration, by name; names sort in the order they apply. Never edit or remove one: add a new one. */
export const MIGRATIONS: Readonly<Record<string, DialectMigration>> = {
  '20261128T1800_initial': initial,
  '20261128T1830_fair_claims': fairClaims,
  '20261128T2100_llm_cache': llmCache,
  '20261128T2200_decision_log': decisionLog,
  '20261128T2300_jobs_listing': jobsListing,
};
