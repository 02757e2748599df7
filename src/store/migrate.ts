import { type Migration, type MigrationProvider, type MigrationResultSet, Migrator, sql } from 'kysely';
import { withAdvisoryLock } from './advisory-lock.ts';
import type { Store } from './database.ts';
import { withFileLock } from './file-lock.ts';
import { MIGRATIONS } from './migrations/index.ts';

async function migrator(store: Store): Promise<Migrator> {
  const provider: MigrationProvider = {
    async getMigrations(): Promise<Record<string, Migration>> {
      return Object.fromEntries(Object.entries(MIGRATIONS).map(([name, m]) => [name, m(store.dialect)]));
    },
  };
  // Kysely's migrator takes a lock in the database: processes starting together apply each migration once.
  // On PostgreSQL it looks for its own tables in every schema unless told which: name the current one, so
  // databases that live side by side in schemas of one server (tests, tenants) never see each other's.
  const schema = store.dialect === 'postgres' ? await currentSchema(store) : undefined;
  return new Migrator({ db: store.db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
}

async function currentSchema(store: Store): Promise<string | undefined> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(store.db);
  return rows[0]?.schema ?? undefined;
}

export class MigrationError extends Error {}

/** Applies every pending migration; throws naming the one that failed. Safe when processes race. */
export async function migrateToLatest(store: Store): Promise<string[]> {
  // SQLite: Kysely's migrator assumes one connection, so a lock file makes processes take turns.
  if (store.file) return withFileLock(`${store.file}.migrate.lock`, () => applyPending(store));
  // PostgreSQL: Kysely's migrator locks a row of its lock table, but processes starting at once on an empty
  // database may race to create those tables. A session advisory lock, taken first, serialises the whole
  // run; it is keyed by schema, so databases side by side in one server's schemas do not wait on each other.
  if (store.dedicatedClient) {
    const lockName = `aptly.migrations:${(await currentSchema(store)) ?? ''}`;
    return withAdvisoryLock(store.dedicatedClient(), lockName, () => applyPending(store));
  }
  return applyPending(store);
}

async function applyPending(store: Store): Promise<string[]> {
  const { error, results }: MigrationResultSet = await (await migrator(store)).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(
      `migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Names of migrations not yet applied (for /readyz). */
export async function pendingMigrations(store: Store): Promise<string[]> {
  const all = await (await migrator(store)).getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
