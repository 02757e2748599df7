import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../database.ts';
import type { DialectMigration } from './index.ts';

/**
 * The decision log (store/tables/decisions.table.ts). No foreign key to jobs: a decision outlives its
 * job's purge and tombstone. Indexes serve the export (an organisation's rows by id) and the purge (by age).
 */
export const decisionLog: DialectMigration = (dialect: Dialect) => ({
  async up(db: Kysely<unknown>) {
    const withId = dialect === 'postgres' ? sql`serial primary key` : sql`integer primary key autoincrement`;
    await db.schema
      .createTable('decisions')
      .addColumn('id', withId)
      .addColumn('job_id', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('org_id', 'integer', (c) => c.notNull())
      .addColumn('key_id', 'integer')
      .addColumn('candidate_ref', 'text', (c) => c.notNull())
      .addColumn('score', 'integer', (c) => c.notNull())
      .addColumn('verdict', 'text', (c) => c.notNull())
      .addColumn('requirements_json', 'text', (c) => c.notNull())
      .addColumn('engine', 'text', (c) => c.notNull())
      .addColumn('engine_version', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text', (c) => c.notNull())
      .addColumn('decided_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('decisions_job_position', ['job_id', 'position'])
      .execute();
    await db.schema.createIndex('decisions_org_id').on('decisions').columns(['org_id', 'id']).execute();
    await db.schema.createIndex('decisions_decided_at').on('decisions').column('decided_at').execute();
  },
});
