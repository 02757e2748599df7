import type { Kysely } from 'kysely';
import type { DialectMigration } from './index.ts';

/**
 * Fair claims between organisations (queue/claim-order.ts): when each job was last claimed from, so the
 * organisation served least recently goes next; and indexes for finding open jobs and an organisation's
 * last claim without scanning every job ever submitted.
 */
export const fairClaims: DialectMigration = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('jobs').addColumn('last_claimed_at', 'text').execute();
    await db.schema.createIndex('jobs_open').on('jobs').columns(['status', 'created_at']).execute();
    await db.schema
      .createIndex('jobs_org_last_claimed')
      .on('jobs')
      .columns(['org_id', 'last_claimed_at'])
      .execute();
  },
});
