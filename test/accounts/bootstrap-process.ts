import { bootstrapIfEmpty } from '../../src/accounts/index.ts';
import { now } from '../../src/domain/time.ts';
import { openStore } from '../../src/store/database.ts';

/** A separate process that bootstraps DATABASE_URL and prints the outcome: tests race two of them. */
const store = openStore(process.env.DATABASE_URL ?? '');
try {
  const result = await bootstrapIfEmpty(store.db, now());
  process.stdout.write(JSON.stringify(result ?? null));
} finally {
  await store.close();
}
