import type { Kysely } from 'kysely';
import type { DialectMigration } from './index.ts';

/**
 * GET /api/v1/jobs lists an organisation's jobs newest first, paging on (created_at, id): this index serves
 * it as one range scan, where jobs_org alone would sort every job the organisation still has.
 */
export const jobsListing: DialectMigration = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('jobs_org_created')
      .on('jobs')
      .columns(['org_id', 'created_at', 'id'])
      .execute();
  },
});
