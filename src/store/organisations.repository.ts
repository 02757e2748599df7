import type { Kysely, Selectable } from 'kysely';
import type { Organisation } from '../accounts/model.ts';
import type { Timestamp } from '../domain/time.ts';
import type { Database } from './schema.ts';
import type { OrganisationsTable } from './tables/organisations.table.ts';

export interface NewOrganisation {
  readonly name: string;
  readonly apiAccessEnabled: boolean;
  readonly committedScans: number;
  readonly hardCapScans: number;
  readonly webhookSecret: string;
  readonly createdAt: Timestamp;
}

export interface OrganisationChanges {
  readonly name?: string;
  readonly apiAccessEnabled?: boolean;
  readonly committedScans?: number;
  readonly hardCapScans?: number;
  readonly webhookSecret?: string;
}

function toOrganisation(row: Selectable<OrganisationsTable>): Organisation {
  return {
    id: row.id,
    name: row.name,
    apiAccessEnabled: row.api_access_enabled === 1,
    committedScans: row.committed_scans,
    hardCapScans: row.hard_cap_scans,
    webhookSecret: row.webhook_secret,
    createdAt: row.created_at as Timestamp,
  };
}

export async function insertOrganisation(db: Kysely<Database>, org: NewOrganisation): Promise<Organisation> {
  const row = await db
    .insertInto('organisations')
    .values({
      name: org.name,
      api_access_enabled: org.apiAccessEnabled ? 1 : 0,
      committed_scans: org.committedScans,
      hard_cap_scans: org.hardCapScans,
      webhook_secret: org.webhookSecret,
      created_at: org.createdAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toOrganisation(row);
}

export async function findOrganisation(db: Kysely<Database>, id: number): Promise<Organisation | undefined> {
  const row = await db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toOrganisation(row);
}

/** Applies the changes given; undefined when no such organisation exists. */
export async function updateOrganisationRow(
  db: Kysely<Database>,
  id: number,
  changes: OrganisationChanges,
): Promise<Organisation | undefined> {
  const row = await db
    .updateTable('organisations')
    .set({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.apiAccessEnabled !== undefined && { api_access_enabled: changes.apiAccessEnabled ? 1 : 0 }),
      ...(changes.committedScans !== undefined && { committed_scans: changes.committedScans }),
      ...(changes.hardCapScans !== undefined && { hard_cap_scans: changes.hardCapScans }),
      ...(changes.webhookSecret !== undefined && { webhook_secret: changes.webhookSecret }),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && toOrganisation(row);
}

/**
 * Inside a transaction: takes the organisation's write lock until commit and returns it (undefined when
 * missing). A no-op UPDATE locks in both dialects: on PostgreSQL it locks the row, so concurrent
 * transactions on the same organisation run one after another; on SQLite, as the transaction's first
 * statement, it takes the database write lock up front (waiting for it rather than failing later when a
 * read would have to be upgraded).
 */
export async function lockOrganisation(db: Kysely<Database>, id: number): Promise<Organisation | undefined> {
  const row = await db
    .updateTable('organisations')
    .set((eb) => ({ name: eb.ref('name') }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && toOrganisation(row);
}

export async function countOrganisations(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('organisations')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
