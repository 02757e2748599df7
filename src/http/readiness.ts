import { sql } from 'kysely';
import type { Store } from '../store/database.ts';
import { MIGRATIONS } from '../store/migrations/index.ts';

/** A database that does not answer within this long counts as unreachable. */
const TIMEOUT_MS = 2_000;

/**
 * Why the service cannot take traffic, or undefined when it can: the database must answer and every
 * migration must be recorded as applied. The applied list is read from this connection's own migration
 * table: Kysely's migrator looks for its tables in every schema of the database, so another schema's
 * tables (another environment, a test) would hide that this one is not migrated.
 */
export function unreadiness(store: Store): Promise<string | undefined> {
  return withTimeout(check(store), TIMEOUT_MS, 'Database unreachable');
}

async function check(store: Store): Promise<string | undefined> {
  try {
    await sql`select 1`.execute(store.db);
  } catch {
    return 'Database unreachable';
  }
  const applied = await sql<{ name: string }>`select name from kysely_migration`
    .execute(store.db)
    .then((result) => new Set(result.rows.map((row) => row.name)))
    // The database answered above: a failure here means the migration table does not exist yet.
    .catch(() => new Set<string>());
  const pending = Object.keys(MIGRATIONS).filter((name) => !applied.has(name));
  return pending.length > 0 ? `Database migrations pending: ${pending.join(', ')}` : undefined;
}

function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
