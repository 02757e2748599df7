import type { ApiKeysTable, KeyUsageTable, OrgUsageTable } from './tables/api-keys.table.ts';
import type { DecisionsTable } from './tables/decisions.table.ts';
import type { IdempotencyRecordsTable } from './tables/idempotency.table.ts';
import type { CandidatesTable, JobsTable } from './tables/jobs.table.ts';
import type { LlmCacheTable } from './tables/llm-cache.table.ts';
import type { OrganisationsTable } from './tables/organisations.table.ts';
import type { SettingsTable } from './tables/settings.table.ts';
import type { UsersTable } from './tables/users.table.ts';
import type { WebhookDeliveriesTable } from './tables/webhook-deliveries.table.ts';

/** Every table, as Kysely sees it. Timestamps are ISO text (domain/time.ts) in every dialect. */
export interface Database {
  organisations: OrganisationsTable;
  users: UsersTable;
  api_keys: ApiKeysTable;
  key_usage: KeyUsageTable;
  org_usage: OrgUsageTable;
  jobs: JobsTable;
  candidates: CandidatesTable;
  webhook_deliveries: WebhookDeliveriesTable;
  idempotency_records: IdempotencyRecordsTable;
  settings: SettingsTable;
  llm_cache: LlmCacheTable;
  decisions: DecisionsTable;
}
