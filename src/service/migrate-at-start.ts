import { openStore, type Store } from '../store/database.ts';
import { migrateToLatest } from '../store/migrate.ts';

/**
 * Applies pending migrations before the service starts. The service's pool cuts statements off at
 * APTLY_DB_TIMEOUT, which a migration may need longer than (an index built on a large table), so on
 * PostgreSQL they run on a small pool of their own without that limit, closed once done.
 */
export async function migrateAtStart(store: Store, databaseUrl: string): Promise<string[]> {
  if (store.dialect !== 'postgres') return migrateToLatest(store);
  const unbounded = openStore(databaseUrl, { maxConnections: 2 });
  try {
    return await migrateToLatest(unbounded);
  } finally {
    await unbounded.close();
  }
}
