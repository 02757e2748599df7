import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../database.ts';
import type { DialectMigration } from './index.ts';

/** The first schema: organisations, users, keys and usage, jobs and candidates, deliveries, idempotency. */
export const initial: DialectMigration = (dialect: Dialect) => ({
  async up(db: Kysely<unknown>) {
    const withId = dialect === 'postgres' ? sql`serial primary key` : sql`integer primary key autoincrement`;

    await db.schema
      .createTable('organisations')
      .addColumn('id', withId)
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('api_access_enabled', 'integer', (c) => c.notNull())
      .addColumn('committed_scans', 'integer', (c) => c.notNull())
      .addColumn('hard_cap_scans', 'integer', (c) => c.notNull())
      .addColumn('webhook_secret', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('users')
      .addColumn('id', withId)
      .addColumn('org_id', 'integer', (c) => c.references('organisations.id'))
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('email_verified', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('api_keys')
      .addColumn('id', withId)
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('key_prefix', 'text', (c) => c.notNull())
      .addColumn('key_digest', 'text', (c) => c.notNull().unique())
      .addColumn('revoked', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('last_used_at', 'text')
      .execute();
    await db.schema.createIndex('api_keys_org').on('api_keys').column('org_id').execute();

    for (const [table, owner] of [
      ['key_usage', 'key_id'],
      ['org_usage', 'org_id'],
    ] as const) {
      await db.schema
        .createTable(table)
        .addColumn(owner, 'integer', (c) => c.notNull())
        .addColumn('billing_month', 'text', (c) => c.notNull())
        .addColumn('cv_count', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint(`${table}_pk`, [owner, 'billing_month'])
        .execute();
    }

    await db.schema
      .createTable('jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
      .addColumn('key_id', 'integer')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('job_spec', 'text')
      .addColumn('webhook_url', 'text')
      .addColumn('total_candidates', 'integer', (c) => c.notNull())
      .addColumn('processed_candidates', 'integer', (c) => c.notNull())
      .addColumn('as_of', 'text', (c) => c.notNull())
      .addColumn('scoring_engine', 'text', (c) => c.notNull())
      .addColumn('scoring_version', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('completed_at', 'text')
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('purged_at', 'text')
      .execute();
    await db.schema.createIndex('jobs_org').on('jobs').column('org_id').execute();
    await db.schema.createIndex('jobs_expires').on('jobs').column('expires_at').execute();

    await db.schema
      .createTable('candidates')
      .addColumn('job_id', 'text', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('candidate_ref', 'text', (c) => c.notNull())
      .addColumn('cv_text', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('result_json', 'text')
      .addColumn('score', 'integer')
      .addColumn('error', 'text')
      .addColumn('locked_by', 'text')
      .addColumn('locked_until', 'text')
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('candidates_pk', ['job_id', 'position'])
      .execute();
    // The queue's claim scans by status and lease expiry.
    await db.schema
      .createIndex('candidates_queue')
      .on('candidates')
      .columns(['status', 'locked_until'])
      .execute();

    await db.schema
      .createTable('webhook_deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('job_id', 'text', (c) => c.notNull().unique().references('jobs.id').onDelete('cascade'))
      .addColumn('org_id', 'integer', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('last_status_code', 'integer')
      .addColumn('last_error', 'text')
      .addColumn('locked_by', 'text')
      .addColumn('locked_until', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('delivered_at', 'text')
      .execute();
    await db.schema
      .createIndex('webhook_deliveries_due')
      .on('webhook_deliveries')
      .columns(['status', 'next_attempt_at'])
      .execute();

    await db.schema
      .createTable('idempotency_records')
      .addColumn('org_id', 'integer', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('request_hash', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('response_status', 'integer')
      .addColumn('response_body', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('idempotency_records_pk', ['org_id', 'key'])
      .execute();
    await db.schema
      .createIndex('idempotency_expires')
      .on('idempotency_records')
      .column('expires_at')
      .execute();

    await db.schema
      .createTable('settings')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
  },
});
